import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useParams } from '@remix-run/react';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { currentDraft, journeyCookieWith } from '~/surveys/journey.server';
import { responseStored, submitResponse } from '~/surveys/responses.server';
import { requireSurvey } from '~/surveys/route-helpers.server';
import { sourceFromParams } from '~/surveys/sources.server';
import { isStoreUnavailable } from '~/utils/store-errors';
import { periodText, RETENTION_DAYS } from '~/governance/retention-schedule';

const DRAFTS_KEPT = periodText(RETENTION_DAYS.surveyDrafts);

export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: 'Your answers have not been sent yet – Family Voice' }];

export const loader = ({ params }: { params: { slug?: string } }) => redirect(`/surveys/${params.slug ?? ''}/check`);

/** 256 KB: far above a complete answer set, far below what would strain the server. */
const MAX_BODY_BYTES = 256 * 1024;

const reactSubmission = z.object({
  csrf: z.string(),
  responseId: z.string(),
  answers: z.record(z.unknown()),
  locale: z.string().max(10).optional(),
  source: z.record(z.string()).optional(),
});

/**
 * One place both renderers send answers to. The server-rendered journey posts a form (its answers
 * are in the draft); the SurveyJS React UI posts JSON with the answers kept on the device. Either
 * way the same check and the same store run.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const survey = requireSurvey(params.slug);
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_BODY_BYTES) {
    return data({ ok: false, errors: [{ field: 'answers', message: 'Your answers are too long to send' }] }, { status: 413 });
  }
  try {
    if (request.headers.get('Content-Type')?.includes('application/json')) {
      // Feedback kept with an event goes through the pages, where its link or code was checked.
      if (survey.access !== 'open') return data({ ok: false, errors: [{ field: 'answers', message: 'These answers can only be sent from the question pages' }] }, { status: 403 });
      const parsed = reactSubmission.safeParse(await request.json().catch(() => null));
      if (!parsed.success) return data({ ok: false, errors: [{ field: 'answers', message: 'The answers could not be read' }] }, { status: 400 });
      const form = new FormData();
      form.set('csrf', parsed.data.csrf);
      await requireCsrf(request, form);
      const result = await submitResponse({
        survey,
        responseId: parsed.data.responseId,
        answers: parsed.data.answers,
        locale: parsed.data.locale,
        source: sourceFromParams(new URLSearchParams(parsed.data.source ?? {})),
      });
      return data(result.ok ? { ok: true as const, duplicate: result.duplicate, errors: [] } : result, { status: result.ok ? 200 : 400 });
    }

    const form = await request.formData();
    await requireCsrf(request, form);
    const draft = await currentDraft(request, survey);
    if (!draft) {
      // The thanks page only when these answers really were stored (a form sent twice); a draft that
      // has expired, or a journey cookie that names none, gets told so and loses nothing it had.
      const responseId = String(form.get('responseId') ?? '');
      if (await responseStored(responseId)) throw redirect(`/surveys/${survey.id}/done?already=1`);
      return data(
        {
          ok: false as const,
          kind: 'not-found' as const,
          errors: [{ field: 'start', message: `We could not find your answers. Answers not yet sent are kept for ${DRAFTS_KEPT}; you will need to start again.` }],
        },
        { status: 410 },
      );
    }
    // A staff preview is never sent: it ends on check your answers, which shows what would be stored.
    if (draft.preview) throw redirect(`/surveys/${survey.id}/check`);
    const result = await submitResponse({
      survey,
      responseId: draft.responseId,
      answers: draft.answers,
      source: draft.source,
      locale: draft.locale,
      draftId: draft.id,
    });
    if (!result.ok) {
      // The draft no longer fits the question set (for example a required answer is missing).
      const firstError = result.errors[0];
      throw redirect(`/surveys/${survey.id}/check?problem=${encodeURIComponent(firstError?.message ?? 'Check your answers')}`);
    }
    throw redirect(`/surveys/${survey.id}/done`, { headers: { 'Set-Cookie': await journeyCookieWith(request, survey.id, null) } });
  } catch (error) {
    if (isStoreUnavailable(error)) {
      // The React renderer keeps answers in the browser; the form journey's are in its saved draft.
      const kept = request.headers.get('Content-Type')?.includes('application/json') ? 'They are kept on this device.' : 'Your answers are saved.';
      return data(
        {
          ok: false,
          kind: 'unavailable' as const,
          errors: [{ field: 'send', message: `Sorry, we could not send your answers just now. ${kept} Try again in a few minutes.` }],
        },
        { status: 503 },
      );
    }
    throw error;
  }
}

/** Shown only when a posted form could not be stored (for example the research store is down). */
export default function SubmitProblem() {
  const result = useActionData<typeof action>();
  const { slug } = useParams();
  const errors = result && !result.ok ? result.errors : [];
  if (result && 'kind' in result && result.kind === 'not-found') {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">We could not find your answers</h1>
          <p className="govuk-body">
            Nothing has been sent. Answers that have not been sent are kept for {DRAFTS_KEPT} on the device they were given on, and these
            have expired or were started somewhere else.
          </p>
          <p className="govuk-body">
            <a id="start" className="govuk-link" href={`/surveys/${slug}`}>
              Start the questions again
            </a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Your answers have not been sent yet</h1>
        <p className="govuk-body">Your answers are saved for {DRAFTS_KEPT}. You can try again now, or come back to this page later on this device.</p>
        <form method="post" action={`/surveys/${slug}/submit`}>
          <CsrfInput />
          <input type="hidden" name="responseId" value="retry" />
          <button type="submit" id="send" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
            Try sending again
          </button>
        </form>
        <p className="govuk-body">
          <a className="govuk-link" href={`/surveys/${slug}/check`}>
            Check your answers
          </a>
        </p>
      </div>
    </div>
  );
}
