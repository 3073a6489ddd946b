import type { LoaderFunctionArgs } from '@remix-run/node';
import ExcelJS from 'exceljs';
import { requireRole } from '~/auth/guards.server';
import { kpiLines } from '~/reports/kpi-table';
import { kpiTrend } from '~/reports/kpis.server';
import { quartersUpTo } from '~/reports/quarters';

/** Every indicator, quarter by quarter, as one tidy sheet. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'programme_lead', 'administrator');
  const quarters = quartersUpTo(new Date(), 4);
  const lines = kpiLines(await kpiTrend(quarters));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Family Voice';
  const sheet = workbook.addWorksheet('KPIs', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Indicator', key: 'indicator', width: 70 },
    { header: 'Target', key: 'target', width: 36 },
    { header: 'Quarter', key: 'quarter', width: 12 },
    { header: 'How many', key: 'n', width: 26 },
    { header: 'Result', key: 'value', width: 26 },
    { header: 'Status', key: 'status', width: 26 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const line of lines) for (const cell of line.cells) sheet.addRow({ indicator: line.label, target: line.target, quarter: cell.quarter, n: cell.n, value: cell.value, status: cell.statusLabel });
  const bytes = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(bytes as ArrayBuffer), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="family-voice-kpis-${quarters[0]!.key}.xlsx"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
