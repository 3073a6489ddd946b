import { MIN_CELL, protectTable, type CellIn } from './disclosure';

/**
 * The representation analysis's arithmetic, free of the database: shares of those who answered,
 * the ratio to the population's share with a 95% Wilson interval, a flag, and disclosure control.
 */

/** The flag's thresholds: a ratio wholly below UNDER or wholly above OVER is flagged. */
export const UNDER = 0.8;
export const OVER = 1.25;
export const FLAG_RULE = `A group is under-represented when even the top of the 95% interval of its ratio is below ${UNDER}, over-represented when even the bottom is above ${OVER}, and in line otherwise (including when too few took part to tell).`;
export const SHARES_RULE = 'Shares are of those who answered the question: “Prefer not to say” and no answer are shown, and left out of the shares.';

export type Flag = 'under-represented' | 'in line' | 'over-represented';

/** The 95% Wilson score interval of a proportion count/n, which stays within 0–1 and is honest for small n. */
export function wilson(count: number, n: number, z = 1.959964): [number, number] {
  if (n <= 0) return [0, 1];
  const p = count / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function flagOf(ratioLow: number, ratioHigh: number): Flag {
  if (ratioHigh < UNDER) return 'under-represented';
  if (ratioLow > OVER) return 'over-represented';
  return 'in line';
}

export const PREFER_NOT = 'prefer-not-to-say';
export const UNANSWERED = 'unanswered';

export interface DimensionSpec {
  /** The question's name in the common question set. */
  key: string;
  label: string;
  /** Several answers at once (a checkbox): shares do not add up to 1. */
  multiple: boolean;
  /** Its answers, without "prefer not to say". */
  categories: { value: string; label: string }[];
}

export interface RepresentationCell {
  category: string;
  label: string;
  count: number | null;
  share: number | null;
  referenceShare: number | null;
  ratio: number | null;
  ratioLow: number | null;
  ratioHigh: number | null;
  flag: Flag | null;
  suppressed: boolean;
}

export interface RepresentationRow {
  source: string;
  areaCode: string;
  areaName: string;
  /** People counted in the area (null where fewer than 10). */
  total: number | null;
  cells: RepresentationCell[];
  /** The dimension's figure to follow: the lowest ratio among its shown categories. */
  lowestRatio: number | null;
}

export interface RowInput {
  source: string;
  areaCode: string;
  areaName: string;
  total: number;
  /** Count per answer value, PREFER_NOT included; for a several-answer question, `answered` is how many ticked any. */
  counts: Map<string, number>;
  answered?: number;
  /** Population share per answer value, where there is one. */
  reference: Map<string, number>;
}

const rowKey = (row: Pick<RowInput, 'source' | 'areaCode'>) => `${row.source}|${row.areaCode}`;

/**
 * One dimension's rows, protected. The lines whose totals a reader knows: each row's every cell
 * (categories, prefer not to say, no answer) adds up to the row's total; a single-answer question's
 * categories add up to those who answered (which the shares give away); and each column adds up
 * over the areas (the England figure, which another request shows). Hiding goes on until no line
 * has exactly one hidden cell.
 */
export function dimensionRows(spec: DimensionSpec, rows: readonly RowInput[]): RepresentationRow[] {
  const prepared = rows.map((row) => {
    const preferNot = row.counts.get(PREFER_NOT) ?? 0;
    const chosen = spec.categories.map((category) => row.counts.get(category.value) ?? 0);
    const answered = spec.multiple ? Math.max(0, (row.answered ?? 0) - preferNot) : chosen.reduce((sum, count) => sum + count, 0);
    const unanswered = Math.max(0, row.total - answered - preferNot);
    return { row, preferNot, chosen, answered, unanswered, hideAll: row.total < MIN_CELL };
  });
  const columns = [...spec.categories.map((category) => category.value), PREFER_NOT, UNANSWERED];
  const cells: CellIn[] = prepared.flatMap(({ row, chosen, preferNot, unanswered, hideAll }) =>
    [...chosen, preferNot, unanswered].map((count, index) => ({ row: rowKey(row), column: columns[index]!, count, hidden: hideAll })),
  );
  const hidden = new Set<string>();
  const id = (cell: Pick<CellIn, 'row' | 'column'>) => `${cell.row}\t${cell.column}`;
  // Whole rows and columns first; then, for single-answer questions, the categories alone (their
  // total, those who answered, is known from the shares). Repeated until nothing more is hidden.
  for (let before = -1; before !== hidden.size; ) {
    before = hidden.size;
    const marked = cells.map((cell) => ({ ...cell, hidden: cell.hidden || hidden.has(id(cell)) }));
    for (const cell of protectTable(marked, { rowTotals: true, columnTotals: true })) if (cell.suppressed) hidden.add(id(cell));
    if (!spec.multiple) {
      const categories = marked.filter((cell) => cell.column !== PREFER_NOT && cell.column !== UNANSWERED).map((cell) => ({ ...cell, hidden: cell.hidden || hidden.has(id(cell)) }));
      for (const cell of protectTable(categories, { rowTotals: true, columnTotals: true })) if (cell.suppressed) hidden.add(id(cell));
    }
  }
  return prepared.map(({ row, chosen, preferNot, answered, unanswered, hideAll }) => {
    const key = rowKey(row);
    const isHidden = (column: string) => hidden.has(`${key}\t${column}`);
    // Shares give away how many answered; for a several-answer question that number, with the
    // total, gives away those who did not answer, so its shares go when that count is hidden.
    const sharesShown = !hideAll && answered > 0 && (!spec.multiple || !isHidden(UNANSWERED));
    const categoryCells = spec.categories.map((category, index): RepresentationCell => {
      const count = chosen[index]!;
      const suppressed = isHidden(category.value);
      const referenceShare = row.reference.get(category.value) ?? null;
      const share = !suppressed && sharesShown ? count / answered : null;
      if (share === null || referenceShare === null || referenceShare <= 0) {
        return { category: category.value, label: category.label, count: suppressed ? null : count, share, referenceShare, ratio: null, ratioLow: null, ratioHigh: null, flag: null, suppressed };
      }
      const [low, high] = wilson(count, answered);
      const ratioLow = low / referenceShare;
      const ratioHigh = high / referenceShare;
      return { category: category.value, label: category.label, count, share, referenceShare, ratio: share / referenceShare, ratioLow, ratioHigh, flag: flagOf(ratioLow, ratioHigh), suppressed };
    });
    const extra = (category: string, label: string, count: number): RepresentationCell => ({
      category,
      label,
      count: isHidden(category) ? null : count,
      share: null,
      referenceShare: null,
      ratio: null,
      ratioLow: null,
      ratioHigh: null,
      flag: null,
      suppressed: isHidden(category),
    });
    const ratios = categoryCells.flatMap((cell) => (cell.ratio === null ? [] : [cell.ratio]));
    return {
      source: row.source,
      areaCode: row.areaCode,
      areaName: row.areaName,
      total: hideAll ? null : row.total,
      cells: [...categoryCells, extra(PREFER_NOT, 'Prefer not to say', preferNot), extra(UNANSWERED, 'No answer', unanswered)],
      lowestRatio: ratios.length > 0 ? Math.min(...ratios) : null,
    };
  });
}
