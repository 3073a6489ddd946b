import type { MetaFunction } from '@remix-run/node';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Take part – Family Voice' }];

export default function TakePart() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Take part</h1>
        <p className="govuk-body">Tell us about the support your family has had. Your answers are anonymous.</p>
        <h2 className="govuk-heading-m">
          <a className="govuk-link" href="/surveys/common-question-set">
            Parents, carers and expectant parents
          </a>
        </h2>
        <p className="govuk-body">About 10 minutes.</p>
        <h2 className="govuk-heading-m">
          <a className="govuk-link" href="/surveys/young-people">
            Young people aged 11 to 25
          </a>
        </h2>
        <p className="govuk-body">About 5 minutes. Your answers are separate from your parents’ or carers’.</p>
        <h2 className="govuk-heading-m">
          <a className="govuk-link" href="/surveys/priorities">
            One quick question: what matters most to your family
          </a>
        </h2>
        <p className="govuk-body">About 2 minutes. This one needs JavaScript switched on.</p>
        <h2 className="govuk-heading-m">
          <a className="govuk-link" href="/panels">
            Join a panel
          </a>
        </h2>
        <p className="govuk-body">Talk with us and other families a few times a year.</p>
      </div>
    </div>
  );
}
