import type { MetaFunction } from '@remix-run/node';
import { ContactEmailLink, useContactDetails } from '~/components/contact-details';

export const meta: MetaFunction = () => [{ title: 'Contact – Family Voice' }];

export default function Contact() {
  const contact = useContactDetails();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Contact the Family Voice team</h1>
        <p className="govuk-body">
          For questions about taking part, your data, or this website, email{' '}
          <ContactEmailLink />.
        </p>
        {contact?.phone ? (
          <p className="govuk-body">
            Or call <a className="govuk-link" href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>, Monday to Friday, 9am to 5pm.
          </p>
        ) : null}
        <p className="govuk-body">We aim to reply within 5 working days.</p>
        <div className="govuk-inset-text">
          If you or a child are in danger, call 999. For help for your family now, contact your local council’s family
          hub or early help service.
        </div>
      </div>
    </div>
  );
}
