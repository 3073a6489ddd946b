import type { MetaFunction } from '@remix-run/node';
import { DEPARTMENT } from '#db/reference/department';

export const meta: MetaFunction = () => [{ title: 'Privacy notice – Family Voice' }];

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Privacy notice</h1>
        <p className="govuk-body">
          The {DEPARTMENT.name} ({DEPARTMENT.shortName}) is the data controller for Family Voice. Until July 2024 it was
          called the Department for Levelling Up, Housing and Communities.
        </p>
        <h2 className="govuk-heading-m">What we keep apart</h2>
        <p className="govuk-body">
          Anything that could identify you, such as your name or contact details if you join a panel, is kept in a separate
          store from your answers. Your answers are stored under a code that cannot be turned back into your name by the
          people who analyse them.
        </p>
        <p className="govuk-body">
          If you answer the questions without joining a panel, we do not ask for your name, contact details, postcode or date
          of birth, and we do not store your internet address.
        </p>
        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">
          You can stop taking part at any time. If you joined a panel, you can ask us to delete your contact details and,
          if you want, your answers too.
        </p>
      </div>
    </div>
  );
}
