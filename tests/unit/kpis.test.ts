import { describe, expect, it } from 'vitest';
import { changeKpi, countKpi, shareKpi } from '~/reports/kpis';

describe('the key performance indicators’ rules', () => {
  it('says “over 75%” is not met at exactly 75%, and “at least 75%” is', () => {
    expect(shareKpi(12, 9, { rule: 'over' })).toEqual({ n: 12, positive: 9, share: 0.75, status: 'not-met' });
    expect(shareKpi(12, 9, { rule: 'atLeast' })).toMatchObject({ status: 'met' });
    expect(shareKpi(20, 15, { rule: 'over' })).toMatchObject({ share: 0.75, status: 'not-met' });
    expect(shareKpi(100, 76, { rule: 'over' })).toMatchObject({ status: 'met' });
    expect(shareKpi(10, 8, { rule: 'over' })).toEqual({ n: 10, positive: 8, share: 0.8, status: 'met' });
    expect(shareKpi(10, 7, { rule: 'atLeast' })).toMatchObject({ status: 'not-met' });
  });

  it('has too few to say, and shows no count of the satisfied, under 10 answers', () => {
    expect(shareKpi(9, 9, { rule: 'over' })).toEqual({ n: 9, positive: null, share: null, status: 'too-few' });
    expect(shareKpi(0, 0, { rule: 'over' })).toMatchObject({ status: 'too-few' });
  });

  it('needs scores to have risen, and counts to reach their target', () => {
    expect(changeKpi(2, 0.25)).toEqual({ n: 2, change: 0.25, status: 'met' });
    expect(changeKpi(2, 0)).toMatchObject({ status: 'not-met' });
    expect(changeKpi(0, null)).toMatchObject({ status: 'too-few' });
    expect(countKpi(1, 1)).toEqual({ count: 1, target: 1, status: 'met' });
    expect(countKpi(3, 4)).toMatchObject({ status: 'not-met' });
  });
});
