import type { MetaFunction } from '@remix-run/node';

export const meta: MetaFunction = () => [{ title: 'Contact – Family Voice' }];

export default function Contact() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Contact the Family Voice team</h1>
        <p className="govuk-body">
          For questions about taking part, your data, or this website, email{' '}
          <a className="govuk-link" href="mailto:family-voice@example.org">
            family-voice@example.org
          </a>
          .
        </p>
        <p className="govuk-body">We aim to reply within 5 working days.</p>
        <div className="govuk-inset-text">
          If you or a child are in danger, call 999. For help for your family now, contact your local council’s family
          hub or early help service.
        </div>
      </div>
    </div>
  );
}
