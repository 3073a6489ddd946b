import { PgBoss } from 'pg-boss';
import { identityStore } from '#db/identity/client';
import { logger } from '~/utils/logger.server';
import { carryOverJobs, setAsideUnmigratableQueue } from './queue-upgrade.server';

/**
 * The job queue: pg-boss in the identity store's own `pgboss` schema. pg-boss takes a database
 * adapter, so it runs through the store's connection whichever kind it is: the PostgreSQL pool, or
 * embedded PGlite, which has no network protocol for a queue library to connect to (ADR 0008).
 * Jobs are rows, so anything queued survives a restart.
 */

export const QUEUES = {
  sessionReminder: 'session-reminder',
  deliverMessage: 'deliver-message',
  housekeeping: 'housekeeping',
  retention: 'retention',
  dataExport: 'data-export',
} as const;

const key = Symbol.for('family-voice.job-queue');
const holder = globalThis as { [key]?: PgBoss };

export async function startJobQueue({ supervise = true }: { supervise?: boolean } = {}): Promise<PgBoss> {
  if (holder[key]) return holder[key];
  const store = identityStore();
  const execute = (text: string, values?: unknown[]) => store.executeSql(text, values);
  await setAsideUnmigratableQueue(execute, 'pgboss');
  const boss = new PgBoss({
    db: { executeSql: execute },
    // PGlite is one connection in this process; pg-boss has a profile for it.
    backend: store.kind === 'embedded' ? 'pglite' : 'postgres',
    schema: 'pgboss',
    // Expiry and archiving of finished jobs; off in tests, which stop the queue straight away.
    supervise,
    // The hourly housekeeping schedule; off in tests with supervision, which call tidyUp directly.
    schedule: supervise,
    migrate: true,
  });
  // Job data holds identifiers of sessions and outbox rows only, never personal data, so errors can be logged whole.
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  const carried = await carryOverJobs(execute, boss);
  if (carried.length > 0) logger.info({ jobs: carried.length }, 'jobs carried over from the previous queue schema');
  holder[key] = boss;
  return boss;
}

export function jobQueue(): PgBoss {
  const boss = holder[key];
  if (!boss) throw new Error('The job queue has not been started');
  return boss;
}

/** Stops taking jobs, lets running ones finish, and forgets the queue (the store stays open). */
export async function stopJobQueue(): Promise<void> {
  const boss = holder[key];
  holder[key] = undefined;
  await boss?.stop({ graceful: true, timeout: 10_000 });
}
