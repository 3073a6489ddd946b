// npm run bench:governance — the export to the Authority, its check, a backup and a restore, on
// PostgreSQL at the volume of a programme's whole life, with each step's time and the process's
// peak memory. The data is made in SQL: the steps are what is measured, not the loading.
//   BENCH_DATABASE_URL  PostgreSQL server to make four throwaway databases on
//   BENCH_RESPONSES     survey responses (default 1,000,000; a third with a free-text excerpt)
//   BENCH_MEMBERS       panel members (default 20,000; each with a consent and five invitations)
//   BENCH_AUDIT         audit entries (default 2,000,000, over seven years)
//   BENCH_MESSAGES      sent messages, each about 4 KB as sent (default 50,000)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { backupStores, compareWithBackup, restoreStores } from '#db/backup';
import { migrateStores, openStores } from '#db/bootstrap';
import { closeIdentityStore, identityDb } from '#db/identity/client';
import { closeResearchStore, researchDb } from '#db/research/client';
import { createRandom } from '#db/seed/random';
import { buildSurveyAnswers } from '#db/seed/responses';
import { exportArchive, verifyArchive } from '~/governance/export.server';
import { runRetention } from '~/governance/retention.server';
import { getSurvey } from '~/surveys/definitions.server';
import { databaseUrl, dropDatabases, freshDatabases, machine } from './lib/bench-databases';

const responses = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const members = Number(process.env.BENCH_MEMBERS ?? 20_000);
const audit = Number(process.env.BENCH_AUDIT ?? 2_000_000);
const messages = Number(process.env.BENCH_MESSAGES ?? 50_000);
const source = { identity: 'fv_bench_gov_identity', research: 'fv_bench_gov_research' };
const restored = { identity: 'fv_bench_gov_identity_restored', research: 'fv_bench_gov_research_restored' };
const passphrase = 'a long passphrase for the benchmark';
const work = mkdtempSync(path.join(os.tmpdir(), 'fv-bench-governance-'));

/** Times a step and samples the process's resident memory while it runs. */
async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    return await run();
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`| ${label} | ${((performance.now() - started) / 1000).toFixed(1)} s | ${Math.round(peak / 2 ** 20)} MiB |`);
  }
}

async function load(): Promise<void> {
  // Answers as families give them (every question the branching shows), a hundred of them reused.
  const survey = getSurvey('common-question-set')!;
  const random = createRandom(11);
  const samples = Array.from({ length: 100 }, () => JSON.stringify(buildSurveyAnswers(random, survey)));
  const research = researchDb();
  // A plain table, not a temporary one: the pool may answer each statement on another connection.
  await research.execute(sql`create table bench_answers (n int, answers jsonb)`);
  for (const [n, answers] of samples.entries()) await research.execute(sql`insert into bench_answers values (${n}, ${answers}::jsonb)`);
  await research.execute(sql`insert into survey_responses (id, pseudonym, survey_id, survey_version, answers, la_code, region_code, programme_codes, channel, submitted_at)
    select gen_random_uuid(), 'anon-' || g, ${survey.id}, ${survey.version}, a.answers, la.code, la.region_code, array['family-hubs'], 'web',
      date_trunc('day', now() - (g % 730) * interval '1 day')
    from generate_series(1, ${responses}) g
    join bench_answers a on a.n = g % 100
    join (select code, region_code, row_number() over (order by code) - 1 as i, count(*) over () as total from local_authorities) la on la.i = g % la.total`);
  await research.execute(sql`insert into excerpts (source, response_id, survey_id, question, text, occurred_on, la_code, region_code, programme_codes)
    select 'survey', r.id, r.survey_id, 'support_wanted',
      'We waited months for a health visitor and nobody told us about the family hub until our second child was born',
      r.submitted_at, r.la_code, r.region_code, r.programme_codes
    from survey_responses r where r.pseudonym like '%0' or r.pseudonym like '%3' or r.pseudonym like '%6'`);
  await research.execute(sql`drop table bench_answers`);
  const identity = identityDb();
  await identity.execute(sql`insert into participants (full_name, email, phone, preferred_contact, age_group, access_needs, availability, attendance_mode, created_at, updated_at)
    select 'Member ' || g, 'member' || g || '@example.com', '07700 9' || lpad((g % 100000)::text, 5, '0'), 'email', '18-plus',
      case when g % 5 = 0 then 'Step-free access and a quiet room, please' end, array['weekday-evenings'], 'either',
      now() - (g % 700) * interval '1 day', now() - (g % 700) * interval '1 day'
    from generate_series(1, ${members}) g`);
  await identity.execute(sql`insert into consents (participant_id, research_participation, contact, privacy_notice_version, consented_at)
    select id, true, true, '2026-11', created_at from participants`);
  await identity.execute(sql`insert into invitations (session_id, participant_id, token_hash, status, expires_at, created_at)
    select gen_random_uuid(), p.id, md5(p.id::text || n), 'accepted', p.created_at + interval '30 days', p.created_at
    from participants p cross join generate_series(1, 5) n`);
  await identity.execute(sql`insert into audit_events (occurred_at, who, what, subject_id, subject_type, details)
    select now() - (g % 2555) * interval '1 day', 'staff-' || (g % 40), 'member.view', gen_random_uuid()::text, 'participant',
      jsonb_build_object('fields', jsonb_build_array('name', 'email', 'phone'), 'reason', 'arranging a session')
    from generate_series(1, ${audit}) g`);
  await identity.execute(sql`insert into outbox_messages (participant_id, channel, status, recipient, subject, body, raw, provider, sent_at, created_at)
    select p.id, 'email', 'sent', p.email, 'Your Family Voice session', repeat('Thank you for joining the panel. ', 30),
      repeat('MIME and calendar text of a sent invitation, wrapped at seventy-six characters. ', 50), 'smtp',
      now() - (g % 120) * interval '1 day', now() - (g % 120) * interval '1 day'
    from generate_series(1, ${messages}) g join participants p on p.email = 'member' || (1 + g % ${members}) || '@example.com'`);
  await identity.execute(sql`analyze`);
  await research.execute(sql`analyze`);
}

await freshDatabases([...Object.values(source), ...Object.values(restored)]);
try {
  await openStores({ identityUrl: databaseUrl(source.identity), researchUrl: databaseUrl(source.research), dataDir: null, poolSize: 4 });
  await migrateStores();
  console.log('| step | time | peak memory |');
  console.log('|---|---|---|');
  await timed(`load ${responses.toLocaleString('en-GB')} responses, ${members.toLocaleString('en-GB')} members, ${audit.toLocaleString('en-GB')} audit entries, ${messages.toLocaleString('en-GB')} messages (SQL)`, load);
  const out = path.join(work, 'export');
  const exported = await timed('export to the Authority', () => exportArchive({ out, passphrase, requestedBy: 'the benchmark' }));
  if (!exported.ok) throw new Error(exported.message);
  const bytes = exported.manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(`export: ${(bytes / 2 ** 20).toFixed(0)} MiB in ${exported.manifest.files.length} files`);
  const verified = await timed('export:verify (checksums, counts, identity archive opened)', () => verifyArchive(out, { passphrase }));
  if (!verified.ok) throw new Error(verified.problems.join('; '));
  rmSync(out, { recursive: true, force: true });

  const backup = path.join(work, 'backup');
  const backedUp = await timed('backup (pg_dump of both stores)', () => backupStores({ out: backup }));
  if (!backedUp.ok) throw new Error(backedUp.message);
  const restoring = await timed('restore into two new databases', () =>
    restoreStores({ from: backup, targets: { identity: { url: databaseUrl(restored.identity) }, research: { url: databaseUrl(restored.research) } } }),
  );
  if (!restoring.ok) throw new Error(restoring.message);
  await closeIdentityStore();
  await closeResearchStore();
  await openStores({ identityUrl: databaseUrl(restored.identity), researchUrl: databaseUrl(restored.research), dataDir: null, poolSize: 4 });
  const differences = await timed('compare the restored row counts', () => compareWithBackup(backup));
  if (differences.length > 0) throw new Error(differences.join('; '));
  const counts = await timed('retention run on the restored copy', () => runRetention({ by: 'the benchmark' }));
  console.log('retention removed', counts);
  console.log(`machine: ${machine()}`);
} finally {
  await Promise.allSettled([closeIdentityStore(), closeResearchStore()]);
  rmSync(work, { recursive: true, force: true });
  if (process.env.BENCH_KEEP !== '1') await dropDatabases([...Object.values(source), ...Object.values(restored)]);
}
