import type { TextareaHTMLAttributes } from 'react';
import { describedBy, LabelledField } from './field-parts';

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** GOV.UK textarea with label, optional hint and inline error. */
export function TextArea({ name, label, hint, error, rows = 5, ...textarea }: TextAreaProps) {
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <textarea
        id={name}
        name={name}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        aria-describedby={describedBy(name, { hint, error })}
        {...textarea}
      />
    </LabelledField>
  );
}
