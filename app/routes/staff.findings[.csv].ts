import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '~/auth/guards.server';
import { visibleProgrammes } from '~/auth/scope';
import { findingsRequest } from '~/reports/findings-page.server';
import { buildQuarterlyReport } from '~/reports/quarterly.server';
import { TIDY_COLUMNS, tidyRows } from '~/reports/tidy';
import { csvDownload } from '~/utils/csv.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'programme_lead', 'analyst', 'administrator');
  const { parsed } = findingsRequest(visibleProgrammes(user), new URL(request.url).searchParams);
  if (!parsed.ok) throw new Response(parsed.errors.map((error) => error.message).join('. '), { status: parsed.forbidden ? 403 : 400 });
  const report = await buildQuarterlyReport({ ...parsed.request, regionCode: parsed.request.level === 'la' ? parsed.request.regionCode : null });
  return csvDownload(`family-voice-${report.quarter.key}-${report.programme?.code ?? 'all'}-${report.level}.csv`, [...TIDY_COLUMNS], tidyRows(report));
}
