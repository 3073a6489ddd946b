import ExcelJS from 'exceljs';
import type { QuarterlyReport } from './quarterly.server';
import { COMPARE_HEADING, methodNote, programmeComparison, reachRows, reportSubtitle, reportTitle, sectionHeading, SUPPRESSED_MARK, themeHeading, themeIntro } from './report-text';

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(index: number, text: string): string {
  return `${String(index).padStart(2, '0')} ${text.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31).trim();
}

/**
 * The report as an Excel workbook: an "About" sheet (title and method note), reach, codes, then a
 * sheet per table. Counts and shares are numbers (shares formatted as percentages); hidden cells
 * say [c]. Every text is written as a string value, never a formula, so a family's words or an
 * area's name cannot run in a spreadsheet.
 */
export async function reportWorkbook(report: QuarterlyReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Family Voice';
  const about = book.addWorksheet('About');
  about.addRow([reportTitle(report)]).font = { bold: true, size: 14 };
  about.addRow([reportSubtitle(report)]);
  about.addRow([]);
  for (const line of methodNote(report)) about.addRow([line]);
  about.getColumn(1).width = 120;

  const reach = book.addWorksheet('Reach');
  reach.addRow(['Measure', 'Number']).font = { bold: true };
  for (const [label, value] of reachRows(report)) reach.addRow([label, value ?? SUPPRESSED_MARK]);
  reach.getColumn(1).width = 36;

  const theme = book.addWorksheet('Theme');
  if (report.theme) {
    theme.addRow([themeHeading(report.theme)]).font = { bold: true };
    theme.addRow([themeIntro(report.theme)]);
    theme.addRow(['Code', 'Excerpts', 'Share of the theme']).font = { bold: true };
    for (const code of report.theme.codes) {
      // Only this table's third column is a share (the comparison's third column is a count).
      theme.addRow([`${'  '.repeat(code.depth)}${code.name}`, code.count ?? SUPPRESSED_MARK, code.count === null ? SUPPRESSED_MARK : (code.share ?? '')]).getCell(3).numFmt = '0%';
    }
    theme.addRow([]);
    theme.addRow(['Programme', 'Excerpts']).font = { bold: true };
    for (const row of report.theme.byProgramme) theme.addRow([row.name, row.count ?? SUPPRESSED_MARK]);
    theme.addRow([]);
    theme.addRow(['Region', 'Excerpts']).font = { bold: true };
    for (const row of report.theme.byRegion) theme.addRow([row.name, row.count ?? SUPPRESSED_MARK]);
    const compare = report.theme.byCodeAndProgramme;
    if (compare) {
      theme.addRow([]);
      theme.addRow([COMPARE_HEADING]).font = { bold: true };
      for (const sentence of programmeComparison(compare)) theme.addRow([sentence]);
      theme.addRow(['Code', ...compare.programmes]).font = { bold: true };
      for (const row of compare.rows) theme.addRow([`${'  '.repeat(row.depth)}${row.name}`, ...row.counts.map((count) => count ?? SUPPRESSED_MARK)]);
    }
    theme.getColumn(1).width = 50;
  } else theme.addRow(['No theme has been set for this quarter.']);

  const codes = book.addWorksheet('Codes');
  codes.addRow(['Code', 'Under', 'Excerpts', 'Share of coded excerpts', 'Quotes']).font = { bold: true };
  for (const code of report.themes.codes) codes.addRow([code.name, code.parentName ?? '', code.count ?? SUPPRESSED_MARK, code.share ?? '', code.quotes.join('\n')]);
  codes.getColumn(4).numFmt = '0%';
  codes.getColumn(1).width = 40;
  codes.getColumn(5).width = 80;

  let index = 0;
  for (const section of report.sections) {
    for (const table of section.tables) {
      index += 1;
      const sheet = book.addWorksheet(sheetName(index, table.question));
      sheet.addRow([sectionHeading(section)]).font = { italic: true };
      sheet.addRow([table.title + (table.multiple ? ' (more than one answer could be chosen)' : '')]).font = { bold: true };
      const header = ['Area code', 'Area', 'Answered', ...table.answers.flatMap((answer) => [`${answer.label}: number`, `${answer.label}: share`])];
      sheet.addRow(header).font = { bold: true };
      for (const row of table.rows) {
        sheet.addRow([
          row.areaCode,
          row.areaName,
          row.base ?? SUPPRESSED_MARK,
          ...row.cells.flatMap((cell) => (cell.suppressed ? [SUPPRESSED_MARK, SUPPRESSED_MARK] : [cell.count, cell.share ?? ''])),
        ]);
      }
      table.answers.forEach((_, position) => {
        sheet.getColumn(5 + position * 2).numFmt = '0%';
      });
      sheet.getColumn(2).width = 28;
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
