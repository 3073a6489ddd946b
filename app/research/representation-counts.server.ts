import { sql, type SQL } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { AREA_UNKNOWN, ENGLAND, type ReportScope } from './report-counts.server';
import { ALL_PROGRAMMES, EVERYONE } from './segments';

/** Who is counted: people who answered the common question set, panel members, or those who came to a session. */
export const REPRESENTATION_SOURCES = ['respondents', 'members', 'attendees'] as const;
export type RepresentationSource = (typeof REPRESENTATION_SOURCES)[number];

/** The question set whose About-you answers (and panel members' profiles, which use the same codes) are compared. */
export const PROFILE_SURVEY = 'common-question-set';

export interface CategoryCount {
  source: RepresentationSource;
  area: string;
  dimension: string;
  /** The answer given; null counts those who answered a several-answer question at all. */
  category: string | null;
  count: number;
}

export interface AreaTotal {
  source: RepresentationSource;
  area: string;
  count: number;
}

export interface RepresentationCounts {
  counts: CategoryCount[];
  /** People counted per area, whether or not they answered a dimension's question. */
  totals: AreaTotal[];
}

const names = (values: readonly string[]) => sql`${`{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

function area(level: ReportScope['level'], alias: string): SQL {
  if (level === 'england') return sql`${ENGLAND}::text`;
  return sql`coalesce(${sql.identifier(alias)}.${sql.identifier(level === 'region' ? 'region_code' : 'la_code')}, ${AREA_UNKNOWN})`;
}

/** The scope's place, on a table (aliased) with region_code and la_code columns. */
function placeOf(scope: ReportScope, alias: string): SQL {
  const column = (name: string) => sql`${sql.identifier(alias)}.${sql.identifier(name)}`;
  return sql`${scope.regionCode ? sql`and ${column('region_code')} = ${scope.regionCode}` : sql``}
    ${scope.laCode ? sql`and ${column('la_code')} = ${scope.laCode}` : sql``}`;
}

/** Survey respondents, from the report tallies: the quarter's counts, whatever the number of responses. */
async function respondents(scope: ReportScope, dimensions: readonly string[]): Promise<RepresentationCounts> {
  const programme = scope.programme ?? ALL_PROGRAMMES;
  const [counts, totals] = await Promise.all([
    queryRows<CategoryCount>(
      researchDb(),
      sql`select 'respondents' as source, ${area(scope.level, 'r')} as area, r.question as dimension, r.answer as category, sum(r.count)::int as count
          from answer_tallies r
          where r.quarter = ${scope.quarter} and r.survey_id = ${PROFILE_SURVEY} and r.segment = ${EVERYONE} and r.programme = ${programme}
            and r.question = any(${names(dimensions)}) ${placeOf(scope, 'r')}
          group by 2, 3, 4`,
    ),
    queryRows<AreaTotal>(
      researchDb(),
      sql`select 'respondents' as source, ${area(scope.level, 'r')} as area, sum(r.count)::int as count
          from response_tallies r
          where r.quarter = ${scope.quarter} and r.survey_id = ${PROFILE_SURVEY} and r.programme = ${programme} ${placeOf(scope, 'r')}
          group by 2`,
    ),
  ]);
  return { counts, totals };
}

/**
 * People by their About-you profile: each counted once per area (where they live), whatever the
 * number of panels or sessions. `people` is a query of the pseudonyms to count.
 */
async function profiles(source: RepresentationSource, scope: ReportScope, dimensions: readonly string[], people: SQL): Promise<RepresentationCounts> {
  const [counts, totals] = await Promise.all([
    queryRows<CategoryCount>(
      researchDb(),
      sql`with people as (${people})
          select ${source}::text as source, ${area(scope.level, 'f')} as area, d.key as dimension, v.category, count(*)::int as count
          from people join participant_profiles f on f.pseudonym = people.pseudonym
          cross join lateral jsonb_each(f.answers) d
          cross join lateral (
            select x as category from jsonb_array_elements_text(case when jsonb_typeof(d.value) = 'array' then d.value else '[]'::jsonb end) x
            union all select null where jsonb_typeof(d.value) = 'array'
            union all select d.value #>> '{}' where jsonb_typeof(d.value) in ('string', 'number', 'boolean')
          ) v
          where d.key = any(${names(dimensions)}) ${placeOf(scope, 'f')}
          group by 2, 3, 4`,
    ),
    queryRows<AreaTotal>(
      researchDb(),
      sql`with people as (${people})
          select ${source}::text as source, ${area(scope.level, 'f')} as area, count(*)::int as count
          from people join participant_profiles f on f.pseudonym = people.pseudonym
          where true ${placeOf(scope, 'f')}
          group by 2`,
    ),
  ]);
  return { counts, totals };
}

const programmeOf = (scope: ReportScope) => (scope.programme ? sql`and p.programme_codes @> array[${scope.programme}]::text[]` : sql``);

/** Members of a panel of the programme at any time in the period (joined before it ended). */
const members = (scope: ReportScope) =>
  sql`select distinct m.pseudonym from panel_members m join panels p on p.id = m.panel_id
      where m.joined_at < ${scope.to.toISOString()}::timestamptz ${programmeOf(scope)}`;

/** Those recorded as attending a session of the programme held in the period. */
const attendees = (scope: ReportScope) =>
  sql`select distinct sp.pseudonym from session_participation sp
      join panel_sessions s on s.id = sp.session_id join panels p on p.id = s.panel_id
      where sp.attended and s.cancelled_at is null
        and s.starts_at >= ${scope.from.toISOString()}::timestamptz and s.starts_at < ${scope.to.toISOString()}::timestamptz ${programmeOf(scope)}`;

/** Counts per area, dimension and category for each source asked for. */
export async function representationCounts(scope: ReportScope, dimensions: readonly string[], sources: readonly RepresentationSource[]): Promise<RepresentationCounts> {
  const parts = await Promise.all(
    sources.map((source) =>
      source === 'respondents' ? respondents(scope, dimensions) : profiles(source, scope, dimensions, source === 'members' ? members(scope) : attendees(scope)),
    ),
  );
  return { counts: parts.flatMap((part) => part.counts), totals: parts.flatMap((part) => part.totals) };
}

export interface ReferenceRow {
  areaCode: string;
  dimension: string;
  category: string;
  share: number;
}

/** Census reference shares for England and the given areas. */
export async function referenceShares(areaCodes: readonly string[]): Promise<ReferenceRow[]> {
  return queryRows<ReferenceRow>(
    researchDb(),
    sql`select area_code as "areaCode", dimension, category, share from reference_populations where area_code = any(${names([ENGLAND, ...areaCodes])})`,
  );
}

export interface PlaceProfile {
  code: string;
  name: string;
  regionCode: string;
  laType: string;
  ruralUrban: string | null;
  population: number;
}

/** Every local authority with its type, rural/urban class and usual residents (for the place mix). */
export async function placeProfiles(): Promise<PlaceProfile[]> {
  return queryRows<PlaceProfile>(
    researchDb(),
    sql`select la.code, la.name, la.region_code as "regionCode", la.la_type as "laType", la.rural_urban as "ruralUrban", coalesce(max(rp.population), 0)::int as population
        from local_authorities la left join reference_populations rp on rp.area_code = la.code
        group by la.code order by la.code`,
  );
}

/** How many young people answered their own question set in the scope's quarter (from the tallies). */
export async function youngRespondents(scope: ReportScope): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    researchDb(),
    sql`select coalesce(sum(r.count), 0)::int as count from response_tallies r
        where r.quarter = ${scope.quarter} and r.survey_id = 'young-people' and r.programme = ${scope.programme ?? ALL_PROGRAMMES} ${placeOf(scope, 'r')}`,
  );
  return row?.count ?? 0;
}
