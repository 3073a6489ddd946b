import type { InputHTMLAttributes } from 'react';
import { describedBy, LabelledField } from './field-parts';

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** GOV.UK text input with label, optional hint and inline error, wired with aria-describedby. */
export function TextInput({ name, label, hint, error, className, ...input }: TextInputProps) {
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <input
        id={name}
        name={name}
        className={`govuk-input${error ? ' govuk-input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(name, { hint, error })}
        {...input}
      />
    </LabelledField>
  );
}
