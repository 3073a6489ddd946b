import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { fileResponse, reportFile, reportFileName } from '~/reports/files.server';
import type { QuarterlyReport } from '~/reports/quarterly.server';
import { getPublished } from '~/research/published-reports.server';

/** A published report's files, built from the version as published, for anyone. */
export async function loader({ params }: LoaderFunctionArgs) {
  const format = z.enum(['docx', 'xlsx', 'csv']).safeParse(params.format);
  const published = await getPublished(params.reportId ?? '');
  if (!format.success || !published) throw new Response('Not found', { status: 404 });
  const report = published.report as QuarterlyReport;
  const name = reportFileName(report, format.data).replace(/\.(\w+)$/, `-v${published.version}.$1`);
  // A published version never changes, so it may be cached.
  return fileResponse(name, format.data, await reportFile(report, format.data), { cache: 'public, max-age=3600' });
}
