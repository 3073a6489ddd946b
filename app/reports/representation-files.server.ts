import ExcelJS from 'exceljs';
import { csvText } from '~/utils/csv.server';
import { sheetName } from './excel.server';
import { FLAG_RULE, SHARES_RULE } from './representation';
import type { RepresentationReport } from './representation.server';
import { SOURCE_LABELS } from './representation-request';
import { SUPPRESSED_MARK } from './report-text';

/** The analysts' CSV: exactly these columns, one row per cell. */
export const REPRESENTATION_COLUMNS = ['period', 'programme', 'level', 'area_code', 'area_name', 'source', 'dimension', 'category', 'count', 'share', 'reference_share', 'ratio', 'ratio_low', 'ratio_high', 'flag', 'suppressed'] as const;

const decimal = (value: number | null) => (value === null ? '' : String(Math.round(value * 10_000) / 10_000));

export function representationTitle(report: RepresentationReport): string {
  return `Who took part: ${report.programme?.name ?? 'all programmes'}, ${report.period.label}`;
}

/** One row per cell of every table: count, share and ratio empty and `suppressed` true where hidden; shares and ratios as decimals. */
export function representationRows(report: RepresentationReport): string[][] {
  return report.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      row.cells.map((cell) => [
        report.period.key,
        report.programme?.code ?? 'all',
        report.level,
        row.areaCode,
        row.areaName,
        row.source,
        table.dimension,
        cell.category,
        cell.count === null ? '' : String(cell.count),
        decimal(cell.share),
        decimal(cell.referenceShare),
        decimal(cell.ratio),
        decimal(cell.ratioLow),
        decimal(cell.ratioHigh),
        cell.flag ?? '',
        cell.suppressed ? 'true' : 'false',
      ]),
    ),
  );
}

export function representationCsv(report: RepresentationReport): string {
  return csvText([...REPRESENTATION_COLUMNS], representationRows(report));
}

/**
 * The analysis as a workbook: an About sheet (the rules), a sheet per dimension (one line per area
 * and category, numbers as numbers, hidden cells as [c]) and the areas with no one. Text is written
 * as string values, never formulas.
 */
export async function representationWorkbook(report: RepresentationReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Family Voice';
  const about = book.addWorksheet('About');
  about.addRow([representationTitle(report)]).font = { bold: true, size: 14 };
  about.addRow([`${SOURCE_LABELS[report.source]}; ${report.level === 'england' ? 'England' : report.level === 'region' ? 'by region' : 'by local authority'}.`]);
  about.addRow([SHARES_RULE]);
  about.addRow([FLAG_RULE]);
  about.addRow([`${SUPPRESSED_MARK} marks a number not shown: fewer than 10 people, or one that would let a hidden number be worked out.`]);
  about.addRow(['Population figures: Census 2021, Office for National Statistics, licensed under the Open Government Licence v.3.0.']);
  about.getColumn(1).width = 120;
  report.tables.forEach((table, index) => {
    const sheet = book.addWorksheet(sheetName(index + 1, table.label));
    sheet.addRow([table.label]).font = { bold: true };
    for (const note of table.notes) sheet.addRow([note]);
    sheet.addRow(['Area', 'Source', 'People', 'Answer', 'Count', 'Share', 'Census share', 'Ratio', 'Ratio, 95% low', 'Ratio, 95% high', 'Flag']).font = { bold: true };
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const line = sheet.addRow([
          row.areaName,
          SOURCE_LABELS[row.source as keyof typeof SOURCE_LABELS] ?? row.source,
          row.total ?? SUPPRESSED_MARK,
          cell.label,
          cell.count ?? SUPPRESSED_MARK,
          cell.suppressed ? SUPPRESSED_MARK : (cell.share ?? ''),
          cell.referenceShare ?? '',
          cell.ratio ?? '',
          cell.ratioLow ?? '',
          cell.ratioHigh ?? '',
          cell.flag ?? '',
        ]);
        for (const column of [6, 7]) line.getCell(column).numFmt = '0.0%';
        for (const column of [8, 9, 10]) line.getCell(column).numFmt = '0.00';
      }
    }
    sheet.getColumn(1).width = 32;
    sheet.getColumn(4).width = 36;
  });
  const trend = book.addWorksheet('Quarter by quarter');
  trend.addRow(['The lowest ratio among each comparison’s groups, quarter by quarter']).font = { bold: true };
  trend.addRow(['Comparison', ...(report.trend[0]?.points.map((point) => point.quarter) ?? [])]).font = { bold: true };
  for (const line of report.trend) trend.addRow([line.label, ...line.points.map((point) => point.lowestRatio ?? SUPPRESSED_MARK)]);
  trend.getColumn(1).width = 32;
  const none = book.addWorksheet('No one took part');
  none.addRow(['Region', 'Local authority']).font = { bold: true };
  for (const region of report.coverage.regionsWithNone) none.addRow([region.name, '(the whole region)']);
  for (const la of report.coverage.lasWithNone) none.addRow([la.regionName, la.name]);
  none.getColumn(1).width = 30;
  none.getColumn(2).width = 40;
  return Buffer.from(await book.xlsx.writeBuffer());
}
