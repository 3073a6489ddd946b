import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useActionData, useParams } from '@remix-run/react';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { currentDraft, journeyCookieWith } from '~/surveys/journey.server';
import { submitResponse } from '~/surveys/responses.server';
import { requireSurvey } from '~/surveys/route-helpers.server';
import { sourceFromParams } from '~/surveys/sources.server';
import { isStoreUnavailable } from '~/utils/store-errors';

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
      return data(result.ok ? { ok: true as const, errors: [] } : result, { status: result.ok ? 200 : 400 });
    }

    const form = await request.formData();
    await requireCsrf(request, form);
    const draft = await currentDraft(request, survey);
    // No draft: already sent (a double submit) or expired; either way the thanks page is right
    // only if it was sent, so go back to the start otherwise.
    if (!draft) throw redirect(form.get('responseId') ? `/surveys/${survey.id}/done` : `/surveys/${survey.id}`);
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
      return data(
        {
          ok: false,
          errors: [{ field: 'send', message: 'Sorry, we could not save your answers just now. They are kept on this device. Try again in a few minutes.' }],
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
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Your answers have not been sent yet</h1>
        <p className="govuk-body">Your answers are kept. You can try again now, or come back to this page later on this device.</p>
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
