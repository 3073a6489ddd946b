import { describe, expect, it } from 'vitest';
import { recentQuarters } from '~/research/periods';

describe('reporting quarters', () => {
  it('lists the current quarter first, with UK-time boundaries', () => {
    const quarters = recentQuarters(new Date('2026-11-22T12:00:00Z'), 3);
    expect(quarters.map((quarter) => [quarter.key, quarter.label])).toEqual([
      ['2026-10', 'October to December 2026'],
      ['2026-07', 'July to September 2026'],
      ['2026-04', 'April to June 2026'],
    ]);
    // 1 April and 1 July start at midnight British Summer Time, an hour before midnight UTC.
    expect(quarters[2]!.from.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(quarters[2]!.to.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    // 1 January is in GMT.
    expect(quarters[0]!.to.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('crosses the year into January to March', () => {
    expect(recentQuarters(new Date('2027-02-01T12:00:00Z'), 1)[0]).toMatchObject({ key: '2027-01', label: 'January to March 2027' });
  });
});
