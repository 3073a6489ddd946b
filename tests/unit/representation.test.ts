import { describe, expect, it } from 'vitest';
import { ENGLAND_CODE, referencePopulations } from '#db/reference/populations';
import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { dimensionRows, flagOf, PREFER_NOT, UNANSWERED, wilson, type DimensionSpec } from '~/reports/representation';

const SEX: DimensionSpec = { key: 'sex', label: 'Sex', multiple: false, categories: [{ value: 'female', label: 'Female' }, { value: 'male', label: 'Male' }] };
const cell = (row: ReturnType<typeof dimensionRows>[number], category: string) => row.cells.find((entry) => entry.category === category)!;

describe('the Census reference populations', () => {
  const shares = referencePopulations();

  it('cover England, the nine regions and every current upper-tier authority, each district counted once', () => {
    const las = readUpperTierLocalAuthorities();
    expect(new Set(shares.filter((row) => row.level === 'la').map((row) => row.areaCode))).toEqual(new Set(las.map((la) => la.la_code)));
    expect(new Set(shares.filter((row) => row.level === 'region').map((row) => row.areaCode)).size).toBe(9);
    // Every district's residents reach England exactly once: the regions' populations add up to England's.
    const regionPopulation = [...new Map(shares.filter((row) => row.level === 'region').map((row) => [row.areaCode, row.population])).values()].reduce((sum, value) => sum + value, 0);
    const england = shares.find((row) => row.areaCode === ENGLAND_CODE)!.population;
    expect(Math.abs(regionPopulation - england) / england).toBeLessThan(0.0001);
  });

  it('roll up to regions that agree with England’s own figures within the source’s rounding', () => {
    const england = new Map(shares.filter((row) => row.areaCode === ENGLAND_CODE).map((row) => [`${row.dimension}|${row.category}`, row.share]));
    const regions = shares.filter((row) => row.level === 'region');
    const populationOf = new Map(regions.map((row) => [row.areaCode, row.population]));
    const total = [...populationOf.values()].reduce((sum, value) => sum + value, 0);
    const keys = [...new Set(regions.map((row) => `${row.dimension}|${row.category}`))];
    expect(keys.length).toBe(12);
    for (const key of keys) {
      // Age shares are of those aged 15 and over, whose number differs by region: weighted by residents
      // the roll-up is exact for sex and ethnic group, and within rounding for age.
      const rolled = regions.filter((row) => `${row.dimension}|${row.category}` === key).reduce((sum, row) => sum + row.share * populationOf.get(row.areaCode)!, 0) / total;
      expect(Math.abs(rolled - england.get(key)!), key).toBeLessThan(key.startsWith('age_band') ? 0.003 : 0.002);
    }
  });

  it('give England’s disability shares from the Equality Act table only', () => {
    expect(shares.filter((row) => row.dimension === 'disability').map((row) => [row.areaCode, row.category, row.share.toFixed(4)])).toEqual([
      [ENGLAND_CODE, 'yes', (9774370 / 56490014).toFixed(4)],
      [ENGLAND_CODE, 'no', (46715644 / 56490014).toFixed(4)],
    ]);
  });
});

describe('the representation arithmetic', () => {
  it('gives the 95% Wilson interval', () => {
    // Worked by hand: p = 0.4, n = 100 → centre 0.40370, half-width 0.09430.
    const [low, high] = wilson(40, 100);
    expect(low).toBeCloseTo(0.3094, 4);
    expect(high).toBeCloseTo(0.498, 4);
    expect(wilson(0, 20)[0]).toBe(0);
    expect(wilson(20, 20)[1]).toBe(1);
  });

  it('flags by the stated rule', () => {
    expect(flagOf(0.5, 0.79)).toBe('under-represented');
    expect(flagOf(0.5, 0.8)).toBe('in line');
    expect(flagOf(1.26, 2)).toBe('over-represented');
    expect(flagOf(1.25, 2)).toBe('in line');
  });

  it('gives shares of those who answered, ratios with intervals and flags, worked out by hand', () => {
    // 200 people: 150 female, 40 male, 6 prefer not to say, 4 gave no answer; 190 answered.
    const [row] = dimensionRows(SEX, [{ source: 'respondents', areaCode: 'E92000001', areaName: 'England', total: 200, counts: new Map([['female', 150], ['male', 40], [PREFER_NOT, 6]]), reference: new Map([['female', 0.51], ['male', 0.49]]) }]);
    const female = cell(row!, 'female');
    expect(female.share).toBeCloseTo(150 / 190, 6);
    expect(female.ratio).toBeCloseTo(150 / 190 / 0.51, 6);
    // Wilson(150, 190): centre 0.78373, half-width 0.05768 → 0.72605–0.84141; over 0.51.
    expect(female.ratioLow).toBeCloseTo(1.4236, 3);
    expect(female.ratioHigh).toBeCloseTo(1.6498, 3);
    expect(female.flag).toBe('over-represented');
    const male = cell(row!, 'male');
    // Wilson(40, 190): 0.15858–0.27394; over 0.49.
    expect(male.ratioLow).toBeCloseTo(0.3236, 3);
    expect(male.ratioHigh).toBeCloseTo(0.5591, 3);
    expect(male.flag).toBe('under-represented');
    expect(row!.lowestRatio).toBeCloseTo(40 / 190 / 0.49, 6);
    // Prefer not to say (6) and no answer (4) are under 10: hidden, and two hidden cells in the row protect each other.
    expect(cell(row!, PREFER_NOT)).toMatchObject({ count: null, suppressed: true, share: null });
    expect(cell(row!, UNANSWERED)).toMatchObject({ count: null, suppressed: true });
    expect(row!.total).toBe(200);
  });

  it('hides a second cell where a hidden one could be worked out from a total', () => {
    // 30 women, 7 men, 11 prefer not to say, so 12 gave no answer.
    const [a] = dimensionRows(SEX, [{ source: 'respondents', areaCode: 'A', areaName: 'A', total: 60, counts: new Map([['female', 30], ['male', 7], [PREFER_NOT, 11]]), reference: new Map([['female', 0.5], ['male', 0.5]]) }]);
    // The 7 men are hidden. From the row's total, the smallest other cell (11) is hidden with them; and
    // since the shares give away how many answered (women + men), the women are hidden too.
    expect(cell(a!, 'male').suppressed).toBe(true);
    expect(cell(a!, PREFER_NOT)).toMatchObject({ count: null, suppressed: true });
    expect(cell(a!, 'female')).toMatchObject({ count: null, share: null, flag: null, suppressed: true });
    expect(cell(a!, UNANSWERED)).toMatchObject({ count: 12, suppressed: false });
  });

  it('hides every cell of an area with fewer than 10 people, and what the England total would then give away', () => {
    const rows = dimensionRows(SEX, [
      { source: 'respondents', areaCode: 'A', areaName: 'A', total: 60, counts: new Map([['female', 30], ['male', 20], [PREFER_NOT, 10]]), reference: new Map([['female', 0.5], ['male', 0.5]]) },
      { source: 'respondents', areaCode: 'B', areaName: 'B', total: 8, counts: new Map([['female', 5], ['male', 3]]), reference: new Map([['female', 0.5], ['male', 0.5]]) },
    ]);
    const [a, b] = rows;
    expect(b!.total).toBeNull();
    expect(b!.cells.every((entry) => entry.count === null && entry.share === null && entry.suppressed)).toBe(true);
    expect(b!.lowestRatio).toBeNull();
    // England's figures (another request) less A's would give B's: each of A's cells goes too.
    expect(a!.cells.every((entry) => entry.suppressed)).toBe(true);
    expect(a!.total).toBe(60);
  });
});
