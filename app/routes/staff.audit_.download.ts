import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '~/auth/guards.server';
import { actionLabel, actorLabel, AUDIT_SUBJECTS, detailsText } from '~/governance/audit-labels';
import { recordAudit } from '~/governance/audit.server';
import { auditExport, readAuditFilter } from '~/governance/audit-trail.server';
import { csvDownload } from '~/utils/csv.server';

/** The audit trail as CSV, with the page's filters; the download is itself audited. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const filter = readAuditFilter(new URL(request.url).searchParams);
  const events = await auditExport(filter);
  const { page: _page, ...filters } = filter;
  await recordAudit({ who: user.id, what: 'audit.export', subjectType: 'audit_trail', correlationId: context.requestId, details: { rows: events.length, ...filters } });
  return csvDownload(
    'audit-trail.csv',
    ['when_utc', 'who', 'who_id', 'what', 'action_code', 'subject', 'subject_id', 'details'],
    events.map((event) => [
      event.occurredAt.toISOString(),
      actorLabel(event.who, event.whoName),
      event.who,
      actionLabel(event.what),
      event.what,
      event.subjectType ? (AUDIT_SUBJECTS[event.subjectType] ?? event.subjectType) : '',
      event.subjectId ?? '',
      detailsText(event.details),
    ]),
  );
}
