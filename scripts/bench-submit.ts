// npm run bench:submit — stored survey responses per second on the production build with both
// stores on PostgreSQL: 50 connections for 60 s posting complete common-question-set responses.
// Afterwards every acknowledged response must be in the research store.
//   BENCH_DATABASE_URL  PostgreSQL server to make two throwaway databases on
//                       (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_SECONDS       duration (default 60)   BENCH_CONNECTIONS  connections (default 50)
//   BENCH_KILL_AT       kill -9 the server this many seconds in, then start it again: answers refused
//                       meanwhile are expected, but none acknowledged may be missing (speed is not judged)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildSurveyAnswers } from '#db/seed/responses';
import { createRandom } from '#db/seed/random';
import { getSurvey } from '~/surveys/definitions.server';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = 3400;
const databases = { identity: 'fv_bench_identity', research: 'fv_bench_research' };
const urlFor = (database: string) => Object.assign(new URL(base), { pathname: `/${database}` }).toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

for (const database of Object.values(databases)) {
  await admin(`drop database if exists ${database} with (force)`);
  await admin(`create database ${database}`);
}

const killAt = process.env.BENCH_KILL_AT ? Number(process.env.BENCH_KILL_AT) : null;
const startServer = () => spawn('node', [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=.cache/profile'] : []), 'build/server.js'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    CONTACT_EMAIL: 'bench@example.org',
    IDENTITY_DATABASE_URL: urlFor(databases.identity),
    RESEARCH_DATABASE_URL: urlFor(databases.research),
    PSEUDONYM_KEY: 'bench-pseudonym-key-0123456789-abcdefghijklmnopqrstuvwxyz',
    SESSION_SECRET: 'bench-session-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
let server = startServer();
let killed = false;
let acknowledgedAfterRestart = 0;

try {
  const origin = `http://localhost:${port}`;
  for (let i = 0; ; i += 1) {
    if (i > 60) throw new Error('The server did not start');
    if ((await fetch(`${origin}/healthz`).catch(() => null))?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // One browser's CSRF cookie and token, reused by every request (as one busy browser would).
  const page = await fetch(`${origin}/sign-in`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error('No CSRF token on the page');

  const survey = getSurvey('common-question-set')!;
  const random = createRandom(99);
  // Complete answer sets: every question the branching shows, answered.
  const bodies = Array.from({ length: 500 }, () => buildSurveyAnswers(random, survey, { answerRate: 1 }));
  let next = 0;
  const acknowledgedIds: string[] = [];
  if (killAt !== null) {
    setTimeout(() => {
      killed = true;
      server.kill('SIGKILL');
      server = startServer();
    }, killAt * 1000);
  }

  const result = await autocannon({
    // The address the React UI posts to (Remix single fetch), so the measured path is the real one.
    url: `${origin}/surveys/common-question-set/submit.data`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', cookie },
    requests: [
      {
        setupRequest: (request, context) => {
          const responseId = randomUUID();
          (context as { responseId?: string }).responseId = responseId;
          return {
            ...request,
            body: JSON.stringify({ csrf, responseId, answers: bodies[next++ % bodies.length], locale: 'en', source: { channel: 'bench' } }),
          };
        },
        onResponse: (status, _body, context) => {
          if (status === 200) acknowledgedIds.push((context as { responseId: string }).responseId);
          if (status === 200 && killed) acknowledgedAfterRestart += 1;
        },
      },
    ],
  });

  const research = new pg.Client({ connectionString: urlFor(databases.research) });
  await research.connect();
  const stored = Number((await research.query('select count(*) from survey_responses')).rows[0].count);
  const missing = Number(
    (await research.query('select count(*) from unnest($1::uuid[]) as id where id not in (select id from survey_responses)', [acknowledgedIds])).rows[0].count,
  );
  await research.end();

  const acknowledged = acknowledgedIds.length;
  const summary = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    connections,
    seconds,
    acknowledged,
    stored,
    acknowledgedButMissing: missing,
    killedAt: killed ? killAt : null,
    acknowledgedAfterRestart: killed ? acknowledgedAfterRestart : null,
    storedPerSecond: Math.round(stored / seconds),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
  console.log(JSON.stringify(summary, null, 2));
  const failures = [
    !killed && summary.storedPerSecond < 300 && `stored ${summary.storedPerSecond}/s, below 300/s`,
    !killed && result.latency.p97_5 >= 300 && `p97.5 latency ${result.latency.p97_5} ms (p95 must be under 300 ms)`,
    !killed && (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) && 'errors, timeouts or non-2xx answers',
    killed && acknowledgedAfterRestart === 0 && 'nothing was acknowledged after the restart',
    missing > 0 && `${missing} acknowledged responses are not in the research store`,
  ].filter(Boolean);
  if (failures.length > 0) {
    console.error(`Below target: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  server.kill('SIGTERM');
}
