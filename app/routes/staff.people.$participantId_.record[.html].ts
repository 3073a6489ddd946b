import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '~/auth/guards.server';
import { subjectAccessHtml } from '~/governance/subject-access-file.server';
import { getMember, recordSubjectAccess, subjectAccessRecord } from '~/governance/subject-access.server';

/** The subject access file for one member, audited as a view of identity data. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const member = await getMember(params.participantId ?? '');
  if (!member) throw new Response('There is no such member', { status: 404 });
  await recordSubjectAccess({ person: member, by: admin, correlationId: context.requestId });
  const html = subjectAccessHtml(await subjectAccessRecord(member));
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': `attachment; filename="family-voice-information-${new Date().toISOString().slice(0, 10)}.html"`,
      'Cache-Control': 'private, no-store',
      // Opened from disk or here, the file runs nothing.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
