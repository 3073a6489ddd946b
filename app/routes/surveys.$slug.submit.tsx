import type { ActionFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { currentDraft, journeyCookieWith } from '~/surveys/journey.server';
import { submitResponse } from '~/surveys/responses.server';
import { requireSurvey } from '~/surveys/route-helpers.server';
import { sourceFromParams } from '~/surveys/sources.server';
import { isStoreUnavailable } from '~/utils/store-errors';

export const loader = ({ params }: { params: { slug?: string } }) => redirect(`/surveys/${params.slug ?? ''}`);

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
      return data(result, { status: result.ok ? 200 : 400 });
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
        { ok: false, errors: [{ field: 'answers', message: 'Sorry, we could not save your answers just now. They are kept on this device. Try again in a few minutes.' }] },
        { status: 503 },
      );
    }
    throw error;
  }
}
