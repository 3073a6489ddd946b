import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/guards.server';
import { requireSurvey } from '~/surveys/route-helpers.server';

/** A question set's SurveyJS JSON (with the list of local authorities filled in), for use in another tool. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const survey = requireSurvey(params.slug, { staff: true });
  return new Response(`${JSON.stringify(survey.json, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${survey.id}.v${survey.version}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
