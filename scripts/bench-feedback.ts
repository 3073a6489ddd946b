// npm run bench:feedback — how long the session feedback report (KPI 7.1.2.b) takes on PostgreSQL
// with a large research store: 9 regional panels, 1,800 sessions over two years, 90,000 feedback
// responses and 108,000 attendance rows. Times each report 20 times after 3 warm-up runs.
//   BENCH_DATABASE_URL  PostgreSQL server to make two throwaway databases on
//                       (default postgres://postgres@127.0.0.1:5432/postgres)
import { sql } from 'drizzle-orm';
import { migrateStores, openStores } from '#db/bootstrap';
import { closeIdentityStore } from '#db/identity/client';
import { closeResearchStore, researchDb } from '#db/research/client';
import { recentQuarters } from '~/research/periods';
import { sessionFeedbackReport, type FeedbackScope } from '~/research/session-feedback.server';
import { databaseUrl, dropDatabases, freshDatabases, machine, timeCalls } from './lib/bench-databases';

const databases = { identity: 'fv_bench_fb_identity', research: 'fv_bench_fb_research' };
const urlFor = databaseUrl;

await freshDatabases(Object.values(databases));

try {
  await openStores({ identityUrl: urlFor(databases.identity), researchUrl: urlFor(databases.research), dataDir: null });
  await migrateStores();
  const db = researchDb();
  const started = Date.now();
  // Data made in SQL: the report is what is measured, not the loading.
  await db.execute(sql`insert into panels (name, level, region_code, programme_codes, audience, recruitment_target, existing_group)
    select r.name || ' bench panel', 'regional', r.code, array['family-hubs', 'start-for-life'], 'parents-carers', 40, false from regions r`);
  await db.execute(sql`insert into panel_sessions (panel_id, title, starts_at, ends_at, mode, capacity, invitations_sent_at)
    select p.id, 'Bench session ' || n, now() - (n * interval '4 days'), now() - (n * interval '4 days') + interval '90 minutes', 'online', 60, now() - (n * interval '4 days') - interval '35 days'
    from panels p cross join generate_series(1, 200) n`);
  await db.execute(sql`insert into session_participation (pseudonym, session_id, attended)
    select 'bench-' || s.id || '-' || n, s.id, n % 10 <> 0 from panel_sessions s cross join generate_series(1, 60) n`);
  const answer = sql`(array['strongly-agree','agree','agree','strongly-agree','neither','disagree'])[1 + floor(random() * 6)::int]`;
  await db.execute(sql`insert into survey_responses (id, pseudonym, survey_id, survey_version, answers, session_id)
    select gen_random_uuid(), 'anon-' || gen_random_uuid(), 'session-feedback', 1,
      jsonb_build_object('session_quality', jsonb_build_object('professional', ${answer}, 'safe', ${answer}, 'heard', ${answer}, 'able-to-take-part', ${answer}, 'accessible', ${answer})),
      s.id
    from panel_sessions s cross join generate_series(1, 50) n`);
  await db.execute(sql`analyze`);
  const loaded = await db.execute(sql`select (select count(*) from survey_responses)::int as responses, (select count(*) from session_participation)::int as attendance, (select count(*) from panel_sessions)::int as sessions`);
  console.log('loaded', (loaded as unknown as { rows: unknown[] }).rows[0], `in ${Math.round((Date.now() - started) / 1000)} s`);

  const quarter = recentQuarters(new Date())[1]!;
  const cases: [string, FeedbackScope, { from: Date; to: Date } | undefined][] = [
    ['all of England, all time', { kind: 'all' }, undefined],
    ['two regions (a facilitator), all time', { kind: 'regions', regionCodes: ['E12000002', 'E12000007'] }, undefined],
    ['one programme (a programme lead), all time', { kind: 'programmes', programmeCodes: ['family-hubs'] }, undefined],
    [`all of England, ${quarter.label}`, { kind: 'all' }, quarter],
  ];
  console.log(`| report | p50 | p95 | max |`);
  for (const [label, scope, held] of cases) {
    const { p50, p95, max } = await timeCalls(() => sessionFeedbackReport(scope, held));
    console.log(`| ${label} | ${p50} ms | ${p95} ms | ${max} ms |`);
  }
  console.log(`machine: ${machine()}`);
} finally {
  await Promise.allSettled([closeIdentityStore(), closeResearchStore()]);
  await dropDatabases(Object.values(databases));
}
