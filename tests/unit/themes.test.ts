import { describe, expect, it } from 'vitest';
import { analyseComments } from '~/analysis/themes/analyse';
import { adjustedRandIndex, purity } from '~/analysis/themes/measures';
import { terms } from '~/analysis/themes/text';

const coded = [
  ['The health visitor helped with breastfeeding and the baby sleeping', 'early-years'],
  ['Baby group on Tuesdays gave me tips on weaning and sleep', 'early-years'],
  ['Our health visitor checked the baby and talked about feeding', 'early-years'],
  ['Waited two years for an EHCP and the school still has no SENCO support', 'send'],
  ['Autism diagnosis took forever and the school would not support him', 'send'],
  ['The SENCO at school finally put support in place after the EHCP', 'send'],
  ['Universal Credit delays left us using the food bank', 'financial'],
  ['Energy bills and debt mean we skip meals, the food bank helps', 'financial'],
  ['Money is so tight, benefits do not cover the bills', 'financial'],
] as const;
const uncoded = [
  ['u1', 'Still waiting for the EHCP, the school SENCO says there is no support'],
  ['u2', 'The food bank and help with energy bills got us through'],
  ['u3', 'Weaning advice from the baby group and health visitor was brilliant'],
  ['u4', 'Nothing to say'],
] as const;
const rows = [...coded.map(([text, code], index) => ({ id: `c${index}`, text, code })), ...uncoded.map(([id, text]) => ({ id, text }))];

describe('offline theme suggestions', () => {
  it('reads words as stemmed terms and pairs, without stop words', () => {
    expect(terms('Waiting, waited and waits for the EHCP')).toEqual(['wait', 'wait', 'wait', 'ehcp', 'wait wait', 'wait wait', 'wait ehcp']);
    expect(terms('<script>alert(1)</script>')).toEqual(['script', 'alert', 'script', 'script alert', 'alert script']);
  });

  it('suggests the code an analyst would give, with a confidence, and offers nothing it is unsure of', () => {
    const result = analyseComments(rows, { clusters: 3 });
    const top = Object.fromEntries(result.rows.map((row) => [row.id, row.suggestions[0]?.code ?? null]));
    expect(top).toMatchObject({ u1: 'send', u2: 'financial', u3: 'early-years' });
    // No words it knows: no suggestion rather than a guess.
    expect(result.rows.find((row) => row.id === 'u4')!.suggestions).toEqual([]);
    for (const row of result.rows) for (const suggestion of row.suggestions) expect(suggestion.confidence).toBeGreaterThanOrEqual(0.5);
    // Only uncoded comments are suggested and clustered; each cluster names its terms and nearest comments.
    expect(result.rows.map((row) => row.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(result.clusters.reduce((sum, cluster) => sum + cluster.size, 0)).toBe(4);
    for (const cluster of result.clusters.filter((one) => one.size > 0)) expect(cluster.nearest.length).toBeGreaterThan(0);
  });

  it('gives the same result on every run for the same seed', () => {
    expect(JSON.stringify(analyseComments(rows, { clusters: 3, seed: 7 }))).toBe(JSON.stringify(analyseComments(rows, { clusters: 3, seed: 7 })));
  });

  it('measures clusterings against labels: the adjusted Rand index and purity', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], [1, 1, 2, 2])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], [2, 2, 1, 1])).toBe(1);
    // A known value: sklearn gives 0.24242424 for these labellings.
    expect(adjustedRandIndex(['a', 'a', 'a', 'b', 'b', 'b'], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.2424, 3);
    expect(purity(['a', 'a', 'b', 'b'], [1, 1, 1, 2])).toBe(0.75);
  });
});

describe('the labelled set', () => {
  it('reproduces the figures recorded in BENCHMARKS.md', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('csv-parse/sync');
    const { evaluateThemes } = await import('~/analysis/themes/analyse');
    const rows: { id: string; text: string; code: string }[] = parse(readFileSync('tests/fixtures/themes/labelled-comments.csv'), { columns: true, bom: true });
    expect(rows).toHaveLength(480);
    expect(new Set(rows.map((row) => row.code)).size).toBe(10);
    expect(evaluateThemes(rows, { threshold: 0.5, seed: 1 })).toEqual({
      train: 240,
      test: 240,
      threshold: 0.5,
      precision: 0.543,
      recall: 0.183,
      clusters: 10,
      adjustedRandIndex: 0.042,
      purity: 0.271,
    });
  });
});

describe('the seed codebook', () => {
  it('names each code once, with parents that exist, and lifts the suggestions on the labelled set (BENCHMARKS.md)', async () => {
    const { SEED_CODEBOOK } = await import('#db/reference/codebook');
    const codes = SEED_CODEBOOK.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of SEED_CODEBOOK) if (entry.parent) expect(codes).toContain(entry.parent);
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('csv-parse/sync');
    const { evaluateThemes } = await import('~/analysis/themes/analyse');
    const rows: { id: string; text: string; code: string }[] = parse(readFileSync('tests/fixtures/themes/labelled-comments.csv'), { columns: true, bom: true });
    for (const code of new Set(rows.map((row) => row.code))) expect(codes).toContain(code);
    expect(evaluateThemes(rows, { threshold: 0.5, seed: 1, codebook: SEED_CODEBOOK })).toMatchObject({ precision: 0.646, recall: 0.213 });
  });
});
