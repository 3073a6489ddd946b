import { listPanels } from '~/research/panels.server';
import { listRegions } from '~/research/reference.server';
import { placeProfiles, PROFILE_SURVEY, referenceShares, representationCounts, REPRESENTATION_SOURCES } from '~/research/representation-counts.server';
import { getSurvey } from '~/surveys/definitions.server';
import { quarterOf } from './quarters';
import { UNDER, wilson } from './representation';
import { DIMENSION_LABELS } from './representation.server';

/** The dimensions with a Census comparison, whose gaps a facilitator can act on. */
const COMPARED = ['sex', 'age_band', 'ethnic_group', 'disability'] as const;

export interface Gap {
  regionCode: string;
  regionName: string;
  /** What is missing, in words: "Black, Black British, Caribbean or African (ethnic group)". */
  who: string;
  /** Why it is listed, in words, without numbers that could identify anyone. */
  why: string;
  /** Panels in the region (or national) that could close it, with links to their pages. */
  panels: { id: string; name: string }[];
}

/**
 * The largest gaps in a facilitator's regions this quarter, people of all sources together: groups
 * flagged under-represented (by the page's rule), ranked by how many more people it would take to
 * be in line with the Census share, then authorities where no one has taken part, largest first.
 * Only words are shown, so small numbers are never published.
 */
export async function reachNext(regionCodes: readonly string[], { now = new Date(), limit = 5 } = {}): Promise<Gap[]> {
  if (regionCodes.length === 0) return [];
  const quarter = quarterOf(now);
  const survey = getSurvey(PROFILE_SURVEY);
  const questions = new Map((survey?.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions) ?? []).map((question) => [question.name, question]));
  const [regions, references, places, panels, counted] = await Promise.all([
    listRegions(),
    referenceShares(regionCodes),
    placeProfiles(),
    listPanels({ regionCodes: [...regionCodes] }),
    representationCounts({ quarter: quarter.key, from: quarter.from, to: quarter.to, programme: null, level: 'la' }, COMPARED, REPRESENTATION_SOURCES),
  ]);
  const regionName = new Map(regions.map((region) => [region.code, region.name]));
  const regionOf = new Map(places.map((place) => [place.code, place.regionCode]));
  const panelsIn = (region: string) => panels.filter((panel) => panel.regionCode === region || panel.level === 'national').slice(0, 3).map((panel) => ({ id: panel.id, name: panel.name }));
  const ranked: (Gap & { short: number })[] = [];
  for (const region of regionCodes) {
    const inRegion = counted.counts.filter((row) => regionOf.get(row.area) === region && row.category !== null);
    for (const dimension of COMPARED) {
      const reference = new Map(references.filter((row) => row.dimension === dimension && row.areaCode === (dimension === 'disability' ? 'E92000001' : region)).map((row) => [row.category, row.share]));
      const counts = new Map<string, number>();
      for (const row of inRegion.filter((entry) => entry.dimension === dimension)) counts.set(row.category!, (counts.get(row.category!) ?? 0) + row.count);
      const answered = [...counts].filter(([category]) => category !== 'prefer-not-to-say').reduce((sum, [, count]) => sum + count, 0);
      if (answered === 0) continue;
      const question = questions.get(dimension);
      for (const [category, share] of reference) {
        const count = counts.get(category) ?? 0;
        const [, high] = wilson(count, answered);
        if (high / share >= UNDER) continue;
        const label = question?.choices.find((choice) => String(choice.value) === category)?.text ?? category;
        ranked.push({
          regionCode: region,
          regionName: regionName.get(region) ?? region,
          who: `${label} (${DIMENSION_LABELS[dimension].toLowerCase()})`,
          why: 'Fewer have taken part than live in the region, by more than chance would explain.',
          panels: panelsIn(region),
          short: share * answered - count,
        });
      }
    }
  }
  ranked.sort((a, b) => b.short - a.short);
  const gaps: Gap[] = ranked.slice(0, limit).map(({ short: _short, ...gap }) => gap);
  // Then authorities with no one at all, the most populous first.
  const reached = new Set(counted.totals.filter((row) => row.count > 0).map((row) => row.area));
  const empty = places.filter((place) => regionCodes.includes(place.regionCode) && !reached.has(place.code)).sort((a, b) => b.population - a.population);
  for (const place of empty) {
    if (gaps.length >= limit) break;
    gaps.push({ regionCode: place.regionCode, regionName: regionName.get(place.regionCode) ?? place.regionCode, who: `Families in ${place.name}`, why: 'No one from this local authority has taken part this quarter.', panels: panelsIn(place.regionCode) });
  }
  return gaps;
}
