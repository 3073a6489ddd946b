// npm run bench:coding — how fast the coding workspace's queue and search answer on PostgreSQL over
// 1,000,000 stored free-text answers (plus 20,000 transcript turns), a tenth of them coded. Each case
// is timed 20 times after 3 warm-up runs, through the functions the pages call.
//   BENCH_DATABASE_URL  PostgreSQL server to make two throwaway databases on
//                       (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_ANSWERS       how many answers to store (default 1,000,000)
//   BENCH_KEEP=1        keep the databases afterwards, to EXPLAIN the queries by hand
import { sql } from 'drizzle-orm';
import { migrateStores, openStores } from '#db/bootstrap';
import { closeIdentityStore } from '#db/identity/client';
import { closeResearchStore, researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { codingQueue, excerptForCoding, nextInQueue } from '~/research/coding.server';
import { recentQuarters } from '~/research/periods';
import { readQueueFilters } from '~/research/queue-filters';
import { codeBreakdown } from '~/research/themes.server';
import { databaseUrl, dropDatabases, freshDatabases, machine, timeCalls } from './lib/bench-databases';

const answers = Number(process.env.BENCH_ANSWERS ?? 1_000_000);
const databases = ['fv_bench_coding_identity', 'fv_bench_coding_research'];
const PHRASES = [
  'Our flat is damp and the landlord will not fix the mould',
  'We waited a year for an autism assessment',
  'The health visitor listened and never judged me',
  'All the groups are on weekday mornings when I am at work',
  'The bus to the family hub costs too much',
  'Our key worker changed three times and we told our story again',
  'Universal Credit does not cover the rent and we used the food bank',
  'The refuge and the IDVA helped me stay safe from my ex-partner',
  'My teenager and I argued until the family worker helped us talk',
  'Nobody told us about stay and play until our son was two',
  'The online parenting course fitted in after bedtime',
  'Counselling had a nine month waiting list',
  'The breakfast club closed so I cannot get to work',
  'The SENCO fought for an EHCP for my daughter',
  'Evening sessions would help working dads',
];
const WORDS = ['really', 'always', 'never', 'again', 'finally', 'sadly', 'luckily', 'still', 'often', 'sometimes', 'honestly', 'mostly'];
const pick = (list: string[]) => sql.raw(`(array[${list.map((item) => `'${item.replaceAll("'", "''")}'`).join(',')}])[1 + floor(random() * ${list.length})::int]`);

await freshDatabases(databases);
try {
  await openStores({ identityUrl: databaseUrl(databases[0]!), researchUrl: databaseUrl(databases[1]!), dataDir: null });
  await migrateStores();
  const db = researchDb();
  const started = Date.now();
  // Data made in SQL, spread over two years and every local authority: the queue is what is measured.
  await db.execute(sql`create temporary table bench_las as select code, region_code, row_number() over (order by code) as n from local_authorities`);
  const [{ count: laCount } = { count: 0 }] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from bench_las`);
  for (let done = 0; done < answers; done += 100_000) {
    const size = Math.min(100_000, answers - done);
    await db.execute(sql`
      with made as (
        insert into survey_responses (id, pseudonym, survey_id, survey_version, answers, la_code, region_code, programme_codes, submitted_at)
        select gen_random_uuid(), 'anon-' || g, 'common-question-set', 1,
          jsonb_build_object('support_received', ${pick(PHRASES)} || ', ' || ${pick(WORDS)} || ' ' || ${pick(PHRASES)}),
          la.code, la.region_code,
          case g % 4 when 0 then array['family-hubs'] when 1 then array['start-for-life'] when 2 then array['supporting-families'] else array['family-hubs', 'reducing-parental-conflict'] end,
          date_trunc('day', now() - (random() * interval '730 days'), 'Europe/London')
        from generate_series(${done + 1}::int, ${done + size}::int) g
        join bench_las la on la.n = 1 + g % ${laCount}::int
        returning id, answers, la_code, region_code, programme_codes, submitted_at
      )
      insert into excerpts (source, response_id, survey_id, question, text, occurred_on, la_code, region_code, programme_codes)
      select 'survey', id, 'common-question-set', 'support_received', answers->>'support_received', submitted_at, la_code, region_code, programme_codes from made`);
  }
  await db.execute(sql`insert into panels (name, level, region_code, programme_codes, audience, recruitment_target, existing_group)
    select r.name || ' bench panel', 'regional', r.code, array['family-hubs'], 'parents-carers', 40, false from regions r`);
  await db.execute(sql`insert into panel_sessions (panel_id, title, starts_at, ends_at, mode, capacity, invitations_sent_at)
    select p.id, 'Bench session ' || n, now() - (n * interval '7 days'), now() - (n * interval '7 days') + interval '90 minutes', 'online', 20, now() - (n * interval '7 days') - interval '35 days'
    from panels p cross join generate_series(1, 100) n`);
  await db.execute(sql`insert into transcripts (session_id, kind) select id, 'transcript' from panel_sessions`);
  await db.execute(sql`insert into transcript_segments (transcript_id, position, speaker, text)
    select t.id, n, 'Participant ' || (1 + n % 6), ${pick(PHRASES)} from transcripts t cross join generate_series(1, 22) n`);
  const [transcript] = await queryRows<{ id: string }>(db, sql`select id from transcripts limit 1`);
  await db.execute(sql`insert into excerpts (source, segment_id, session_id, speaker, text, occurred_on, la_code, region_code, programme_codes)
    select 'transcript', s.id, t.session_id, s.speaker, s.text, date_trunc('day', ps.starts_at, 'Europe/London'), p.la_code, p.region_code, p.programme_codes
    from transcript_segments s join transcripts t on t.id = s.transcript_id join panel_sessions ps on ps.id = t.session_id join panels p on p.id = ps.panel_id`);
  // A tenth coded, each with one of the seed codes.
  await db.execute(sql`insert into excerpt_codes (excerpt_id, code_id)
    select e.id, (select id from codes where seed_key = (array['housing','send','mental-health','access-barriers','workforce'])[1 + (abs(hashtext(e.id::text)) % 5)])
    from excerpts e where random() < 0.1`);
  await db.execute(sql`analyze`);
  const [loaded] = await queryRows<{ excerpts: number; coded: number }>(db, sql`select (select count(*) from excerpts)::int as excerpts, (select count(distinct excerpt_id) from excerpt_codes)::int as coded`);
  console.log('loaded', loaded, `in ${Math.round((Date.now() - started) / 1000)} s`, transcript ? '' : '(no transcripts)');

  const quarter = recentQuarters(new Date())[1]!.key;
  const [housing] = await queryRows<{ id: string }>(db, sql`select id from codes where seed_key = 'housing'`);
  const first = (await codingQueue(readQueueFilters(new URLSearchParams()))).items[0]!.id;
  const cases: [string, () => Promise<unknown>][] = [
    ['queue: not coded yet, first page', () => codingQueue(readQueueFilters(new URLSearchParams()))],
    ['queue: not coded yet, page 50', () => codingQueue(readQueueFilters(new URLSearchParams('page=50')))],
    ['queue: one region, one quarter', () => codingQueue(readQueueFilters(new URLSearchParams(`region=E12000002&quarter=${quarter}`)))],
    ['queue: one programme, one question', () => codingQueue(readQueueFilters(new URLSearchParams('programme=start-for-life&question=common-question-set/support_received')))],
    ['queue: transcripts only', () => codingQueue(readQueueFilters(new URLSearchParams('source=transcript')))],
    ['queue: coded', () => codingQueue(readQueueFilters(new URLSearchParams('status=coded')))],
    ['search: a common word ("landlord")', () => codingQueue(readQueueFilters(new URLSearchParams('q=landlord&status=all')))],
    ['search: a phrase, not coded yet ("waiting list")', () => codingQueue(readQueueFilters(new URLSearchParams('q="waiting list"')))],
    ['search: a word and a region', () => codingQueue(readQueueFilters(new URLSearchParams('q=autism&region=E12000007')))],
    ['search: a word nobody used', () => codingQueue(readQueueFilters(new URLSearchParams('q=zeppelin')))],
    ['one excerpt, to code it', () => excerptForCoding(first)],
    ['the next excerpt after saving', () => nextInQueue(readQueueFilters(new URLSearchParams()), first)],
    ['a code\u2019s evidence (traceability counts)', () => codeBreakdown(housing!.id)],
  ];
  console.log('| case | p50 | p95 | max |');
  console.log('|---|---|---|---|');
  for (const [label, call] of cases) {
    const { p50, p95, max } = await timeCalls(call);
    console.log(`| ${label} | ${p50} ms | ${p95} ms | ${max} ms |`);
  }
  console.log(`machine: ${machine()}`);
} finally {
  await Promise.allSettled([closeIdentityStore(), closeResearchStore()]);
  if (process.env.BENCH_KEEP !== '1') await dropDatabases(databases);
}
