import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { researchDb } from '#db/research/client';
import { answerTallies, responseTallies } from '#db/research/schema';
import { queryRows } from '#db/store';
import { quarterOf } from '~/reports/quarters';
import { UNDER_TWOS } from '~/research/segments';
import { backfillTallies, quarterKeySql } from '~/research/tallies.server';
import { getSurvey } from '~/surveys/definitions.server';
import { importResponses, readResponseFile } from '~/surveys/import.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const survey = getSurvey('common-question-set')!;

async function importCsv(lines: string[]) {
  const read = await readResponseFile(new TextEncoder().encode(lines.join('\n')));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return importResponses({ survey, header: read.header, rows: read.rows, now: new Date('2026-11-28T12:00:00Z') });
}

/** What the tallies should hold, counted afresh from the stored rows. */
async function recount() {
  const responses = await queryRows<{ key: string; count: number }>(
    researchDb(),
    sql`select concat_ws('|', ${quarterKeySql(sql`submitted_at`)}, survey_id, array_to_string(programme_codes, ','), region_code, la_code) as key, count(*)::int as count
        from survey_responses group by 1 order by 1`,
  );
  const answers = await queryRows<{ key: string; count: number }>(
    researchDb(),
    sql`select concat_ws('|', ${quarterKeySql(sql`submitted_at`)}, survey_id, array_to_string(programme_codes, ','), region_code, la_code, question, coalesce(answer, '(answered)')) as key, count(*)::int as count
        from response_answers group by 1 order by 1`,
  );
  return { responses, answers };
}

async function tallied() {
  const responses = await queryRows<{ key: string; count: number }>(
    researchDb(),
    sql`select concat_ws('|', quarter, survey_id, array_to_string(programme_codes, ','), region_code, la_code) as key, count from response_tallies order by 1`,
  );
  const answers = await queryRows<{ key: string; count: number }>(
    researchDb(),
    sql`select concat_ws('|', quarter, survey_id, array_to_string(programme_codes, ','), region_code, la_code, question, coalesce(answer, '(answered)')) as key, count
        from answer_tallies where segment = '' order by 1`,
  );
  return { responses, answers };
}

describe(`report tallies (${testStoreKind})`, () => {
  it('name the quarter in SQL exactly as the report does, at midnight UK time in summer and winter', async () => {
    const moments = [
      '2026-03-31T22:59:59Z', // 23:59 on 31 March, BST: still 2025-26 Q4
      '2026-03-31T23:00:00Z', // midnight on 1 April, BST: 2026-27 Q1
      '2026-06-30T23:00:00Z', // 1 July, BST: Q2
      '2026-09-30T22:30:00Z', // 23:30 on 30 September, BST: Q2
      '2026-12-31T23:59:59Z', // GMT: Q3
      '2027-01-01T00:00:00Z', // Q4
      '2099-12-31T12:00:00Z',
    ];
    for (const moment of moments) {
      const [row] = await queryRows<{ key: string }>(researchDb(), sql`select ${quarterKeySql(sql`${moment}::timestamptz`)} as key`);
      expect(row!.key, moment).toBe(quarterOf(new Date(moment)).key);
    }
  });

  it('count every stored response and answer once, in the same transaction, and nothing more when a file is imported again', async () => {
    const lines = [
      'response_id,la_code,programme,submitted_at,services_used,wanted_unavailable,pregnancy_or_under2',
      '6f1c1f4e-2b8a-4c0e-9b0a-000000000001,E08000003,family-hubs,2026-06-30,family-hub;health-visitor,yes,yes',
      '6f1c1f4e-2b8a-4c0e-9b0a-000000000002,E08000003,family-hubs,2026-07-01,family-hub,no,no',
      '6f1c1f4e-2b8a-4c0e-9b0a-000000000003,E09000033,start-for-life,2026-07-02,midwife,yes,yes',
      '6f1c1f4e-2b8a-4c0e-9b0a-000000000004,,,2026-07-03,,,',
    ];
    expect(await importCsv(lines)).toMatchObject({ ok: true, stored: 4 });
    const first = await tallied();
    expect(first).toEqual(await recount());
    expect(first.responses.length).toBeGreaterThan(0);
    expect(await importCsv(lines)).toMatchObject({ ok: true, stored: 0, alreadyStored: 4 });
    expect(await tallied()).toEqual(first);
  });

  it('count a segment’s answers again under its key: only responses with the segment’s answer', async () => {
    const rows = await queryRows<{ question: string; answer: string | null; count: number }>(
      researchDb(),
      sql`select question, answer, sum(count)::int as count from answer_tallies
          where segment = ${UNDER_TWOS.key} and quarter = '2026-27-Q2' and question in ('wanted_unavailable', ${UNDER_TWOS.question})
          group by 1, 2 order by 1, 2`,
    );
    // Of the three responses on 1–3 July (Q2), one said yes to the 0–2 question (the one on 30 June is Q1).
    expect(rows).toEqual([
      { question: UNDER_TWOS.question, answer: 'yes', count: 1 },
      { question: 'wanted_unavailable', answer: 'true', count: 1 },
    ]);
  });

  it('are built once for a store that has responses and none, and not again', async () => {
    const before = await tallied();
    await researchDb().delete(responseTallies);
    await researchDb().delete(answerTallies);
    expect(await backfillTallies()).toBe(true);
    expect(await tallied()).toEqual(before);
    expect(await backfillTallies()).toBe(false);
    expect(await tallied()).toEqual(before);
  });
});
