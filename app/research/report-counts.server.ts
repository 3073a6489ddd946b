import { sql, type SQL } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { ALL_PROGRAMMES, EVERYONE } from './segments';

/** What a report covers: a period, one programme or all, and how it is broken down by area. */
export interface ReportScope {
  from: Date;
  to: Date;
  /** A programme code, or null for all programmes. */
  programme: string | null;
  /** England as a whole, a row per region, or a row per local authority. */
  level: 'england' | 'region' | 'la';
  /** Only this region's rows (a regional reader, or a region chosen at LA level). */
  regionCode?: string | null;
  /** Only this local authority (an LA officer). */
  laCode?: string | null;
  /** The quarter that from–to spans (2026-27-Q3): response counts are read from its tallies. */
  quarter: string;
}

export const ENGLAND = 'E92000001';
/** Responses that say nothing of where they came from are counted, under this area code. */
export const AREA_UNKNOWN = 'unknown';

function areaColumn(level: ReportScope['level']): SQL {
  if (level === 'england') return sql`${ENGLAND}::text`;
  return level === 'region' ? sql`coalesce(r.region_code, ${AREA_UNKNOWN})` : sql`coalesce(r.la_code, ${AREA_UNKNOWN})`;
}

/** The scope on the tallies (aliased `r`): the programme's own rows (or all programmes'), and the place. */
function tallyFilter(scope: ReportScope): SQL {
  return sql`and r.programme = ${scope.programme ?? ALL_PROGRAMMES}
      ${scope.regionCode ? sql`and r.region_code = ${scope.regionCode}` : sql``}
      ${scope.laCode ? sql`and r.la_code = ${scope.laCode}` : sql``}`;
}

/**
 * The scope's programme, region and LA as SQL conditions on the table aliased `placed` (excerpts
 * and panels name these columns alike).
 */
function placeFilter(scope: ReportScope, placed: string): SQL {
  const column = (name: string) => sql`${sql.identifier(placed)}.${sql.identifier(name)}`;
  return sql`${scope.programme ? sql`and ${column('programme_codes')} @> array[${scope.programme}]::text[]` : sql``}
      ${scope.regionCode ? sql`and ${column('region_code')} = ${scope.regionCode}` : sql``}
      ${scope.laCode ? sql`and ${column('la_code')} = ${scope.laCode}` : sql``}`;
}

/** The scope as SQL conditions: `day` in the period, and the place (placeFilter). */
function scopeFilter(scope: ReportScope, { day, placed }: { day: SQL; placed: string }): SQL {
  return sql`${day} >= ${scope.from.toISOString()}::timestamptz and ${day} < ${scope.to.toISOString()}::timestamptz ${placeFilter(scope, placed)}`;
}

/** The scope on excerpts (aliased `e`), by the day they were said or sent. */
const excerptFilter = (scope: ReportScope) => scopeFilter(scope, { day: sql`e.occurred_on`, placed: 'e' });

export interface AnswerCount {
  /** The area's code, or null for the total over every area. */
  area: string | null;
  /** The question's name; a matrix row is "question/row". */
  question: string;
  answer: string;
  count: number;
}

export interface QuestionBase {
  area: string | null;
  question: string;
  /** How many responses answered it. */
  count: number;
}

/** How many responses gave each answer to a set's closed questions, per area and in total, with how many answered each question. */
export interface SurveyCounts {
  counts: AnswerCount[];
  bases: QuestionBase[];
}

/**
 * The answer counts of several question sets for the scope's quarter and the one before it, from
 * the tallies kept as responses are stored (at most about 180,000 rows a quarter, not millions):
 * `${surveyId}|now` and `${surveyId}|before`, per area and in total, for everyone or one segment
 * (segments.ts). Null-answer rows are the "answered" counts of several-answer questions. The totals
 * over areas are sums, since each response has one area.
 */
export async function answerCounts(scope: ReportScope, surveyIds: readonly string[], previousQuarter: string, segment: string = EVERYONE): Promise<Map<string, SurveyCounts>> {
  const rows = await queryRows<{ surveyId: string; period: 'now' | 'before'; area: string; question: string; answer: string | null; count: number }>(
    researchDb(),
    sql`select r.survey_id as "surveyId", case when r.quarter = ${scope.quarter} then 'now' else 'before' end as period,
          ${areaColumn(scope.level)} as area, r.question, r.answer, sum(r.count)::int as count
        from answer_tallies r
        where r.quarter in (${scope.quarter}, ${previousQuarter}) and r.survey_id = any(${`{${surveyIds.join(',')}}`}::text[]) and r.segment = ${segment}
          ${tallyFilter(scope)}
        group by 1, 2, 3, 4, 5`,
  );
  const result = new Map<string, SurveyCounts>();
  for (const surveyId of surveyIds) for (const period of ['now', 'before']) result.set(`${surveyId}|${period}`, { counts: [], bases: [] });
  const totals = new Map<string, { surveyId: string; period: string; question: string; answer: string | null; count: number }>();
  for (const row of rows) {
    const entry = result.get(`${row.surveyId}|${row.period}`)!;
    if (row.answer === null) entry.bases.push({ area: row.area, question: row.question, count: row.count });
    else entry.counts.push({ area: row.area, question: row.question, answer: row.answer, count: row.count });
    const key = JSON.stringify([row.surveyId, row.period, row.question, row.answer]);
    const total = totals.get(key) ?? { surveyId: row.surveyId, period: row.period, question: row.question, answer: row.answer, count: 0 };
    total.count += row.count;
    totals.set(key, total);
  }
  for (const total of totals.values()) {
    const entry = result.get(`${total.surveyId}|${total.period}`)!;
    if (total.answer === null) entry.bases.push({ area: null, question: total.question, count: total.count });
    else entry.counts.push({ area: null, question: total.question, answer: total.answer, count: total.count });
  }
  return result;
}

export interface Reach {
  responses: number;
  sessions: number;
  participants: number;
  regions: number;
  localAuthorities: number;
}

/** Headline reach: responses, panel sessions held, people who took part in them, and the regions and LAs reached. */
export async function reach(scope: ReportScope): Promise<Reach> {
  const [row] = await queryRows<Reach>(
    researchDb(),
    sql`with resp as (
          select r.region_code, r.la_code, r.count from response_tallies r
          where r.quarter = ${scope.quarter} ${tallyFilter(scope)}
        ),
        held as (
          select s.id, p.region_code, p.la_code from panel_sessions s join panels p on p.id = s.panel_id
          where s.cancelled_at is null and ${scopeFilter(scope, { day: sql`s.starts_at`, placed: 'p' })}
        )
        select (select coalesce(sum(count), 0)::int from resp) as responses,
          (select count(*)::int from held) as sessions,
          (select count(distinct sp.pseudonym)::int from session_participation sp join held on held.id = sp.session_id where sp.attended) as participants,
          (select count(distinct code)::int from (select region_code as code from resp union select region_code from held) x where code is not null) as regions,
          (select count(distinct code)::int from (select la_code as code from resp union select la_code from held) x where code is not null) as "localAuthorities"`,
  );
  return row ?? { responses: 0, sessions: 0, participants: 0, regions: 0, localAuthorities: 0 };
}

export interface CodeCount {
  codeId: string;
  name: string;
  parentName: string | null;
  /** Excerpts coded with it in the scope. */
  count: number;
  /** ... of which fit to quote. */
  quotable: number;
}

/** The codes applied to the period's excerpts, with their counts: for the report's themes section. */
export async function codeCounts(scope: ReportScope): Promise<{ codes: CodeCount[]; codedExcerpts: number }> {
  const where = excerptFilter(scope);
  const db = researchDb();
  const [codes, total] = await Promise.all([
    queryRows<CodeCount>(
      db,
      sql`select c.id as "codeId", c.name, p.name as "parentName", count(*)::int as count, count(*) filter (where e.quotable)::int as quotable
          from excerpts e join excerpt_codes ec on ec.excerpt_id = e.id join codes c on c.id = ec.code_id left join codes p on p.id = c.parent_id
          where ${where} group by c.id, c.name, p.name order by count desc, c.name`,
    ),
    queryRows<{ n: number }>(db, sql`select count(distinct e.id)::int as n from excerpts e join excerpt_codes ec on ec.excerpt_id = e.id where ${where}`),
  ]);
  return { codes, codedExcerpts: total[0]?.n ?? 0 };
}

/** Excerpts analysts marked fit to quote under a code, in the scope, newest first. */
export async function quotableExcerpts(scope: ReportScope, codeId: string, limit = 3): Promise<{ id: string; text: string }[]> {
  return queryRows<{ id: string; text: string }>(
    researchDb(),
    sql`select e.id, e.text from excerpts e join excerpt_codes ec on ec.excerpt_id = e.id and ec.code_id = ${codeId}
        where e.quotable and ${excerptFilter(scope)}
        order by e.occurred_on desc, e.id limit ${limit}`,
  );
}

export interface ThemeCounts {
  /** The theme's code and each code under it, with their excerpts in the scope. */
  codes: { codeId: string; name: string; depth: number; count: number; quotable: number }[];
  /** Excerpts coded with the theme or anything under it, by programme and by region. */
  byProgramme: { code: string; name: string; count: number }[];
  byRegion: { code: string | null; name: string | null; count: number }[];
  /** Each of the theme's codes by programme: excerpts coded with it that name the programme. */
  byCodeAndProgramme: { codeId: string; programme: string; count: number }[];
  total: number;
}

/** The quarter's theme in numbers: its code and the codes under it, and where its excerpts came from. */
export async function themeCounts(scope: ReportScope, codeId: string): Promise<ThemeCounts> {
  const where = excerptFilter(scope);
  const tree = sql`with recursive tree(id, depth) as (select id, 0 from codes where id = ${codeId} union all select c.id, t.depth + 1 from codes c join tree t on c.parent_id = t.id where t.depth < 5)`;
  const themed = sql`select distinct e.id, e.programme_codes, e.region_code from excerpts e join excerpt_codes ec on ec.excerpt_id = e.id join tree on tree.id = ec.code_id where ${where}`;
  const db = researchDb();
  const [codeRows, byProgramme, byRegion, byCodeAndProgramme, total] = await Promise.all([
    queryRows<ThemeCounts['codes'][number]>(
      db,
      sql`${tree} select c.id as "codeId", c.name, tree.depth, count(e.id)::int as count, count(e.id) filter (where e.quotable)::int as quotable
          from tree join codes c on c.id = tree.id
          left join excerpt_codes ec on ec.code_id = c.id
          left join excerpts e on e.id = ec.excerpt_id and ${where}
          where c.status <> 'merged'
          group by c.id, c.name, tree.depth order by tree.depth, count desc, c.name`,
    ),
    queryRows<ThemeCounts['byProgramme'][number]>(db, sql`${tree}, themed as (${themed}) select p.code, p.name, count(*)::int as count from themed cross join lateral unnest(themed.programme_codes) pc(code) join programmes p on p.code = pc.code group by p.code, p.name order by p.name`),
    queryRows<ThemeCounts['byRegion'][number]>(db, sql`${tree}, themed as (${themed}) select r.code, r.name, count(*)::int as count from themed left join regions r on r.code = themed.region_code group by r.code, r.name order by r.name nulls last`),
    queryRows<ThemeCounts['byCodeAndProgramme'][number]>(
      db,
      sql`${tree} select ec.code_id as "codeId", pc.code as programme, count(*)::int as count
          from tree join excerpt_codes ec on ec.code_id = tree.id join excerpts e on e.id = ec.excerpt_id
          cross join lateral unnest(e.programme_codes) pc(code)
          where ${where} group by 1, 2`,
    ),
    queryRows<{ n: number }>(db, sql`${tree}, themed as (${themed}) select count(*)::int as n from themed`),
  ]);
  return { codes: codeRows, byProgramme, byRegion, byCodeAndProgramme, total: total[0]?.n ?? 0 };
}
