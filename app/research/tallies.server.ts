import { sql, type SQL } from 'drizzle-orm';
import { researchDb, type ResearchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { EVERYONE, REPORT_SEGMENTS } from './segments';

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

/**
 * Counts stored responses into response_tallies: those with these ids (just stored, in the caller's
 * transaction), or every one (`all`, to build the tallies once). Rows are upserted in key order, so
 * two transactions counting into the same rows wait for each other rather than deadlock.
 */
export async function tallyResponses(db: Executor, ids: readonly string[] | 'all'): Promise<void> {
  if (ids !== 'all' && ids.length === 0) return;
  await db.execute(sql`
    insert into response_tallies as t (quarter, survey_id, programme_codes, region_code, la_code, count)
    select ${quarterKeySql(sql`r.submitted_at`)} as quarter, r.survey_id, r.programme_codes, r.region_code, r.la_code, count(*)::int
    from survey_responses r
    ${ids === 'all' ? sql`` : sql`where r.id = any(${uuids(ids)})`}
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5
    on conflict on constraint response_tallies_key do update set count = t.count + excluded.count`);
}

/**
 * Counts the unpacked answers of these responses (or of every response) into answer_tallies, for
 * everyone and again for each segment the response belongs to.
 */
export async function tallyAnswers(db: Executor, ids: readonly string[] | 'all'): Promise<void> {
  if (ids !== 'all' && ids.length === 0) return;
  const chosen = ids === 'all' ? sql`true` : sql`a.response_id = any(${uuids(ids)})`;
  const columns = sql`${quarterKeySql(sql`a.submitted_at`)}, a.survey_id`;
  const rest = sql`a.programme_codes, a.region_code, a.la_code, a.question, a.answer`;
  const branches = [
    sql`select ${columns}, ${EVERYONE}::text as segment, ${rest} from response_answers a where ${chosen}`,
    ...REPORT_SEGMENTS.map(
      (segment) =>
        sql`select ${columns}, ${segment.key}::text, ${rest} from response_answers a where ${chosen}
            and exists (select 1 from response_answers x where x.response_id = a.response_id and x.question = ${segment.question} and x.answer = ${segment.answer})`,
    ),
  ];
  await db.execute(sql`
    insert into answer_tallies as t (quarter, survey_id, segment, programme_codes, region_code, la_code, question, answer, count)
    select quarter, survey_id, segment, programme_codes, region_code, la_code, question, answer, count(*)::int
    from (${sql.join(branches, sql` union all `)}) as s(quarter, survey_id, segment, programme_codes, region_code, la_code, question, answer)
    group by 1, 2, 3, 4, 5, 6, 7, 8
    order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict on constraint answer_tallies_key do update set count = t.count + excluded.count`);
}

/**
 * Stores made before the tallies existed get them, once, when the service starts: only while there
 * are responses and no tallies, all in one transaction (a few seconds a million answers).
 */
export async function backfillTallies(): Promise<boolean> {
  const db = researchDb();
  return db.transaction(async (tx) => {
    // Two instances starting together: the second waits, then finds the tallies made.
    await tx.execute(sql`lock table response_tallies, answer_tallies in exclusive mode`);
    const [state] = await queryRows<{ responses: boolean; tallies: boolean }>(
      tx,
      sql`select exists(select 1 from survey_responses) as responses, exists(select 1 from response_tallies) as tallies`,
    );
    if (!state?.responses || state.tallies) return false;
    await tallyResponses(tx, 'all');
    await tallyAnswers(tx, 'all');
    return true;
  });
}
