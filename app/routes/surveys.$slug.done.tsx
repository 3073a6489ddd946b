import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireSurvey } from '~/surveys/route-helpers.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Thank you – Family Voice' }];

export function loader({ params }: LoaderFunctionArgs) {
  const survey = requireSurvey(params.slug);
  return { slug: survey.id };
}

export default function SurveyDone() {
  useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Thank you</h1>
          <div className="govuk-panel__body">We have your answers</div>
        </div>
        <p className="govuk-body">
          What you told us will help the government understand what support families need. Your answers are anonymous.
        </p>
        <h2 className="govuk-heading-m">If you need help now</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>If you or a child are in danger, call 999.</li>
          <li>If you are worried about a child, call the NSPCC helpline on 0808 800 5000.</li>
          <li>For urgent help with your mental health, call NHS 111 and choose the mental health option, or text SHOUT to 85258.</li>
          <li>Your local council’s family hub or early help service can help with everyday family support.</li>
        </ul>
        <h2 className="govuk-heading-m">Help shape support in your area</h2>
        <p className="govuk-body">
          You can join a panel of families who talk with us a few times a year. <a className="govuk-link" href="/panels">Find out about panels</a>.
        </p>
      </div>
    </div>
  );
}
