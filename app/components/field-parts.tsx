import type { ReactNode } from 'react';

/** The ids a field's aria-describedby should name: its hint and its error, when shown. */
export function describedBy(name: string, { hint, error }: { hint?: string; error?: string }): string | undefined {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and inline error, with the ids `describedBy` names. */
export function HintAndError({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <div id={`${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
    </>
  );
}

/** A GOV.UK form group with a label, optional hint and inline error, around one control. */
export function LabelledField({ name, label, hint, error, className, children }: { name: string; label: string; hint?: string; error?: string; className?: string; children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="govuk-label" htmlFor={name}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      {children}
    </div>
  );
}
