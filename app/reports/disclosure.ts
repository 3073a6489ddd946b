/**
 * Disclosure control, the one rule every report and table uses: a count of fewer than 10 people is
 * not shown, nor its share (primary suppression); and where a hidden count could be worked out from
 * the totals shown beside it (a row or column with only one hidden cell), the next smallest cell is
 * hidden too (secondary suppression), repeated until no hidden cell can be derived.
 */
export const MIN_CELL = 10;

export interface CellIn {
  /** Which row (for example an area) and which column (an answer) the count belongs to. */
  row: string;
  column: string;
  count: number;
  /** Hidden whatever its count: its row's total is too small to show. */
  hidden?: boolean;
}

export interface CellOut extends CellIn {
  suppressed: boolean;
  /** Why: 'small' (under 10) or 'secondary' (hidden so a small one cannot be worked out). */
  reason: 'small' | 'secondary' | null;
}

export interface ProtectOptions {
  /** Rows whose total is published (so one hidden cell in it could be derived): default all. */
  rowTotals?: boolean;
  /** Columns whose total is published (for example an England row under regional rows). */
  columnTotals?: boolean;
}

/**
 * Protects a table of counts. Cells are the table's every cell, zeros included (a published zero
 * beside one hidden cell gives that cell away as surely as any other count). The result keeps the
 * input's order. Deterministic: ties are broken by row and column name.
 */
export function protectTable(cells: readonly CellIn[], { rowTotals = true, columnTotals = false }: ProtectOptions = {}): CellOut[] {
  const out: CellOut[] = cells.map((cell) => {
    const small = cell.count < MIN_CELL || cell.hidden === true;
    return { ...cell, suppressed: small, reason: small ? 'small' : null };
  });
  const lines: CellOut[][] = [];
  if (rowTotals) lines.push(...groupBy(out, (cell) => cell.row));
  if (columnTotals) lines.push(...groupBy(out, (cell) => cell.column));
  // Each pass hides at most one more cell per line; it stops when no line has exactly one hidden cell.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter((cell) => cell.suppressed);
      if (hidden.length !== 1 || line.length < 2) continue;
      const partner = line
        .filter((cell) => !cell.suppressed)
        .sort((a, b) => a.count - b.count || compare(a.row, b.row) || compare(a.column, b.column))[0];
      if (!partner) continue;
      partner.suppressed = true;
      partner.reason = 'secondary';
      changed = true;
    }
  }
  return out;
}

/** A total of fewer than 10 people is itself not shown (and so neither is any cell it holds). */
export function protectTotal(count: number): number | null {
  return count < MIN_CELL ? null : count;
}

/** A share to show: the count over its base, or null where either may not be shown. */
export function shownShare(cell: Pick<CellOut, 'count' | 'suppressed'>, base: number | null): number | null {
  if (cell.suppressed || base === null || base === 0) return null;
  return cell.count / base;
}

/** Quotes may come only from groups of at least 10 people. */
export function quotesAllowed(groupSize: number): boolean {
  return groupSize >= MIN_CELL;
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
