import { RETENTION_SCHEDULE } from '~/governance/retention-schedule';
import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { DEPARTMENT } from '#db/reference/department';
import { ContactEmailLink } from '~/components/contact-details';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Privacy notice – Family Voice' }];

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Privacy notice</h1>
        <h2 className="govuk-heading-m">Who is responsible for your information</h2>
        <p className="govuk-body">
          The {DEPARTMENT.name} ({DEPARTMENT.shortName}) is the data controller for Family Voice. Until July 2024 it was called the Department for Levelling
          Up, Housing and Communities. It works with the Department for Education, the Department for Work and Pensions and the Department of Health and
          Social Care. The Family Voice project runs the service for it and processes your information only on its instructions.
        </p>

        <h2 className="govuk-heading-m">What we collect</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            If you answer the questions: your answers, the local authority you live in if you tell us, and where the link came from. We do not ask for your
            name, contact details, postcode or date of birth, and we do not store your internet address.
          </li>
          <li>
            If you join a panel: your name and how to contact you, your consent, the sessions you are invited to and come to, and, if you choose to tell us,
            things about you such as your age group or ethnic group so we can check we hear from every kind of family.
          </li>
          <li>If you are a member of staff or a local authority officer: your name, work email, role, sign-ins and what you do in the service.</li>
        </ul>

        <h2 className="govuk-heading-m">Why we collect it and our lawful basis</h2>
        <p className="govuk-body">
          We use it to understand the support families get, want and cannot reach, and to improve family-support programmes. Our lawful basis is that it is
          needed for a task in the public interest (UK GDPR Article 6(1)(e)). Where you tell us about your health, ethnic group, religion or sexual
          orientation, we process it for research and statistics in the public interest (Article 9(2)(j)), with safeguards.
        </p>

        <h2 className="govuk-heading-m">How we protect it</h2>
        <p className="govuk-body">
          Anything that could identify you, such as your name or contact details, is kept in a separate store from your answers. Your answers are stored
          under a code that cannot be turned back into your name by the people who analyse them. Names, emails and phone numbers typed into answers are
          removed before anyone reads them. Reports never show numbers small enough to pick someone out.
        </p>

        <h2 className="govuk-heading-m">Who we share it with</h2>
        <p className="govuk-body">
          We share findings, not your details, with the government departments and local authorities. Published reports and guides contain no information
          that identifies you. Your contact details are used only to run the panel you joined.
        </p>

        <h2 className="govuk-heading-m">How long we keep it</h2>
        <p className="govuk-body">
          Panel members’ contact details are kept while you are a member and deleted when you leave. At the end of the project, everything is passed to{' '}
          {DEPARTMENT.shortName} and then securely destroyed. Until then, we delete records on this schedule, every night:
        </p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">How long we keep each kind of record</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Record
              </th>
              <th scope="col" className="govuk-table__header">
                How long we keep it
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {RETENTION_SCHEDULE.map((rule) => (
              <tr className="govuk-table__row" key={rule.key}>
                <td className="govuk-table__cell">{rule.what}</td>
                <td className="govuk-table__cell">{rule.kept}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">
          You can ask to see the information we hold about you, to correct it, or to have it deleted. You can stop taking part at any time: if you joined a
          panel, the link in any of our emails lets you leave, and your contact details are deleted. Because answers given without joining a panel are
          anonymous, we cannot find them to delete them.
        </p>
        <p className="govuk-body">
          To use your rights, email <ContactEmailLink /> or use our <Link to="/contact" className="govuk-link">contact page</Link>.
        </p>

        <h2 className="govuk-heading-m">Complaints</h2>
        <p className="govuk-body">
          If you are unhappy with how we have used your information, contact us first. You can also complain to the Information Commissioner’s Office (ICO),
          Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF, telephone 0303 123 1113.
        </p>
      </div>
    </div>
  );
}
