import { reportWorkbook } from './excel.server';
import type { QuarterlyReport } from './quarterly.server';
import { TIDY_COLUMNS, tidyRows } from './tidy';
import { reportDocument } from './word.server';
import { csvText } from '~/utils/csv.server';

export type ReportFormat = 'csv' | 'xlsx' | 'docx';

const TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function reportFileName(report: QuarterlyReport, format: ReportFormat): string {
  return `family-voice-${report.quarter.key}-${report.programme?.code ?? 'all'}-${report.level}.${format}`;
}

/** The report's file in one of its formats: the same numbers as the page, after the same disclosure control. */
export async function reportFile(report: QuarterlyReport, format: ReportFormat): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(csvText([...TIDY_COLUMNS], tidyRows(report)), 'utf8');
  return format === 'xlsx' ? reportWorkbook(report) : reportDocument(report);
}

export function fileResponse(fileName: string, format: ReportFormat, bytes: Buffer, { cache = 'no-store' } = {}): Response {
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': TYPES[format], 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': cache } });
}
