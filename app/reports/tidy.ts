import type { QuarterlyReport } from './quarterly.server';

/** The analysts' tidy CSV: exactly these columns, one row per cell. */
export const TIDY_COLUMNS = ['quarter', 'programme', 'level', 'area_code', 'area_name', 'question', 'answer', 'count', 'share', 'suppressed'] as const;

/** The "question" of the quarter's theme's rows (its codes as answers), and of every code applied. */
export const THEME_QUESTION = 'quarter_theme';
export const CODES_QUESTION = 'coded_excerpts';

const share = (value: number | null) => (value === null ? '' : String(Math.round(value * 10_000) / 10_000));

/**
 * One row per cell of every table: `count` and `share` empty and `suppressed` true where hidden;
 * `share` a decimal between 0 and 1 (to four places). Questions of the young people's set are
 * prefixed with its id, so the two sets' questions never share a name. Then the quarter's theme's
 * codes (share of the theme's excerpts) and every code applied (share of coded excerpts), for the
 * whole area the report covers.
 */
export function tidyRows(report: QuarterlyReport): string[][] {
  const scope = [report.quarter.key, report.programme?.code ?? 'all', report.level];
  const answers = report.sections.flatMap((section) =>
    section.tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        row.cells.map((cell) => [
          ...scope,
          row.areaCode,
          row.areaName,
          section.surveyId === 'common-question-set' ? table.question : `${section.surveyId}:${table.question}`,
          cell.answer,
          cell.count === null ? '' : String(cell.count),
          share(cell.share),
          cell.suppressed ? 'true' : 'false',
        ]),
      ),
    ),
  );
  // The whole area: the first row of any table (England, or the region or authority it is narrowed to).
  const whole = report.sections.flatMap((section) => section.tables).find((table) => table.rows.length > 0)?.rows[0] ?? { areaCode: 'E92000001', areaName: 'England' };
  const codeRow = (question: string, name: string, count: number | null, value: number | null) => [
    ...scope,
    whole.areaCode,
    whole.areaName,
    question,
    name,
    count === null ? '' : String(count),
    count === null ? '' : share(value),
    count === null ? 'true' : 'false',
  ];
  const theme = (report.theme?.codes ?? []).map((code) => codeRow(THEME_QUESTION, code.name, code.count, code.share));
  const codes = report.themes.codes.map((code) => codeRow(CODES_QUESTION, code.name, code.count, code.share));
  return [...answers, ...theme, ...codes];
}
