import { useEffect, useRef, type MouseEvent } from 'react';

export interface FieldError {
  /** The id of the field the message is about, so the link moves focus to it. */
  field: string;
  message: string;
}

/**
 * GOV.UK error summary: shown at the top of the page and focused, so screen readers announce it;
 * the page title gains the "Error:" prefix.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length === 0) return;
    ref.current?.focus();
    if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
    return () => {
      document.title = document.title.replace(/^Error: /, '');
    };
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.field}:${error.message}`}>
                <a href={`#${error.field}`} onClick={(event) => focusField(event, error.field)}>
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * Where scripts run, a link in the summary puts focus in the field itself (the first input of a
 * question, when it points at the question), as GOV.UK's own script does; without them the link
 * still jumps there.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  const target = document.getElementById(field);
  if (!target) return;
  event.preventDefault();
  const focusable = target.matches('input, select, textarea, button, [tabindex]')
    ? target
    : target.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])');
  target.scrollIntoView({ block: 'start' });
  (focusable ?? target).focus({ preventScroll: true });
}
