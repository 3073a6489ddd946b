import type { ReactNode } from 'react';
import { describedBy, HintAndError, LabelledField } from './field-parts';

interface Option {
  value: string;
  label: string;
}

/** GOV.UK radios or checkboxes in a fieldset, with legend, hint and inline error. */
export function ChoiceFields({
  name,
  id: idBase = name,
  legend,
  hint,
  error,
  options,
  multiple = false,
  selected = [],
  children,
}: {
  name: string;
  /** The first choice's id and the others' prefix, where several groups share one name. */
  id?: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Option[];
  multiple?: boolean;
  selected?: string[];
  children?: ReactNode;
}) {
  const kind = multiple ? 'checkboxes' : 'radios';
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, { hint, error })}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError name={name} hint={hint} error={error} />
        <div className={`govuk-${kind}`} data-module={`govuk-${kind}`}>
          {options.map((option, index) => {
            const id = index === 0 ? idBase : `${idBase}-${index + 1}`;
            return (
              <div className={`govuk-${kind}__item`} key={option.value}>
                <input
                  className={`govuk-${kind}__input`}
                  id={id}
                  name={name}
                  type={multiple ? 'checkbox' : 'radio'}
                  value={option.value}
                  defaultChecked={selected.includes(option.value)}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
        {children}
      </fieldset>
    </div>
  );
}

/** A GOV.UK textarea with label, hint and inline error. */
export function TextArea({ name, label, hint, error, defaultValue }: { name: string; label: string; hint?: string; error?: string; defaultValue?: string }) {
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <textarea className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`} id={name} name={name} rows={3} defaultValue={defaultValue} aria-describedby={describedBy(name, { hint, error })} />
    </LabelledField>
  );
}
