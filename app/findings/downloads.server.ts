import { requireRole } from '~/auth/guards.server';
import { visibleProgrammes } from '~/auth/scope';
import { findingsRequest } from '~/reports/findings-page.server';
import { buildQuarterlyReport } from '~/reports/quarterly.server';
import { fileResponse, reportFile, reportFileName, type ReportFormat } from '~/reports/files.server';

/** A staff download of the findings the reader asked for (their programmes only; 403 otherwise). */
export async function findingsDownload(request: Request, format: ReportFormat): Promise<Response> {
  const user = await requireRole(request, 'programme_lead', 'analyst', 'administrator', 'la_officer');
  const { parsed } = findingsRequest(visibleProgrammes(user), new URL(request.url).searchParams, { ownLa: user.role === 'la_officer' ? (user.laCode ?? 'none') : null });
  if (!parsed.ok) throw new Response(parsed.errors.map((error) => error.message).join('. '), { status: parsed.forbidden ? 403 : 400 });
  const report = await buildQuarterlyReport({ ...parsed.request, regionCode: parsed.request.level === 'la' ? parsed.request.regionCode : null });
  return fileResponse(reportFileName(report, format), format, await reportFile(report, format));
}
