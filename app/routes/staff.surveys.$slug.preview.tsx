import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { answersToStore } from '~/surveys/responses.server';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { CsrfInput } from '~/components/csrf-input';
import { PreviewWarning } from '~/surveys/components/preview-parts';
import { startDraft } from '~/surveys/drafts.server';
import { journeyCookieWith, pageFlow, textFor } from '~/surveys/journey.server';
import surveyCss from 'survey-core/survey-core.fontless.min.css';
import { requireUser } from '~/auth/guards.server';
import { SurveyJsForm } from '~/surveys/components/surveyjs-form';
import { requireSurvey } from '~/surveys/route-helpers.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: surveyCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Preview: ${data?.title ?? 'question set'} – Family Voice` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const survey = requireSurvey(params.slug, { staff: true });
  return { slug: survey.id, title: survey.text[survey.locales[0]!]!.title, json: survey.json, hasFormPages: survey.renderer === 'govuk' || survey.plainPages, usesReactUi: survey.renderer === 'surveyjs' };
}

const previewRequest = z.object({ csrf: z.string(), answers: z.record(z.unknown()), locale: z.string().max(10).optional() });

/** The staff preview's answers, checked as a submission would be, and shown back; nothing is stored. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  const survey = requireSurvey(params.slug, { staff: true });
  if (!request.headers.get('Content-Type')?.includes('application/json')) return startFormPreview(request, survey);
  const parsed = previewRequest.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return data({ ok: false as const, errors: [{ field: 'answers', message: 'The answers could not be read' }] }, { status: 400 });
  const form = new FormData();
  form.set('csrf', parsed.data.csrf);
  await requireCsrf(request, form);
  const result = answersToStore(survey, parsed.data.answers, parsed.data.locale);
  return data(result, { status: result.ok ? 200 : 400 });
}

/**
 * Walks the families' own pages (as they work without JavaScript) on a draft marked as a preview:
 * the same checks run page by page, and the check-answers page shows what would be stored instead
 * of sending.
 */
async function startFormPreview(request: Request, survey: ReturnType<typeof requireSurvey>) {
  if (survey.renderer !== 'govuk' && !survey.plainPages) throw new Response('This question set is drawn only by the React UI', { status: 400 });
  await requireCsrf(request, await request.formData());
  const locale = survey.locales[0]!;
  const draft = await startDraft({ surveyId: survey.id, surveyVersion: survey.version, source: {}, locale, preview: true });
  const first = pageFlow(textFor(survey, locale), {})[0];
  throw redirect(`/surveys/${survey.id}/${first?.name ?? 'check'}`, {
    headers: { 'Set-Cookie': await journeyCookieWith(request, survey.id, draft.id) },
  });
}

export default function SurveyPreview() {
  const { slug, title, json, hasFormPages, usesReactUi } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/staff/surveys" className="govuk-back-link">
        Back to question sets
      </Link>
      <h1 className="govuk-heading-l">Preview: {title}</h1>
      <PreviewWarning />
      {hasFormPages ? (
        <>
          <h2 className="govuk-heading-m">The families’ pages</h2>
          <p className="govuk-body">
            {usesReactUi
              ? 'Families see this set in the React UI below; without JavaScript, they get it one page at a time, as pages that work without it.'
              : 'Families see this set one page at a time, as pages that work without JavaScript.'}{' '}
            Walk those pages: the same checks run, and the last page shows what would be stored.
          </p>
          <Form method="post" reloadDocument>
            <CsrfInput />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Preview the families’ pages
            </button>
          </Form>
          <h2 className="govuk-heading-m">In the React UI</h2>
          <p className="govuk-body">The same set as SurveyJS draws it, all on this page.</p>
        </>
      ) : (
        <p className="govuk-body">This set uses features only the React UI draws, so families see it as below.</p>
      )}
      <SurveyJsForm slug={slug} json={json} preview />
    </>
  );
}
