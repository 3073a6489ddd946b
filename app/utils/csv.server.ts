import { stringify } from 'csv-stringify/sync';

/** Spreadsheets run cells that start with = + - @ as formulas: such text is kept as text. */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV download: a header row, text that cannot run as a formula, a byte-order mark so
 * spreadsheets read it as UTF-8, and never cached (it may hold personal data).
 */
export function csvDownload(fileName: string, columns: string[], rows: (string | number)[][]): Response {
  return new Response(csvText(columns, rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** The CSV text itself (with the byte-order mark and formulas kept as text), for files written elsewhere. */
export function csvText(columns: string[], rows: (string | number)[][]): string {
  return `\uFEFF${stringify(rows, { header: true, columns, cast: { string: neutraliseFormula } })}`;
}
