import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { PreviewWarning, StoredAnswers } from '~/surveys/components/preview-parts';
import { describeAnswer } from '~/surveys/components/question-field';
import { answersToStore } from '~/surveys/responses.server';
import { currentDraft, pageFlow, pageQuestions, textFor } from '~/surveys/journey.server';
import { requireSurvey } from '~/surveys/route-helpers.server';

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Check your answers – Family Voice' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const survey = requireSurvey(params.slug);
  const draft = await currentDraft(request, survey);
  if (!draft) throw redirect(`/surveys/${survey.id}`);
  const text = textFor(survey, draft.locale);
  const flow = pageFlow(text, draft.answers);
  return {
    slug: survey.id,
    surveyTitle: text.title,
    back: `/surveys/${survey.id}/${flow.at(-1)?.name ?? ''}`,
    responseId: draft.responseId,
    // A staff preview ends here: what a submission would store, and no way to send it.
    stored: draft.preview ? answersToStore(survey, draft.answers, draft.locale) : null,
    // Set by the submit action when the saved answers no longer pass the checks.
    problem: new URL(request.url).searchParams.get('problem')?.slice(0, 200) ?? null,
    sections: flow.map((page) => ({
      name: page.name,
      title: page.title,
      rows: pageQuestions(page, draft.answers)
        .filter((question) => question.type !== 'html')
        .map((question) => ({
          name: question.name,
          title: question.title,
          answer: describeAnswer(question, draft.answers[question.name], draft.answers[`${question.name}-Comment`]),
        })),
    })),
  };
}

export default function CheckAnswers() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={data.back} className="govuk-back-link">
          Back
        </a>
        {data.stored ? <PreviewWarning /> : null}
        <ErrorSummary errors={data.problem ? [{ field: 'send', message: data.problem }] : []} />
        <span className="govuk-caption-l">{data.surveyTitle}</span>
        <h1 className="govuk-heading-l">Check your answers before sending them</h1>
        {data.sections.map((section) => (
          <div key={section.name}>
            <h2 className="govuk-heading-m">{section.title}</h2>
            <dl className="govuk-summary-list govuk-!-margin-bottom-9">
              {section.rows.map((row) => (
                <div className="govuk-summary-list__row" key={row.name}>
                  <dt className="govuk-summary-list__key">{row.title}</dt>
                  <dd className="govuk-summary-list__value">{row.answer}</dd>
                  <dd className="govuk-summary-list__actions">
                    <a className="govuk-link" href={`/surveys/${data.slug}/${section.name}?change=1`}>
                      Change<span className="govuk-visually-hidden"> your answer to: {row.title}</span>
                    </a>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
        {data.stored ? (
          <>
            <StoredAnswers result={data.stored} />
            <p className="govuk-body">
              <a className="govuk-link" href={`/staff/surveys/${data.slug}/preview`}>
                Back to the preview
              </a>
            </p>
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">Now send your answers</h2>
            <p className="govuk-body">By sending your answers you agree that they can be used, anonymously, to improve support for families.</p>
            <form method="post" action={`/surveys/${data.slug}/submit`} noValidate>
              <CsrfInput />
              <input type="hidden" name="responseId" value={data.responseId} />
              <button type="submit" id="send" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
                Send my answers
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
