import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireSurvey } from '~/surveys/route-helpers.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Thank you – Family Voice' }];

export function loader({ request, params }: LoaderFunctionArgs) {
  const survey = requireSurvey(params.slug);
  // Sent a second time (Back, then Send again): say so, rather than thank them as if it were new.
  const already = new URL(request.url).searchParams.get('already') === '1';
  return { slug: survey.id, audience: survey.audience, already };
}

/** Helplines for young people: their own, not their parents'. */
function YoungPeoplesHelp() {
  return (
    <>
      <p className="govuk-body">
        What you told us will help the government understand what support young people need. Your answers are anonymous and
        are not shared with your parents, carers or school.
      </p>
      <h2 className="govuk-heading-m">If you need to talk to someone</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>If you are in danger now, call 999.</li>
        <li>Childline: call 0800 1111 for free, any time, or chat online at childline.org.uk. It will not show on your phone bill.</li>
        <li>Shout: text SHOUT to 85258 for free, any time, if you are struggling to cope.</li>
        <li>A teacher, youth worker or school nurse you trust can help you find support near you.</li>
      </ul>
      <h2 className="govuk-heading-m">Have your say again</h2>
      <p className="govuk-body">
        Young people’s panels meet a few times a year to talk about the support young people get.{' '}
        <a className="govuk-link" href="/panels?audience=young-people">
          Find a young people’s panel
        </a>
        .
      </p>
    </>
  );
}

function FamiliesHelp() {
  return (
    <>
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
        You can join a panel of families who talk with us a few times a year.{' '}
        <a className="govuk-link" href="/panels?audience=parents-carers">
          Find out about panels
        </a>
        .
      </p>
    </>
  );
}

export default function SurveyDone() {
  const { audience, already } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Thank you</h1>
          <div className="govuk-panel__body">{already ? 'We already had your answers' : 'We have your answers'}</div>
        </div>
        {already ? (
          <div className="govuk-inset-text">You sent these answers before. We have kept them once, so there is nothing more to do.</div>
        ) : null}
        {audience === 'young-people' ? (
          <YoungPeoplesHelp />
        ) : audience === 'local-authorities' ? (
          <p className="govuk-body">
            What you told us helps us improve the workshops, training and support we offer. Good-practice guides are in the{' '}
            <a className="govuk-link" href="/guides">
              guides library
            </a>
            .
          </p>
        ) : (
          <FamiliesHelp />
        )}
      </div>
    </div>
  );
}
