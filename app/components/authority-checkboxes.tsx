interface Authority {
  code: string;
  name: string;
  regionCode: string;
}

/**
 * Local authorities to tick, grouped by region, each region folded away (a details element, so it
 * works without JavaScript and by keyboard). Regions with a ticked authority start open.
 */
export function AuthorityCheckboxes({
  name,
  legend,
  hint,
  error,
  regions,
  authorities,
  selected,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  regions: { code: string; name: string }[];
  authorities: Authority[];
  selected: string[];
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id={name}>
      <fieldset className="govuk-fieldset" aria-describedby={[hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="govuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p className="govuk-error-message" id={`${name}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {regions.map((region) => {
          const inRegion = authorities.filter((authority) => authority.regionCode === region.code);
          if (inRegion.length === 0) return null;
          return (
            <details className="govuk-details govuk-!-margin-bottom-2" key={region.code} open={inRegion.some((authority) => selected.includes(authority.code))}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">{region.name}</span>
              </summary>
              <div className="govuk-details__text">
                <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                  {inRegion.map((authority) => (
                    <div className="govuk-checkboxes__item" key={authority.code}>
                      <input className="govuk-checkboxes__input" id={`${name}-${authority.code}`} name={name} type="checkbox" value={authority.code} defaultChecked={selected.includes(authority.code)} />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`${name}-${authority.code}`}>
                        {authority.name}
                      </label>
                    </div>
                  ))}
                </div>
              </div>
            </details>
          );
        })}
      </fieldset>
    </div>
  );
}
