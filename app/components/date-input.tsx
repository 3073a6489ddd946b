/** GOV.UK date input (day, month, year) for a UK date; its first field has the id `day`. */
export function DateInput({ error, values }: { error?: string; values: Record<string, string[]> }) {
  const part = (name: string, label: string, width: number) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={name === 'day' ? 'day' : `day-${name}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
          id={name === 'day' ? 'day' : `day-${name}`}
          name={name}
          type="text"
          inputMode="numeric"
          defaultValue={values[name]?.[0]}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={`date-hint${error ? ' date-error' : ''}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Date</legend>
        <div id="date-hint" className="govuk-hint">
          For example, 27 3 2027. UK time.
        </div>
        {error ? (
          <p id="date-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input">
          {part('day', 'Day', 2)}
          {part('month', 'Month', 2)}
          {part('year', 'Year', 4)}
        </div>
      </fieldset>
    </div>
  );
}
