import { describedBy, LabelledField } from './field-parts';

/** GOV.UK select with label, optional hint and inline error. */
export function SelectField({
  name,
  label,
  options,
  defaultValue,
  hint,
  error,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  error?: string;
}) {
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(name, { hint, error })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
