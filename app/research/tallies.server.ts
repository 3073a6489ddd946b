import { sql, type SQL } from 'drizzle-orm';
import type { ResearchDb } from '#db/research/client';
import { ALL_PROGRAMMES, EVERYONE, REPORT_SEGMENTS } from './segments';

type Executor = Pick<ResearchDb, 'execute'>;

/**
 * The UK financial quarter a stored time falls in, named as quarters.ts names it (2026-27-Q3: Q1 is
 * April to June). Stored times are UK midnights, so the quarter is exact.
 */
export function quarterKeySql(column: SQL): SQL {
  const local = sql`(${column} at time zone 'Europe/London')`;
  const yearStart = sql`(extract(year from ${local})::int - case when extract(month from ${local}) < 4 then 1 else 0 end)`;
  return sql`(${yearStart}::text || '-' || lpad(((${yearStart} + 1) % 100)::text, 2, '0') || '-Q' || ((((extract(month from ${local})::int + 8) % 12) / 3) + 1)::text)`;
}

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The tallies' key: a hash of the dimensions besides the quarter, each quoted so that nulls and separators cannot collide. */
const keyOf = (...columns: SQL[]) => sql`md5(concat_ws(',', ${sql.join(columns.map((column) => sql`quote_nullable(${column})`), sql`, `)}))::uuid`;

/**
 * Counts stored responses (just stored, in the caller's transaction) into response_tallies, once
 * under all programmes and once under each of theirs. Rows are upserted in key order, so two
 * transactions counting into the same rows wait for each other rather than deadlock.
 */
export async function tallyResponses(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    insert into response_tallies as t (quarter, key, survey_id, programme, region_code, la_code, count)
    select quarter, ${keyOf(sql`survey_id`, sql`programme`, sql`region_code`, sql`la_code`)}, survey_id, programme, region_code, la_code, count
    from (
      select ${quarterKeySql(sql`r.submitted_at`)} as quarter, r.survey_id, p.programme, r.region_code, r.la_code, count(*)::int as count
      from survey_responses r
      cross join lateral unnest(${ALL_PROGRAMMES}::text || r.programme_codes) p(programme)
      where r.id = any(${uuids(ids)})
      group by 1, 2, 3, 4, 5
    ) counted
    order by 1, 2
    on conflict (quarter, key) do update set count = t.count + excluded.count`);
}

/**
 * A set's closed answers, unpacked from the stored JSON as rows (response_id, question, answer): a
 * row per answer chosen (a checkbox's each choice, a grid's each statement as "question/statement"),
 * and for a question with several answers a row with a null answer, so shares can be taken of the
 * people who answered it (for a single answer that is the sum of its rows).
 */
function unpackedAnswers(surveyId: string, closed: readonly string[], ids: readonly string[]): SQL {
  return sql`
    select r.id as response_id, ${quarterKeySql(sql`r.submitted_at`)} as quarter, r.survey_id, r.programme_codes, r.region_code, r.la_code, v.question, v.answer
    from survey_responses r
    cross join lateral jsonb_each(r.answers) e
    cross join lateral (
      select e.key as question, x as answer from jsonb_array_elements_text(case when jsonb_typeof(e.value) = 'array' then e.value else '[]'::jsonb end) x
      union all select e.key, null where jsonb_typeof(e.value) = 'array'
      union all select e.key, e.value #>> '{}' where jsonb_typeof(e.value) in ('string', 'number', 'boolean')
      union all select e.key || '/' || m.key, m.value #>> '{}' from jsonb_each(case when jsonb_typeof(e.value) = 'object' then e.value else '{}'::jsonb end) m
    ) v
    where r.survey_id = ${surveyId}
      and r.id = any(${uuids(ids)})
      and e.key = any(${`{${closed.map((name) => `"${name.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])`;
}

/**
 * Counts the closed answers of these responses of one question set into answer_tallies, under all
 * programmes and each of theirs, for everyone and again for each segment a response belongs to
 * (told from the same responses' answers, never the whole table).
 */
export async function tallyAnswers(db: Executor, { surveyId, closed, ids }: { surveyId: string; closed: readonly string[]; ids: readonly string[] }): Promise<void> {
  if (closed.length === 0 || ids.length === 0) return;
  // The planner cannot see how few rows a batch unpacks to (it guesses millions): it would spend
  // most of a second compiling the statement, and sort where it can count in a hash table. Both
  // settings last to the end of this transaction only.
  await db.execute(sql`set local jit = off`);
  await db.execute(sql`set local work_mem = '64MB'`);
  const rest = sql`b.quarter, b.survey_id, b.programme_codes, b.region_code, b.la_code, b.question, b.answer`;
  // Each row once under all programmes and once under each of the response's own.
  const programmes = sql`cross join lateral unnest(${ALL_PROGRAMMES}::text || s.programme_codes) p(programme)`;
  const branches = [
    sql`select ${EVERYONE}::text as segment, ${rest} from batch b`,
    ...REPORT_SEGMENTS.map(
      (segment) =>
        sql`select ${segment.key}::text, ${rest} from batch b
            where b.response_id in (select response_id from batch where question = ${segment.question} and answer = ${segment.answer})`,
    ),
  ];
  await db.execute(sql`
    with batch as materialized (${unpackedAnswers(surveyId, closed, ids)}),
    counted as (
      select s.segment, s.quarter, s.survey_id, p.programme, s.region_code, s.la_code, s.question, s.answer, count(*)::int as count
      from (${sql.join(branches, sql` union all `)}) as s(segment, quarter, survey_id, programme_codes, region_code, la_code, question, answer)
      ${programmes}
      group by 1, 2, 3, 4, 5, 6, 7, 8
    )
    insert into answer_tallies as t (quarter, key, segment, survey_id, programme, region_code, la_code, question, answer, count)
    select quarter, ${keyOf(sql`segment`, sql`survey_id`, sql`programme`, sql`region_code`, sql`la_code`, sql`question`, sql`answer`)}, segment, survey_id, programme, region_code, la_code, question, answer, count
    from counted
    order by 1, 2
    on conflict (quarter, key) do update set count = t.count + excluded.count`);
}
