import type { LoaderFunctionArgs } from '@remix-run/node';
import { stringify } from 'csv-stringify/sync';
import { requireRole } from '~/auth/guards.server';
import { actionLabel, actorLabel, AUDIT_SUBJECTS, detailsText } from '~/governance/audit-labels';
import { recordAudit } from '~/governance/audit.server';
import { auditExport, readAuditFilter } from '~/governance/audit-trail.server';

/** The audit trail as CSV, with the page's filters; the download is itself audited. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'administrator');
  const filter = readAuditFilter(new URL(request.url).searchParams);
  const events = await auditExport(filter);
  const { page: _page, ...filters } = filter;
  await recordAudit({ who: user.id, what: 'audit.export', subjectType: 'audit_trail', correlationId: context.requestId, details: { rows: events.length, ...filters } });
  const csv = stringify(
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
    { header: true, columns: ['when_utc', 'who', 'who_id', 'what', 'action_code', 'subject', 'subject_id', 'details'], cast: { string: neutraliseFormula } },
  );
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="audit-trail.csv"',
      'Cache-Control': 'no-store',
    },
  });
}

/** Spreadsheets run cells that start with = + - @ as formulas: such text is kept as text. */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
