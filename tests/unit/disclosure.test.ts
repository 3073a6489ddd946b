import { describe, expect, it } from 'vitest';
import { protectTable, protectTotal, quotesAllowed, shownShare, type CellIn } from '~/reports/disclosure';

/** A table written as rows of counts, columns named a, b, c… */
function table(rows: Record<string, number[]>): CellIn[] {
  return Object.entries(rows).flatMap(([row, counts]) => counts.map((count, index) => ({ row, column: String.fromCharCode(97 + index), count })));
}
/** The protected table drawn back as rows, '×' where hidden. */
function drawn(cells: ReturnType<typeof protectTable>): Record<string, (number | '×')[]> {
  const rows: Record<string, (number | '×')[]> = {};
  for (const cell of cells) (rows[cell.row] ??= []).push(cell.suppressed ? '×' : cell.count);
  return rows;
}

describe('disclosure control', () => {
  it.each([
    ['nothing small: all shown', { x: [12, 30, 41] }, {}, { x: [12, 30, 41] }],
    ['one small cell: it and the next smallest hidden, so the total cannot give it away', { x: [3, 30, 41] }, {}, { x: ['×', '×', 41] }],
    ['two small cells: both hidden, nothing more needed', { x: [3, 4, 41] }, {}, { x: ['×', '×', 41] }],
    ['a zero counts as small (it would give away a neighbour just as well)', { x: [0, 30, 41] }, {}, { x: ['×', '×', 41] }],
    ['ties broken by column name', { x: [5, 20, 20] }, {}, { x: ['×', '×', 20] }],
    ['a two-cell row with one small cell: both hidden', { x: [9, 50] }, {}, { x: ['×', '×'] }],
    ['rows are protected independently', { x: [5, 30, 41], y: [15, 30, 41] }, {}, { x: ['×', '×', 41], y: [15, 30, 41] }],
    [
      'with column totals too, a hidden pair forces more hiding in the other rows until nothing can be derived',
      { x: [5, 30, 41], y: [15, 30, 41] },
      { columnTotals: true },
      { x: ['×', '×', 41], y: ['×', '×', 41] },
    ],
    ['without row totals, a lone small cell is hidden alone', { x: [5, 30, 41] }, { rowTotals: false }, { x: ['×', 30, 41] }],
  ])('%s', (_name, rows, options, expected) => {
    expect(drawn(protectTable(table(rows), options))).toEqual(expected);
  });

  it('says why each cell is hidden', () => {
    const cells = protectTable(table({ x: [3, 30, 41] }));
    expect(cells.map((cell) => cell.reason)).toEqual(['small', 'secondary', null]);
  });

  it('never leaves exactly one hidden cell in a published line, on any table', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 300; trial += 1) {
      const rows = Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 6) }, (_, row) => [`r${row}`, Array.from({ length: 2 + Math.floor(random() * 5) }, () => Math.floor(random() * 40))]));
      const cells = protectTable(table(rows), { columnTotals: true });
      for (const key of ['row', 'column'] as const) {
        const lines = new Map<string, boolean[]>();
        for (const cell of cells) lines.set(cell[key], [...(lines.get(cell[key]) ?? []), cell.suppressed]);
        for (const hidden of lines.values()) if (hidden.length > 1) expect(hidden.filter(Boolean).length).not.toBe(1);
      }
      for (const cell of cells) if (cell.count < 10) expect(cell.suppressed).toBe(true);
    }
  });

  it('hides small totals and the shares of hidden cells, and allows quotes only from groups of 10 or more', () => {
    expect([protectTotal(9), protectTotal(10)]).toEqual([null, 10]);
    expect(shownShare({ count: 12, suppressed: false }, 48)).toBe(0.25);
    expect(shownShare({ count: 12, suppressed: true }, 48)).toBeNull();
    expect(shownShare({ count: 12, suppressed: false }, null)).toBeNull();
    expect([quotesAllowed(9), quotesAllowed(10)]).toEqual([false, true]);
  });
});
