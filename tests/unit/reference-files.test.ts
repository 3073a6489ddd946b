import { describe, expect, it } from 'vitest';
import { readRuralUrban, readUpperTierLocalAuthorities } from '#db/reference/files';
import { createRandom } from '#db/seed/random';

describe('reference data files', () => {
  it('list the 153 upper-tier local authorities in the nine regions', () => {
    const las = readUpperTierLocalAuthorities();
    expect(las).toHaveLength(153);
    expect(new Set(las.map((la) => la.la_code)).size).toBe(153);
    expect(new Set(las.map((la) => la.region_code))).toEqual(new Set(Array.from({ length: 9 }, (_, i) => `E1200000${i + 1}`)));
    const prefixes = las.reduce<Record<string, number>>((counts, la) => {
      const prefix = la.la_code.slice(0, 3);
      counts[prefix] = (counts[prefix] ?? 0) + 1;
      return counts;
    }, {});
    expect(prefixes).toEqual({ E06: 63, E08: 36, E09: 33, E10: 21 });
  });

  it('classify most of them as urban or rural', () => {
    const ruralUrban = new Map(readRuralUrban().map((row) => [row.la_code, row.ruc11_broad]));
    expect(ruralUrban.get('E08000003')).toBe('Predominantly Urban');
    expect(ruralUrban.get('E10000003')).toBe('');
  });
});

describe('createRandom', () => {
  it('gives the same sequence for the same seed on every run', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const sequence = Array.from({ length: 5 }, () => a.int(1, 1000));
    expect(Array.from({ length: 5 }, () => b.int(1, 1000))).toEqual(sequence);
    expect(createRandom(43).int(1, 1000)).not.toBe(createRandom(42).int(1, 1000));
  });
});
