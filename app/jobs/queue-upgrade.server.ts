import type { PgBoss } from 'pg-boss';

type Execute = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** pg-boss 12 migrates its schema from version 25 on; pg-boss 10 left version 24. */
const OLDEST_MIGRATABLE = 25;
const SET_ASIDE = 'pgboss_previous';

export interface CarriedJob {
  name: string;
  data: object | null;
  startAfter: Date;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
}

/**
 * Before pg-boss starts: a queue schema too old for it to migrate (written by pg-boss 10) is renamed
 * out of the way, so pg-boss installs a fresh one. Nothing is dropped here; `carryOverJobs` moves the
 * waiting jobs across afterwards and only then drops the old schema, so a crash in between loses
 * nothing (the next start finds the set-aside schema and carries its jobs over again; every job is
 * safe to run twice).
 */
export async function setAsideUnmigratableQueue(execute: Execute, schema: string): Promise<void> {
  const exists = await execute(`select to_regclass($1) is not null as present`, [`${schema}.version`]);
  if (!exists.rows[0]?.present) return;
  const version = Number((await execute(`select version from ${schema}.version`)).rows[0]?.version);
  if (!(version < OLDEST_MIGRATABLE)) return;
  const already = await execute(`select 1 from pg_namespace where nspname = $1`, [SET_ASIDE]);
  if (already.rows.length > 0) {
    // An earlier start set a schema aside and stopped before carrying it over: keep that one.
    await execute(`drop schema ${schema} cascade`);
    return;
  }
  await execute(`alter schema ${schema} rename to ${SET_ASIDE}`);
}

/** After pg-boss has started: the set-aside schema's waiting jobs are queued again, then it goes. */
export async function carryOverJobs(execute: Execute, boss: PgBoss): Promise<CarriedJob[]> {
  const present = await execute(`select 1 from pg_namespace where nspname = $1`, [SET_ASIDE]);
  if (present.rows.length === 0) return [];
  const { rows } = await execute(
    `select name, data, start_after, retry_limit, retry_delay, retry_backoff from ${SET_ASIDE}.job where state in ('created', 'retry') order by start_after`,
    [],
  );
  const jobs: CarriedJob[] = rows.map((row) => ({
    name: String(row.name),
    data: (row.data as object | null) ?? null,
    startAfter: new Date(row.start_after as string | Date),
    retryLimit: Number(row.retry_limit),
    retryDelay: Number(row.retry_delay),
    retryBackoff: Boolean(row.retry_backoff),
  }));
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.send(job.name, job.data, { startAfter: job.startAfter, retryLimit: job.retryLimit, retryDelay: job.retryDelay, retryBackoff: job.retryBackoff });
  }
  await execute(`drop schema ${SET_ASIDE} cascade`);
  return jobs;
}
