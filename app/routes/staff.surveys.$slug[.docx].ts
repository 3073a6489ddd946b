import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/guards.server';
import { paperForm } from '~/surveys/paper-form.server';
import { requireSurvey } from '~/surveys/route-helpers.server';

/** A question set as a Word document, for families who would rather answer on paper. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const survey = requireSurvey(params.slug, { staff: true });
  const bytes = await paperForm(survey);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${survey.id}.v${survey.version}-paper.docx"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
