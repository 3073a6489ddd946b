import { Link } from '@remix-run/react';

/** A page for a part of the service that is planned but not built yet, plainly marked as such. */
export function ComingSoon({ title, description, backTo = '/' }: { title: string; description: string; backTo?: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <strong className="govuk-tag govuk-tag--yellow">Coming soon</strong>
        <h1 className="govuk-heading-l govuk-!-margin-top-3">{title}</h1>
        <p className="govuk-body">{description}</p>
        <p className="govuk-body">This part of the service is being built and is not available yet.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={backTo}>
            Go back
          </Link>
        </p>
      </div>
    </div>
  );
}
