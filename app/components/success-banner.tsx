/** GOV.UK success notification banner, announced to screen readers when it appears. */
export function SuccessBanner({ message }: { message: string }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}

/** GOV.UK "Important" notification banner: information the person needs on arrival, not an outcome. */
export function ImportantBanner({ message }: { message: string }) {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="important-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="important-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
