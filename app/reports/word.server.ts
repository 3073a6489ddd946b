import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { chartPng, reportCharts } from './charts.server';
import type { QuarterlyReport } from './quarterly.server';
import { changeText, COMPARE_HEADING, methodNote, percentText, programmeComparison, reachRows, reportSubtitle, reportTitle, sectionHeading, SUPPRESSED_MARK, themeHeading, themeIntro } from './report-text';

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const body = (text: string) => new Paragraph({ children: [new TextRun(text)] });

function cell(text: string, { header = false, numeric = false } = {}): TableCell {
  // 9 pt in tables: a question with a dozen answers still fits across a landscape page.
  return new TableCell({ children: [new Paragraph({ alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header, size: 18 })] })] });
}

/** A table whose first row repeats on each page and is marked as the header, so screen readers read it as one. */
function table(columns: { label: string; numeric?: boolean }[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((column) => cell(column.label, { header: true, numeric: column.numeric })) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, index) => cell(text, { numeric: columns[index]?.numeric })) })),
    ],
  });
}

/**
 * The report as a Word document: headings in order (so the navigation pane and screen readers can
 * move through it), reach, codes and quotes, every closed question as a table, and the method note.
 */
export async function reportDocument(report: QuarterlyReport): Promise<Buffer> {
  const charts = await reportCharts(report);
  const children: (Paragraph | Table)[] = [
    heading(reportTitle(report), HeadingLevel.TITLE),
    body(reportSubtitle(report)),
    heading('Who we heard from', HeadingLevel.HEADING_1),
    table(
      [{ label: 'Measure' }, { label: 'Number', numeric: true }],
      reachRows(report).map(([label, value]) => [label, value === null ? 'Fewer than 10' : value.toLocaleString('en-GB')]),
    ),
  ];
  if (report.theme) {
    const theme = report.theme;
    children.push(heading(themeHeading(theme), HeadingLevel.HEADING_1), body(themeIntro(theme)));
    children.push(
      table(
        [{ label: 'Code' }, { label: 'Excerpts', numeric: true }, { label: 'Share of the theme', numeric: true }],
        theme.codes.map((code) => [`${'    '.repeat(code.depth)}${code.name}`, code.count === null ? SUPPRESSED_MARK : String(code.count), percentText(code.share)]),
      ),
    );
    children.push(heading('By programme', HeadingLevel.HEADING_3), table([{ label: 'Programme' }, { label: 'Excerpts', numeric: true }], theme.byProgramme.map((row) => [row.name, row.count === null ? SUPPRESSED_MARK : String(row.count)])));
    children.push(heading('By region', HeadingLevel.HEADING_3), table([{ label: 'Region' }, { label: 'Excerpts', numeric: true }], theme.byRegion.map((row) => [row.name, row.count === null ? SUPPRESSED_MARK : String(row.count)])));
    if (theme.byCodeAndProgramme) {
      const compare = theme.byCodeAndProgramme;
      children.push(heading(COMPARE_HEADING, HeadingLevel.HEADING_3), ...programmeComparison(compare).map((sentence) => body(sentence)));
      children.push(
        table(
          [{ label: 'Code' }, ...compare.programmes.map((name) => ({ label: name, numeric: true }))],
          compare.rows.map((row) => [`${'    '.repeat(row.depth)}${row.name}`, ...row.counts.map((count) => (count === null ? SUPPRESSED_MARK : String(count)))]),
        ),
      );
    }
    for (const quote of theme.quotes) children.push(new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: `“${quote}”`, italics: true })] }));
  }
  children.push(heading('What families talked about', HeadingLevel.HEADING_1));
  if (report.themes.codes.length === 0) children.push(body('No answers or transcripts from this quarter have been coded yet.'));
  else {
    children.push(
      table(
        [{ label: 'Code' }, { label: 'Excerpts', numeric: true }, { label: 'Share', numeric: true }],
        report.themes.codes.map((code) => [code.parentName ? `${code.name} (${code.parentName})` : code.name, code.count === null ? SUPPRESSED_MARK : String(code.count), percentText(code.share)]),
      ),
    );
    for (const code of report.themes.codes.filter((entry) => entry.quotes.length > 0)) {
      children.push(heading(`In their words: ${code.name}`, HeadingLevel.HEADING_2));
      for (const quote of code.quotes) children.push(new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: `“${quote}”`, italics: true })] }));
    }
  }
  for (const section of report.sections) {
    children.push(heading(sectionHeading(section), HeadingLevel.HEADING_1));
    if (section.responses === null) {
      children.push(body('Fewer than 10 responses: the tables are not shown.'));
      continue;
    }
    children.push(body(`${section.responses.toLocaleString('en-GB')} responses.`));
    for (const entry of section.tables) {
      children.push(heading(entry.title + (entry.multiple ? ' (more than one answer could be chosen)' : ''), HeadingLevel.HEADING_3));
      const chart = charts.get(`${section.surveyId}|${entry.question}`);
      if (chart) {
        const png = chartPng(chart);
        // Half size on the page: the picture is drawn at twice the resolution so it prints sharply.
        children.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: png.data, transformation: { width: png.width / 2, height: png.height / 2 }, altText: { name: chart.title, title: chart.title, description: chart.description } })] }));
      }
      children.push(
        table(
          [{ label: 'Area' }, { label: 'Answered', numeric: true }, ...entry.answers.map((answer) => ({ label: answer.label, numeric: true }))],
          entry.rows.map((row) => [
            row.areaName,
            row.base === null ? SUPPRESSED_MARK : String(row.base),
            ...row.cells.map((value) => (value.suppressed ? SUPPRESSED_MARK : `${value.count} (${percentText(value.share)})${value.change === null ? '' : ` ${changeText(value.change)}`}`)),
          ]),
        ),
      );
    }
  }
  children.push(heading('How these findings were made', HeadingLevel.HEADING_1));
  for (const line of methodNote(report)) children.push(new Paragraph({ text: line, bullet: { level: 0 } }));
  const document = new Document({ creator: 'Family Voice', title: reportTitle(report), description: reportSubtitle(report), sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }] });
  return Packer.toBuffer(document);
}
