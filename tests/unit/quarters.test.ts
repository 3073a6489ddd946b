import { describe, expect, it } from 'vitest';
import { hasStarted, parseQuarter, previousQuarter, quarterOf, quartersUpTo } from '~/reports/quarters';

describe('financial quarters', () => {
  it.each([
    ['2026-04-01T00:00:00+01:00', '2026-27-Q1'],
    ['2026-03-31T23:59:59+01:00', '2025-26-Q4'],
    ['2026-06-30T23:30:00Z', '2026-27-Q2'], // 00:30 on 1 July in London
    ['2026-10-01T00:00:00+01:00', '2026-27-Q3'],
    ['2027-01-01T00:00:00Z', '2026-27-Q4'],
  ])('%s is in %s', (when, key) => {
    expect(quarterOf(new Date(when)).key).toBe(key);
  });

  it('reads keys, with boundaries at UK midnight, and refuses what is not a quarter', () => {
    const q3 = parseQuarter('2026-27-Q3')!;
    expect(q3.from.toISOString()).toBe('2026-09-30T23:00:00.000Z');
    expect(q3.to.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(q3.label).toBe('Q3 2026–27 (October to December 2026)');
    for (const bad of ['2026-28-Q3', '2026-27-Q5', '2026-Q3', "2026-27-Q3' or 1=1", '']) expect(parseQuarter(bad)).toBeNull();
    expect(previousQuarter(parseQuarter('2026-27-Q1')!).key).toBe('2025-26-Q4');
    expect(quartersUpTo(new Date('2026-11-28T12:00:00Z'), 3).map((quarter) => quarter.key)).toEqual(['2026-27-Q3', '2026-27-Q2', '2026-27-Q1']);
    expect(hasStarted(parseQuarter('2026-27-Q4')!, new Date('2026-11-28T12:00:00Z'))).toBe(false);
  });
});
