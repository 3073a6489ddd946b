import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { researchDb } from '#db/research/client';
import { answerTallies, responseTallies } from '#db/research/schema';
import { queryRows } from '#db/store';
import { quarterOf } from '~/reports/quarters';
import { ALL_PROGRAMMES, UNDER_TWOS } from '~/research/segments';
import { quarterKeySql } from '~/research/tallies.server';
import { backfillTallies } from '~/surveys/backfill.server';
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

/** All programmes' tallies summed over places: responses per quarter, and answers per quarter, segment, question and answer. */
async function totals() {
  const responses = await queryRows<{ quarter: string; count: number }>(researchDb(), sql`select quarter, sum(count)::int as count from response_tallies where programme = ${ALL_PROGRAMMES} group by 1 order by 1`);
  const answers = await queryRows<{ key: string; count: number }>(
    researchDb(),
    sql`select concat_ws('|', quarter, segment, question, coalesce(answer, '(answered)')) as key, sum(count)::int as count
        from answer_tallies where programme = ${ALL_PROGRAMMES} and question in ('services_used', 'wanted_unavailable', ${UNDER_TWOS.question}) group by 1 order by 1`,
  );
  return { responses, answers: Object.fromEntries(answers.map((row) => [row.key, row.count])) };
}

/** Every tally row, as it stands. */
async function tallied() {
  const responses = await queryRows<{ key: string; count: number }>(
    researchDb(),
    sql`select concat_ws('|', quarter, survey_id, programme, region_code, la_code) as key, count from response_tallies order by 1`,
  );
  const answers = await queryRows<{ key: string; count: number }>(
    researchDb(),
    sql`select concat_ws('|', quarter, segment, survey_id, programme, region_code, la_code, question, coalesce(answer, '(answered)')) as key, count
        from answer_tallies order by 1`,
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
    // Worked out by hand: 30 June is Q1; 1–3 July are Q2. "(answered)" counts those who answered a
    // several-answer question; the 0–2 segment holds the two responses that said yes to it.
    const expected = {
      responses: [
        { quarter: '2026-27-Q1', count: 1 },
        { quarter: '2026-27-Q2', count: 3 },
      ],
      answers: {
        '2026-27-Q1||pregnancy_or_under2|yes': 1,
        '2026-27-Q1||services_used|(answered)': 1,
        '2026-27-Q1||services_used|family-hub': 1,
        '2026-27-Q1||services_used|health-visitor': 1,
        '2026-27-Q1||wanted_unavailable|true': 1,
        '2026-27-Q1|under-2s|pregnancy_or_under2|yes': 1,
        '2026-27-Q1|under-2s|services_used|(answered)': 1,
        '2026-27-Q1|under-2s|services_used|family-hub': 1,
        '2026-27-Q1|under-2s|services_used|health-visitor': 1,
        '2026-27-Q1|under-2s|wanted_unavailable|true': 1,
        '2026-27-Q2||pregnancy_or_under2|no': 1,
        '2026-27-Q2||pregnancy_or_under2|yes': 1,
        '2026-27-Q2||services_used|(answered)': 2,
        '2026-27-Q2||services_used|family-hub': 1,
        '2026-27-Q2||services_used|midwife': 1,
        '2026-27-Q2||wanted_unavailable|false': 1,
        '2026-27-Q2||wanted_unavailable|true': 1,
        '2026-27-Q2|under-2s|pregnancy_or_under2|yes': 1,
        '2026-27-Q2|under-2s|services_used|(answered)': 1,
        '2026-27-Q2|under-2s|services_used|midwife': 1,
        '2026-27-Q2|under-2s|wanted_unavailable|true': 1,
      },
    };
    expect(await totals()).toEqual(expected);
    // Under each programme too: Q2's family-hub answer came from a Family Hubs response; the
    // midwife's from Start for Life's (and from any programme its service names).
    const [hubs] = await queryRows<{ count: number }>(
      researchDb(),
      sql`select coalesce(sum(count), 0)::int as count from answer_tallies where quarter = '2026-27-Q2' and segment = '' and programme = 'family-hubs' and question = 'services_used' and answer = 'family-hub'`,
    );
    expect(hubs!.count).toBe(1);
    const [midwifeInHubs] = await queryRows<{ count: number }>(
      researchDb(),
      sql`select coalesce(sum(count), 0)::int as count from answer_tallies where quarter = '2026-27-Q2' and segment = '' and programme = 'family-hubs' and question = 'services_used' and answer = 'midwife'`,
    );
    expect(midwifeInHubs!.count).toBe(0);
    expect(await importCsv(lines)).toMatchObject({ ok: true, stored: 0, alreadyStored: 4 });
    expect(await totals()).toEqual(expected);
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
