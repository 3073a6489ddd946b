import { describedBy, LabelledField } from './field-parts';

/** GOV.UK file upload with label, hint and inline error. */
export function FileField({ name, label, hint, error, accept }: { name: string; label: string; hint?: string; error?: string; accept?: string }) {
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <input className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`} id={name} name={name} type="file" accept={accept} aria-describedby={describedBy(name, { hint, error })} />
    </LabelledField>
  );
}
