import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { ReactNode } from 'react';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { requireCsrf } from '~/auth/csrf.server';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { ImportantBanner } from '~/components/success-banner';
import { PreviewWarning } from '~/surveys/components/preview-parts';
import { QuestionField } from '~/surveys/components/question-field';
import { afterChange, changeMode, drawnQuestions, hasBranching, withAdded, currentDraft, neighbours, pageFlow, savePage, textFor, withChangeMode } from '~/surveys/journey.server';
import { revealsOn } from '~/surveys/reveals';
import { requireSurvey } from '~/surveys/route-helpers.server';

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.pageTitle ? `${page.pageTitle} – ${page.surveyTitle || 'Family Voice'}` : `${page?.surveyTitle || 'Questions'} – Family Voice` },
];

async function loadPage(request: Request, slug: string | undefined, pageName: string | undefined) {
  const survey = requireSurvey(slug);
  const draft = await currentDraft(request, survey);
  if (!draft) throw redirect(`/surveys/${survey.id}`);
  const text = textFor(survey, draft.locale);
  const flow = pageFlow(text, draft.answers);
  const page = flow.find((candidate) => candidate.name === pageName);
  // A page the answers now skip (or a made-up name) leads back into the flow.
  if (!page) throw redirect(`/surveys/${survey.id}/${flow[0]?.name ?? 'check'}`);
  return { survey, draft, text, flow, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { survey, draft, text, flow, page } = await loadPage(request, params.slug, params.page);
  const { index, previous } = neighbours(flow, page.name);
  const change = changeMode(new URL(request.url), flow);
  const shown = drawnQuestions(page, draft.answers);
  const reveals = revealsOn(page);
  // Questions an answer on this page has just added (named in the address by our own redirect; only
  // this page's questions count).
  const added = (new URL(request.url).searchParams.get('added') ?? '').split(',').filter((name) => shown.some((question) => question.name === name));
  return {
    added,
    // Branching can still change how many sections there are, so the count says "about".
    exact: !hasBranching(text),
    // Changing an answer from check your answers: Back and Continue both lead back there.
    action: withChangeMode(`/surveys/${survey.id}/${page.name}`, change),
    slug: survey.id,
    surveyTitle: text.title,
    pageTitle: page.title,
    pageDescription: page.description,
    progress: { current: index + 1, total: flow.length },
    back: change ? `/surveys/${survey.id}/check` : previous ? `/surveys/${survey.id}/${previous}` : `/surveys/${survey.id}`,
    // Follow-ups that sit inside their answer are drawn there, not in the list.
    questions: shown.filter((question) => !reveals.has(question.name)),
    revealed: shown.filter((question) => reveals.has(question.name)).map((question) => ({ ...reveals.get(question.name)!, question })),
    answers: draft.answers,
    preview: draft.preview,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { survey, draft, text, flow, page } = await loadPage(request, params.slug, params.page);
  const form = await request.formData();
  await requireCsrf(request, form);
  const result = await savePage({ survey, draft, page, form });
  const change = changeMode(new URL(request.url), flow);
  if (result.ok && change) {
    // A follow-up revealed on this page is asked here first; then any page the change opened; then back.
    if (result.next === page.name) throw redirect(withAdded(withChangeMode(`/surveys/${survey.id}/${page.name}`, change), result.added));
    const next = afterChange(text, result.answers, page.name, result.opened, change.pending);
    throw redirect(next.page ? withChangeMode(`/surveys/${survey.id}/${next.page}`, { pending: next.pending }) : `/surveys/${survey.id}/check`);
  }
  if (result.ok && result.next === page.name) throw redirect(withAdded(`/surveys/${survey.id}/${page.name}`, result.added));
  if (result.ok) throw redirect(`/surveys/${survey.id}/${result.next ?? 'check'}`);
  return data({ errors: result.errors, values: result.values }, { status: 400 });
}

export default function SurveyPage() {
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.errors ?? [];
  const values = failed ? { ...page.answers, ...failed.values } : page.answers;
  // A page without a title takes the set's title as its heading, and the caption keeps only the progress.
  const heading = page.pageTitle || page.surveyTitle || 'Questions';
  const captionTitle = page.pageTitle ? page.surveyTitle : '';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={page.back} className="govuk-back-link">
          Back
        </a>
        {page.preview ? <PreviewWarning /> : null}
        <ErrorSummary errors={errors} />
        {captionTitle ? (
          <span className="govuk-caption-l">
            {captionTitle}
            <span className="govuk-visually-hidden">,</span>
          </span>
        ) : null}
        <span className="govuk-caption-m app-progress">
          Section {page.progress.current} of {page.exact ? '' : 'about '}
          {page.progress.total}
        </span>
        <h1 className="govuk-heading-l">{heading}</h1>
        {page.added.length > 0 && errors.length === 0 ? (
          <ImportantBanner message={`Your answer added ${page.added.length === 1 ? 'a question' : `${page.added.length} questions`} to this page, marked “New”.`} />
        ) : null}
        {page.pageDescription ? <p className="govuk-body">{page.pageDescription}</p> : null}
        <Form method="post" action={page.action} noValidate>
          <CsrfInput />
          {page.questions.map((question) => {
            const field = (shown: typeof question, conditionals?: Record<string, ReactNode>) => (
              <QuestionField
                key={shown.name}
                question={shown}
                value={values[shown.name]}
                comment={values[`${shown.name}-Comment`] as string | undefined}
                errors={errors}
                isNew={page.added.includes(shown.name)}
                conditionals={conditionals}
              />
            );
            const followUps = page.revealed.filter((reveal) => reveal.parent === question.name);
            if (followUps.length === 0) return field(question);
            const conditionals: Record<string, ReactNode[]> = {};
            for (const reveal of followUps) (conditionals[reveal.value] ??= []).push(field(reveal.question));
            return field(question, conditionals);
          })}
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Continue
          </button>
        </Form>
      </div>
    </div>
  );
}
