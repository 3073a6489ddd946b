import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { projectPath } from '../paths';
import { readUpperTierLocalAuthorities } from './files';

/**
 * Census 2021 reference populations for the representation analysis: shares of usual residents by
 * the common question set's own categories, for England, each region and each current upper-tier
 * local authority. LA figures are rolled up from the 2021 districts (census2021_lad_to_upper_tier.csv)
 * and regions from the LAs, each weighted by usual residents. Provenance in SOURCES.md.
 */
export interface ReferenceShare {
  areaCode: string;
  level: 'england' | 'region' | 'la';
  /** The common question set's question name. */
  dimension: string;
  /** Its answer value. */
  category: string;
  /** A fraction of the area's population (for age, of those aged 15 and over). */
  share: number;
  population: number;
}

export const ENGLAND_CODE = 'E92000001';

/** Census categories behind each of the question set's answers; answers not listed have no reference. */
const CATEGORIES: Record<string, { topic: string; base: 'all' | 'aged 15 and over'; answers: Record<string, string[]> }> = {
  sex: { topic: 'sex', base: 'all', answers: { female: ['Female'], male: ['Male'] } },
  age_band: {
    topic: 'age',
    // Parents and carers are adults: the shares are of those aged 15 and over, and the Census's
    // 15–24 band stands for 18–24 (said on the page); under-18s have no reference.
    base: 'aged 15 and over',
    answers: {
      '18-24': ['Aged 15 to 24'],
      '25-34': ['Aged 25 to 34'],
      '35-44': ['Aged 35 to 44'],
      '45-54': ['Aged 45 to 54'],
      '55-64': ['Aged 55 to 64'],
      '65-plus': ['Aged 65 to 74', 'Aged 75 and over'],
    },
  },
  ethnic_group: {
    topic: 'ethnic_group',
    base: 'all',
    answers: {
      asian: ['Asian, Asian British or Asian Welsh'],
      black: ['Black, Black British, Black Welsh, Caribbean or African'],
      mixed: ['Mixed or Multiple ethnic groups'],
      white: ['White'],
    },
  },
};

/** Why an answer has no reference share, for the page and the CSV's readers. */
export const NO_REFERENCE: Record<string, string> = {
  age_band: 'The Census bands start at 15 to 24, so under-18s have no comparison.',
  ethnic_group: 'The Census file used gives no figure for other ethnic groups.',
  disability: 'Census disability figures are held for England only: regions and local authorities are compared with England.',
};

interface ProfileRow {
  area_code: string;
  area_name: string;
  topic: string;
  category: string;
  value: string;
  unit: string;
}

const readCsv = <T>(file: string) => parse(readFileSync(projectPath('db', 'reference', file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as T[];

/** Estimated residents per dimension/category, and the base each share is taken of, for one area. */
interface Counts {
  population: number;
  counts: Map<string, number>;
  bases: Map<string, number>;
}

function emptyCounts(): Counts {
  return { population: 0, counts: new Map(), bases: new Map() };
}

function add(into: Counts, from: Counts): void {
  into.population += from.population;
  for (const [key, value] of from.counts) into.counts.set(key, (into.counts.get(key) ?? 0) + value);
  for (const [key, value] of from.bases) into.bases.set(key, (into.bases.get(key) ?? 0) + value);
}

/** An area's percentages turned into estimated residents (percentage × usual residents). */
function countsOf(rows: ProfileRow[]): Counts {
  const population = Number(rows.find((row) => row.topic === 'population')?.value);
  if (!Number.isFinite(population) || population <= 0) throw new Error(`No population for ${rows[0]?.area_code}`);
  const percent = (topic: string, category: string) => {
    const row = rows.find((candidate) => candidate.topic === topic && candidate.category === category);
    if (!row) throw new Error(`No ${topic} “${category}” for ${rows[0]?.area_code}`);
    return Number(row.value);
  };
  const result: Counts = { population, counts: new Map(), bases: new Map() };
  for (const [dimension, { topic, base, answers }] of Object.entries(CATEGORIES)) {
    result.bases.set(dimension, base === 'all' ? population : (population * (100 - percent('age', 'Aged 0 to 14'))) / 100);
    for (const [answer, categories] of Object.entries(answers)) {
      result.counts.set(`${dimension}\t${answer}`, categories.reduce((sum, category) => sum + (population * percent(topic, category)) / 100, 0));
    }
  }
  return result;
}

function sharesOf(areaCode: string, level: ReferenceShare['level'], counts: Counts): ReferenceShare[] {
  return [...counts.counts].map(([key, count]) => {
    const [dimension, category] = key.split('\t') as [string, string];
    return { areaCode, level, dimension, category, share: count / counts.bases.get(dimension)!, population: Math.round(counts.population) };
  });
}

/** England's disability shares (Equality Act), from TS038: the only level the file has. */
function englandDisability(population: number): ReferenceShare[] {
  const rows = readCsv<{ census_table: string; category: string; count: string }>('census2021_england_disability_sex.csv').filter((row) => row.census_table === 'TS038');
  const count = (category: string) => Number(rows.find((row) => row.category === category)?.count);
  const total = count('Total: All usual residents');
  return [
    { areaCode: ENGLAND_CODE, level: 'england', dimension: 'disability', category: 'yes', share: count('Disabled under the Equality Act') / total, population },
    { areaCode: ENGLAND_CODE, level: 'england', dimension: 'disability', category: 'no', share: count('Not disabled under the Equality Act') / total, population },
  ];
}

/** Every reference share: England from its own Census row, LAs rolled up from districts, regions from LAs. */
export function referencePopulations(): ReferenceShare[] {
  const profile = readCsv<ProfileRow>('census2021_la_england_profile_pct.csv');
  const byArea = new Map<string, ProfileRow[]>();
  for (const row of profile) byArea.set(row.area_code, [...(byArea.get(row.area_code) ?? []), row]);
  const mapping = readCsv<{ lad21_code: string; upper_tier_code: string }>('census2021_lad_to_upper_tier.csv');
  const las = readUpperTierLocalAuthorities();
  const laCounts = new Map(las.map((la) => [la.la_code, emptyCounts()]));
  for (const { lad21_code, upper_tier_code } of mapping) {
    const rows = byArea.get(lad21_code);
    const into = laCounts.get(upper_tier_code);
    if (!rows || !into) throw new Error(`The district mapping names ${lad21_code} → ${upper_tier_code}, which the reference files do not hold`);
    add(into, countsOf(rows));
  }
  const regionCounts = new Map<string, Counts>();
  for (const la of las) {
    const counts = laCounts.get(la.la_code)!;
    if (counts.population === 0) throw new Error(`No Census district maps to ${la.la_code} ${la.la_name}`);
    const region = regionCounts.get(la.region_code) ?? emptyCounts();
    add(region, counts);
    regionCounts.set(la.region_code, region);
  }
  const england = countsOf(byArea.get(ENGLAND_CODE) ?? []);
  return [
    ...sharesOf(ENGLAND_CODE, 'england', england),
    ...englandDisability(england.population),
    ...[...regionCounts].flatMap(([code, counts]) => sharesOf(code, 'region', counts)),
    ...[...laCounts].flatMap(([code, counts]) => sharesOf(code, 'la', counts)),
  ];
}
