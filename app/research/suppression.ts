/** Fewer than this many people in a cell is not shown, so nobody can be picked out of a table. */
export const SMALL_NUMBER_THRESHOLD = 10;

/** A count safe to show, or null when it is too small to show. */
export function suppress(count: number): number | null {
  return count < SMALL_NUMBER_THRESHOLD ? null : count;
}
