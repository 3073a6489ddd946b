import type { QuarterlyReport } from './quarterly.server';

/** The analysts' tidy CSV: exactly these columns, one row per cell. */
export const TIDY_COLUMNS = ['quarter', 'programme', 'level', 'area_code', 'area_name', 'question', 'answer', 'count', 'share', 'suppressed'] as const;

/**
 * One row per cell of every table: `count` and `share` empty and `suppressed` true where hidden;
 * `share` a decimal between 0 and 1 (to four places). Questions of the young people's set are
 * prefixed with its id, so the two sets' questions never share a name.
 */
export function tidyRows(report: QuarterlyReport): string[][] {
  return report.sections.flatMap((section) =>
    section.tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        row.cells.map((cell) => [
          report.quarter.key,
          report.programme?.code ?? 'all',
          report.level,
          row.areaCode,
          row.areaName,
          section.surveyId === 'common-question-set' ? table.question : `${section.surveyId}:${table.question}`,
          cell.answer,
          cell.count === null ? '' : String(cell.count),
          cell.share === null ? '' : String(Math.round(cell.share * 10_000) / 10_000),
          cell.suppressed ? 'true' : 'false',
        ]),
      ),
    ),
  );
}
