import { PROGRAMME_CODES } from '#db/reference/programmes';
import type { FieldError } from '~/components/error-summary';
import { recordAudit } from '~/governance/audit.server';
import { buildQuarterlyReport } from '~/reports/quarterly.server';
import { readReportRequest } from '~/reports/report-request';
import { latestVersion, publishReport } from '~/research/published-reports.server';

/**
 * Publishes the findings an administrator is reading: the request is checked again on the server
 * (a quarter that has started, a known programme and level), the report rebuilt, and a correction
 * must say what was corrected. Audited.
 */
export async function publishFindings(form: FormData, { userId, correlationId }: { userId: string; correlationId?: string }): Promise<{ ok: true; id: string } | { ok: false; errors: FieldError[] }> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const parsed = readReportRequest({ quarter: text('quarter'), programme: text('programme'), level: text('level'), region: text('region') }, { now: new Date(), visibleProgrammes: PROGRAMME_CODES });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  // A published report covers the whole of England at its level; one narrowed to a region is for reading here.
  if (parsed.request.regionCode) return { ok: false, errors: [{ field: 'region', message: 'Publish the findings for all regions: choose “All regions” first' }] };
  const key = { quarter: parsed.request.quarter.key, programme: parsed.request.programme, level: parsed.request.level };
  const note = (text('note') ?? '').trim();
  if ((await latestVersion(key)) > 0 && note.length === 0) return { ok: false, errors: [{ field: 'note', message: 'Say what was corrected' }] };
  if (note.length > 500) return { ok: false, errors: [{ field: 'note', message: 'What was corrected must be 500 characters or fewer' }] };
  const report = await buildQuarterlyReport({ ...parsed.request, regionCode: parsed.request.level === 'la' ? parsed.request.regionCode : null });
  const published = await publishReport({ ...key, report, note });
  await recordAudit({ who: userId, what: 'reports.publish', subjectType: 'published_report', subjectId: published.id, correlationId, details: { ...key, version: published.version } });
  return { ok: true, id: published.id };
}
