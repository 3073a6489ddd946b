/** A select in a GET filter form, whose empty choice means "any". */
export function FilterSelect({ name, label, value, options, any }: { name: string; label: string; value?: string; options: { value: string; label: string }[]; any: string }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="govuk-select" id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
