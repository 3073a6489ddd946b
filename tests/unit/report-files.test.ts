import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { chartPng, tableChart } from '~/reports/charts.server';
import { reportFile } from '~/reports/files.server';
import type { QuarterlyReport } from '~/reports/quarterly.server';

const HOSTILE = '=HYPERLINK("http://evil.example","click")';

const report: QuarterlyReport = {
  quarter: { key: '2026-27-Q2', label: 'Q2 2026–27 (July to September 2026)' },
  previous: { key: '2026-27-Q1', label: 'Q1 2026–27 (April to June 2026)' },
  programme: null,
  level: 'region',
  reach: { responses: 51, sessions: 2, participants: null, regions: 2, localAuthorities: 2 },
  themes: { codedExcerpts: 20, codes: [{ name: HOSTILE, parentName: null, count: 12, share: 0.6, quotes: ['@SUM(1) is what I wrote'] }] },
  theme: {
    name: 'Access to support and its barriers',
    chosen: true,
    total: 14,
    codes: [
      { name: 'Access to support and its barriers', depth: 0, count: 12, share: 12 / 14 },
      { name: 'Bus fares', depth: 1, count: null, share: null },
    ],
    byProgramme: [{ name: 'Family Hubs', count: 14 }],
    byRegion: [
      { name: 'London', count: null },
      { name: 'North West', count: null },
    ],
    byCodeAndProgramme: {
      programmes: ['Family Hubs', 'Start for Life'],
      rows: [
        { name: 'Access to support and its barriers', depth: 0, counts: [12, null] },
        { name: 'Bus fares', depth: 1, counts: [null, null] },
      ],
    },
    quotes: ['The bus costs too much'],
  },
  earlyYears: false,
  sections: [
    {
      surveyId: 'common-question-set',
      title: 'Tell us about the support your family gets',
      audience: 'families',
      responses: 51,
      tables: [
        {
          question: 'wanted_unavailable',
          title: 'Was there support you wanted but could not get?',
          multiple: false,
          answers: [
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ],
          rows: [
            { areaCode: 'E92000001', areaName: 'England', base: 51, cells: [{ answer: 'true', count: 35, share: 35 / 51, suppressed: false, change: 0.1863 }, { answer: 'false', count: 16, share: 16 / 51, suppressed: false, change: -0.1863 }] },
            { areaCode: 'E12000007', areaName: '+London', base: 24, cells: [{ answer: 'true', count: null, share: null, suppressed: true, change: null }, { answer: 'false', count: null, share: null, suppressed: true, change: null }] },
          ],
        },
      ],
    },
  ],
  suppressed: { cells: 2, secondary: 1 },
};

describe('the report files', () => {
  it('Excel: a sheet per table with the same numbers, [c] where hidden, and text never a formula', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportFile(report, 'xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['About', 'Reach', 'Theme', 'Codes', '01 wanted_unavailable']);
    expect(book.getWorksheet('Theme')!.getRow(4).values).toEqual([undefined, 'Access to support and its barriers', 12, 12 / 14]);
    expect(book.getWorksheet('Theme')!.getRow(5).values).toEqual([undefined, '  Bus fares', '[c]', '[c]']);
    // What programmes share and where they differ: the same numbers, a count (not a share) in every column.
    const theme = book.getWorksheet('Theme')!;
    const compareAt = theme.getColumn(1).values.indexOf('What programmes share and where they differ');
    expect(theme.getRow(compareAt + 1).values).toEqual([undefined, 'No code of the theme has 10 or more excerpts from every programme.']);
    expect(theme.getRow(compareAt + 2).values).toEqual([undefined, 'Shown for one programme only (the others had fewer than 10 excerpts, or their numbers are hidden): Access to support and its barriers (Family Hubs).']);
    expect(theme.getRow(compareAt + 4).values).toEqual([undefined, 'Access to support and its barriers', 12, '[c]']);
    expect(theme.getRow(compareAt + 4).getCell(3).numFmt).toBeFalsy();
    const sheet = book.getWorksheet('01 wanted_unavailable')!;
    expect(sheet.getRow(4).values).toEqual([undefined, 'E92000001', 'England', 51, 35, 35 / 51, 16, 16 / 51]);
    expect(sheet.getRow(5).values).toEqual([undefined, 'E12000007', '+London', 24, '[c]', '[c]', '[c]', '[c]']);
    const codes = book.getWorksheet('Codes')!;
    const name = codes.getRow(2).getCell(1);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(HOSTILE);
    expect(codes.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.String);
    expect(book.getWorksheet('Reach')!.getRow(4).values).toEqual([undefined, 'People who took part in sessions', '[c]']);
  });

  it('Word: headings, the same numbers and the method note', async () => {
    const file = await reportFile(report, 'docx');
    const { value } = await mammoth.extractRawText({ buffer: file });
    // The England chart as a picture, described for screen readers.
    const parts = unzipSync(new Uint8Array(file));
    expect(Object.keys(parts).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
    expect(strFromU8(parts['word/document.xml']!)).toContain('descr="Bar chart, England: Yes 69%; No 31%."');
    expect(value).toContain('Family Voice quarterly findings: Q2 2026–27 (July to September 2026)');
    expect(value).toMatch(/England\s+51\s+35 \(69%\) \+19 pts\s+16 \(31%\) −19 pts/);
    expect(value).toMatch(/\+London\s+24\s+\[c\]\s+\[c\]/);
    expect(value).toContain('How these findings were made');
    expect(value).toMatch(/This quarter’s theme: Access to support and its barriers/);
    expect(value).toMatch(/Bus fares\s+\[c\]/);
    expect(value).toContain('“The bus costs too much”');
    expect(value).toContain('What programmes share and where they differ');
    expect(value).toMatch(/Code\s+Family Hubs\s+Start for Life\s+Access to support and its barriers\s+12\s+\[c\]/);
    expect(value).toContain('2 cells are hidden, 1 of them for the second reason');
  });

  it('CSV: the tidy columns, and text a spreadsheet would run kept as text', async () => {
    const text = (await reportFile(report, 'csv')).toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toBe('quarter,programme,level,area_code,area_name,question,answer,count,share,suppressed');
    expect(text).toContain("2026-27-Q2,all,region,E12000007,'+London,wanted_unavailable,true,,,true");
    expect(text).toContain('2026-27-Q2,all,region,E92000001,England,wanted_unavailable,true,35,0.6863,false');
  });

  it('charts: drawn on the server as SVG, described in words, hidden answers left out and said so', async () => {
    const table = report.sections[0]!.tables[0]!;
    const chart = (await tableChart(table))!;
    expect(chart.svg).toMatch(/^<svg /);
    expect(chart.description).toBe('Bar chart, England: Yes 69%; No 31%.');
    expect(chartPng(chart).data.subarray(1, 4).toString()).toBe('PNG');
    const london = { ...table, rows: [table.rows[1]!] };
    expect(await tableChart(london)).toBeNull();
    const partly = { ...table, rows: [{ ...table.rows[0]!, cells: [table.rows[0]!.cells[0]!, { ...table.rows[0]!.cells[1]!, suppressed: true, count: null, share: null }] }] };
    expect((await tableChart(partly))!.description).toBe('Bar chart, England: Yes 69%; 1 answer hidden to protect privacy.');
  });
});
