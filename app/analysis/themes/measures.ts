/** Adjusted Rand index of two labellings of the same items: 1 identical, about 0 for chance. */
export function adjustedRandIndex(truth: string[], found: (string | number)[]): number {
  const n = truth.length;
  if (n < 2) return 1;
  const pairs = (count: number) => (count * (count - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  for (let index = 0; index < n; index += 1) {
    const row = truth[index]!;
    const column = String(found[index]);
    table.set(`${row}\u0000${column}`, (table.get(`${row}\u0000${column}`) ?? 0) + 1);
    rows.set(row, (rows.get(row) ?? 0) + 1);
    columns.set(column, (columns.get(column) ?? 0) + 1);
  }
  const index = [...table.values()].reduce((sum, count) => sum + pairs(count), 0);
  const rowPairs = [...rows.values()].reduce((sum, count) => sum + pairs(count), 0);
  const columnPairs = [...columns.values()].reduce((sum, count) => sum + pairs(count), 0);
  const expected = (rowPairs * columnPairs) / pairs(n);
  const maximum = (rowPairs + columnPairs) / 2;
  return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}

/** Share of items whose cluster's most common true label is their own. */
export function purity(truth: string[], found: (string | number)[]): number {
  const byCluster = new Map<string, Map<string, number>>();
  for (const [index, label] of truth.entries()) {
    const cluster = String(found[index]);
    const counts = byCluster.get(cluster) ?? new Map<string, number>();
    counts.set(label, (counts.get(label) ?? 0) + 1);
    byCluster.set(cluster, counts);
  }
  const majority = [...byCluster.values()].reduce((sum, counts) => sum + Math.max(...counts.values()), 0);
  return truth.length === 0 ? 1 : majority / truth.length;
}
