import { describe, expect, it } from 'vitest';
import { TallyCounts, unpackAnswers } from '~/research/tallies.server';

describe('unpacking answers for the report tallies', () => {
  it('gives a pair per choice, a null pair for those who answered a several-answer question, a grid statement each, and only closed questions', () => {
    const closed = new Set(['services', 'rating', 'grid', 'agree', `it's "quoted" \\ too`]);
    const pairs = unpackAnswers({ services: ['hub', 'midwife'], rating: 4, grid: { speed: 'good', kindness: null }, agree: false, comments: 'free text', [`it's "quoted" \\ too`]: 'yes', empty: null }, closed);
    expect(pairs).toEqual([
      ['services', 'hub'],
      ['services', 'midwife'],
      ['services', null],
      ['rating', '4'],
      ['grid/speed', 'good'],
      ['grid/kindness', null],
      ['agree', 'false'],
      [`it's "quoted" \\ too`, 'yes'],
    ]);
  });
});

describe('counting for the report tallies', () => {
  it('counts a response under all programmes and each of its own, and its answers again for each segment it belongs to', () => {
    const counts = new TallyCounts();
    const response = { surveyId: 'set', submittedAt: new Date('2026-07-01T23:00:00Z'), programmeCodes: ['family-hubs'], regionCode: 'E12000002', laCode: 'E08000003' };
    counts.add({ ...response, answers: { pregnancy_or_under2: 'yes', wanted: true } }, new Set(['pregnancy_or_under2', 'wanted']));
    counts.add({ ...response, answers: { pregnancy_or_under2: 'no', wanted: true } }, new Set(['pregnancy_or_under2', 'wanted']));
    // Responses: 2 programmes (all, family-hubs) → 2 cells. Answers: everyone × 2 programmes ×
    // (yes, no, wanted=true) = 6 cells, and the under-2s segment × 2 programmes × (yes, wanted) = 4.
    expect(counts.size).toBe(12);
    const cells = [...counts.answers].flatMap(([place, rests]) => [...rests].map(([rest, count]) => [JSON.parse(place + rest), count]));
    expect(cells).toContainEqual([['2026-27-Q2', '', 'set', 'all', 'E12000002', 'E08000003', 'wanted', 'true'], 2]);
    expect(cells).toContainEqual([['2026-27-Q2', 'under-2s', 'set', 'family-hubs', 'E12000002', 'E08000003', 'wanted', 'true'], 1]);
    counts.clear();
    expect(counts.size).toBe(0);
  });
});
