import { PROGRAMMES } from '#db/reference/programmes';
import { AREA_UNKNOWN, ENGLAND } from '~/research/report-counts.server';
import { footprintOf } from '~/research/footprints.server';
import { listLocalAuthorities, listRegions } from '~/research/reference.server';
import {
  placeProfiles,
  PROFILE_SURVEY,
  referenceShares,
  representationCounts,
  REPRESENTATION_SOURCES,
  youngRespondents,
  type AreaTotal,
  type CategoryCount,
  type RepresentationSource,
} from '~/research/representation-counts.server';
import { getSurvey } from '~/surveys/definitions.server';
import { previousQuarter, type Quarter } from './quarters';
import { scopeOf } from './quarterly.server';
import { protectTotal } from './disclosure';
import { dimensionRows, PREFER_NOT, type DimensionSpec, type RepresentationRow, type RowInput } from './representation';

/** Who a representation report counts: one source, or all three added together. */
export type SourceChoice = RepresentationSource | 'all';

export interface RepresentationRequest {
  quarter: Quarter;
  /** A programme code, or 'all'. */
  programme: string;
  level: 'england' | 'region' | 'la';
  regionCode?: string | null;
  laCode?: string | null;
  source: SourceChoice;
}

/** The About-you questions compared, in the order shown; the Census has figures for the first four. */
export const DIMENSION_KEYS = ['sex', 'age_band', 'ethnic_group', 'disability', 'family_type', 'children_ages', 'pregnancy_or_under2', 'services_used'] as const;
export const DIMENSION_LABELS: Record<(typeof DIMENSION_KEYS)[number], string> = {
  sex: 'Sex',
  age_band: 'Age',
  ethnic_group: 'Ethnic group',
  disability: 'Disability',
  family_type: 'Family make-up',
  children_ages: 'Children’s ages',
  pregnancy_or_under2: 'Expecting or with a child under 2',
  services_used: 'Families who have not used services',
};
/** Of the services question only "None of these" is a group to follow (specification 5.10–5.11). */
const ONLY: Partial<Record<(typeof DIMENSION_KEYS)[number], { value: string; label: string }[]>> = { services_used: [{ value: 'none', label: 'Used none of the services asked about' }] };
/** Where a place sits: compared with the population of the authorities in the programme's footprint. */
export const PLACE_DIMENSIONS = { rural_urban: 'Urban and rural areas', la_type: 'Type of local authority' } as const;

export interface RepresentationTable {
  dimension: string;
  label: string;
  /** Why some or all of its categories have no population to compare with. */
  notes: string[];
  rows: RepresentationRow[];
}

export interface RepresentationReport {
  period: { key: string; label: string };
  programme: { code: string; name: string } | null;
  level: RepresentationRequest['level'];
  source: SourceChoice;
  tables: RepresentationTable[];
  /** Areas in the scope where no one took part (in the sources counted). */
  coverage: { regionsWithNone: { code: string; name: string }[]; lasWithNone: { code: string; name: string; regionName: string }[] };
  /** Young people who answered their own question set (5.17), or null where fewer than 10. */
  youngPeople: number | null;
  /** How many authorities the footprint holds, or null when every authority counts (none set). */
  footprint: number | null;
  /**
   * Each compared dimension's figure to follow, quarter by quarter (oldest first, this one last):
   * the lowest ratio among its categories, for the whole of what the report covers.
   */
  trend: { dimension: string; label: string; points: { quarter: string; label: string; lowestRatio: number | null }[] }[];
}

/** Quarters in the trend, this one included. */
const TREND_QUARTERS = 4;

const NOTES: Record<string, string[]> = {
  sex: [],
  age_band: ['The Census 2021 shares are of people aged 15 and over; its 15 to 24 band stands for 18 to 24, and under-18s have no comparison.'],
  ethnic_group: ['The Census file used gives no figure for other ethnic groups, so they have no comparison.'],
  disability: ['Census 2021 disability figures (Equality Act) are held for England only: regions and local authorities are compared with England.'],
  family_type: ['No population figures for family make-up are held, so these are shown without a comparison.'],
  children_ages: ['No population figures for children’s ages among families are held, so these are shown without a comparison. Families may tick several ages.'],
  pregnancy_or_under2: ['No population figure for families expecting or with a child under 2 is held, so this is shown without a comparison.'],
  services_used: ['Those who ticked “None of these” when asked which services they had used in the last 2 years, of those who answered. No population figure is held.'],
  rural_urban: ['Compared with the usual residents of the local authorities in the programme’s footprint, by the broad 2011 Rural Urban Classification; county councils and the authorities made since 2019 have no class and are shown as not classified.'],
  la_type: ['Compared with the usual residents of the local authorities in the programme’s footprint, by type of authority.'],
};

function specsFor(): DimensionSpec[] {
  const survey = getSurvey(PROFILE_SURVEY);
  if (!survey) throw new Error('The common question set is missing');
  const questions = new Map(survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions).map((question) => [question.name, question]));
  return DIMENSION_KEYS.map((key) => {
    const question = questions.get(key);
    if (!question) throw new Error(`The common question set has no question ${key}`);
    return {
      key,
      label: DIMENSION_LABELS[key],
      multiple: question.type === 'checkbox',
      categories: ONLY[key] ?? question.choices.filter((choice) => String(choice.value) !== PREFER_NOT).map((choice) => ({ value: String(choice.value), label: choice.text })),
    };
  });
}

/** Counts of several sources as one ('all'): a person may be counted in more than one source. */
function combine<T extends { source: string; count: number }>(rows: T[], key: (row: T) => string): T[] {
  const combined = new Map<string, T>();
  for (const row of rows) {
    const id = key(row);
    const existing = combined.get(id);
    combined.set(id, existing ? { ...existing, count: existing.count + row.count } : { ...row, source: 'all' });
  }
  return [...combined.values()];
}

/**
 * The representation analysis for a quarter, a programme (or all), a level and a source: every
 * dimension's counts, shares, population shares, ratios with 95% intervals and flags, protected;
 * the urban/rural and local-authority-type mix against the footprint; and the areas with no one.
 */
export async function buildRepresentation(request: RepresentationRequest, { withTrend = true } = {}): Promise<RepresentationReport> {
  const scope = scopeOf(request, request.quarter);
  const sources = request.source === 'all' ? REPRESENTATION_SOURCES : [request.source];
  const specs = specsFor();
  const [young, footprint, regions, las, places, counted, byLa] = await Promise.all([
    youngRespondents(scope),
    footprintOf(scope.programme),
    listRegions(),
    listLocalAuthorities(),
    placeProfiles(),
    representationCounts(scope, DIMENSION_KEYS, sources),
    // Totals per authority whatever the level, for the place mix and the areas with no one.
    representationCounts({ ...scope, level: 'la' }, [], sources),
  ]);
  const names = new Map<string, string>([[ENGLAND, 'England'], [AREA_UNKNOWN, 'Area not known'], ...regions.map((region) => [region.code, region.name] as const), ...las.map((la) => [la.code, la.name] as const)]);
  let counts: CategoryCount[] = counted.counts;
  let totals: AreaTotal[] = counted.totals;
  let laTotals: AreaTotal[] = byLa.totals;
  if (request.source === 'all') {
    counts = combine(counts, (row) => JSON.stringify([row.area, row.dimension, row.category]));
    totals = combine(totals, (row) => row.area);
    laTotals = combine(laTotals, (row) => row.area);
  }
  // The authorities compared against: the programme's footprint (every authority until one is set), within the place asked for.
  const inScope = places.filter((place) => (!footprint || footprint.has(place.code)) && (!scope.regionCode || place.regionCode === scope.regionCode) && (!scope.laCode || place.code === scope.laCode));
  // Rows: England; every region (or the one asked for); every authority in the scope; and people whose area is not known.
  const areaCodes =
    request.level === 'england'
      ? [ENGLAND]
      : request.level === 'region'
        ? regions.filter((region) => !scope.regionCode || region.code === scope.regionCode).map((region) => region.code)
        : inScope.map((place) => place.code).sort((a, b) => names.get(a)!.localeCompare(names.get(b)!, 'en-GB'));
  if (request.level !== 'england' && !scope.regionCode && !scope.laCode && totals.some((row) => row.area === AREA_UNKNOWN)) areaCodes.push(AREA_UNKNOWN);
  const references = await referenceShares(areaCodes.filter((code) => code !== AREA_UNKNOWN));
  const referenceOf = (area: string, dimension: string) => {
    const own = references.filter((row) => row.areaCode === area && row.dimension === dimension);
    // Disability is held for England only: every area is compared with England.
    const rows = own.length > 0 ? own : dimension === 'disability' ? references.filter((row) => row.areaCode === ENGLAND && row.dimension === dimension) : [];
    return new Map(rows.map((row) => [row.category, row.share]));
  };
  const totalOf = new Map(totals.map((row) => [`${row.source}|${row.area}`, row.count]));
  const countsOf = new Map<string, CategoryCount[]>();
  for (const row of counts) {
    const key = `${row.source}|${row.area}|${row.dimension}`;
    countsOf.set(key, [...(countsOf.get(key) ?? []), row]);
  }
  const rowSources = request.source === 'all' ? ['all'] : sources;
  const tables: RepresentationTable[] = specs.map((spec) => ({
    dimension: spec.key,
    label: spec.label,
    notes: NOTES[spec.key] ?? [],
    rows: rowSources.flatMap((source) =>
      dimensionRows(
        spec,
        areaCodes.map((area): RowInput => {
          const own = countsOf.get(`${source}|${area}|${spec.key}`) ?? [];
          return {
            source,
            areaCode: area,
            areaName: names.get(area) ?? area,
            total: totalOf.get(`${source}|${area}`) ?? 0,
            counts: new Map(own.filter((row) => row.category !== null).map((row) => [row.category!, row.count])),
            answered: own.find((row) => row.category === null)?.count,
            reference: area === AREA_UNKNOWN ? new Map() : referenceOf(request.level === 'england' ? ENGLAND : area, spec.key),
          };
        }),
      ),
    ),
  }));
  tables.push(...placeTables(request, areaCodes, names, inScope, laTotals, rowSources));
  const peopleIn = new Map<string, number>();
  for (const row of laTotals) peopleIn.set(row.area, (peopleIn.get(row.area) ?? 0) + row.count);
  const regionsWithPeople = new Set(inScope.filter((place) => (peopleIn.get(place.code) ?? 0) > 0).map((place) => place.regionCode));
  const programme = request.programme === 'all' ? null : (PROGRAMMES.find((entry) => entry.code === request.programme) ?? null);
  const trend = withTrend ? await trendOf(request) : [];
  return {
    period: { key: request.quarter.key, label: request.quarter.label },
    programme: programme ? { code: programme.code, name: programme.name } : null,
    level: request.level,
    source: request.source,
    tables,
    footprint: footprint ? footprint.size : null,
    youngPeople: protectTotal(young),
    trend,
    coverage: {
      regionsWithNone: scope.laCode ? [] : regions.filter((region) => (!scope.regionCode || region.code === scope.regionCode) && inScope.some((place) => place.regionCode === region.code) && !regionsWithPeople.has(region.code)),
      lasWithNone: inScope
        .filter((place) => (peopleIn.get(place.code) ?? 0) === 0)
        .map((place) => ({ code: place.code, name: place.name, regionName: names.get(place.regionCode) ?? place.regionCode }))
        .sort((a, b) => a.regionName.localeCompare(b.regionName, 'en-GB') || a.name.localeCompare(b.name, 'en-GB')),
    },
  };
}

/** The lowest ratio of each compared dimension for the report's whole area, over this quarter and the ones before. */
async function trendOf(request: RepresentationRequest): Promise<RepresentationReport['trend']> {
  const quarters = [request.quarter];
  while (quarters.length < TREND_QUARTERS) quarters.unshift(previousQuarter(quarters[0]!));
  // The whole of what the report covers as one row: England, the region, or the authority.
  const level = request.laCode ? 'la' : request.regionCode ? 'region' : 'england';
  const reports = await Promise.all(quarters.map((quarter) => buildRepresentation({ ...request, quarter, level }, { withTrend: false })));
  const compared = reports[0]!.tables.filter((table) => table.rows.some((row) => row.cells.some((cell) => cell.referenceShare !== null)));
  return compared.map((table) => ({
    dimension: table.dimension,
    label: table.label,
    points: reports.map((report, index) => ({
      quarter: quarters[index]!.key,
      label: quarters[index]!.label,
      lowestRatio: report.tables.find((entry) => entry.dimension === table.dimension)?.rows[0]?.lowestRatio ?? null,
    })),
  }));
}

const NOT_CLASSIFIED = 'not-classified';

/** The urban/rural and authority-type mix: people by their authority's class, against the footprint's residents. */
function placeTables(
  request: RepresentationRequest,
  areaCodes: string[],
  names: Map<string, string>,
  inScope: Awaited<ReturnType<typeof placeProfiles>>,
  laTotals: AreaTotal[],
  rowSources: readonly string[],
): RepresentationTable[] {
  const classes = {
    rural_urban: (place: (typeof inScope)[number]) => place.ruralUrban ?? NOT_CLASSIFIED,
    la_type: (place: (typeof inScope)[number]) => place.laType,
  };
  const placeOf = new Map(inScope.map((place) => [place.code, place]));
  const areaOfPlace = (place: (typeof inScope)[number]) => (request.level === 'england' ? ENGLAND : request.level === 'region' ? place.regionCode : place.code);
  return (Object.keys(classes) as (keyof typeof classes)[]).map((dimension) => {
    const classOf = classes[dimension];
    const values = [...new Set(inScope.map(classOf))].sort((a, b) => (a === NOT_CLASSIFIED ? 1 : b === NOT_CLASSIFIED ? -1 : a.localeCompare(b, 'en-GB')));
    const spec: DimensionSpec = { key: dimension, label: PLACE_DIMENSIONS[dimension], multiple: false, categories: values.map((value) => ({ value, label: value === NOT_CLASSIFIED ? 'Not classified' : value })) };
    const rows = rowSources.flatMap((source) =>
      dimensionRows(
        spec,
        areaCodes
          .filter((area) => area !== AREA_UNKNOWN)
          .map((area): RowInput => {
            const counts = new Map<string, number>();
            let total = 0;
            for (const row of laTotals) {
              const place = placeOf.get(row.area);
              if (row.source !== source || !place || areaOfPlace(place) !== area) continue;
              counts.set(classOf(place), (counts.get(classOf(place)) ?? 0) + row.count);
              total += row.count;
            }
            const residents = new Map<string, number>();
            let population = 0;
            for (const place of inScope) {
              if (areaOfPlace(place) !== area) continue;
              residents.set(classOf(place), (residents.get(classOf(place)) ?? 0) + place.population);
              population += place.population;
            }
            const reference = new Map([...residents].filter(([value]) => value !== NOT_CLASSIFIED).map(([value, count]) => [value, population > 0 ? count / population : 0]));
            return { source, areaCode: area, areaName: names.get(area) ?? area, total, counts, reference };
          }),
      ),
    );
    return { dimension, label: spec.label, notes: NOTES[dimension] ?? [], rows };
  });
}
