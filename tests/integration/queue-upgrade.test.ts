import { sql } from 'drizzle-orm';
import PreviousPgBoss from 'pg-boss-10';
import { describe, expect, it } from 'vitest';
import { identityDb, identityStore } from '#db/identity/client';
import { queryRows } from '#db/store';
import { PgBoss } from 'pg-boss';
import { QUEUES, startJobQueue, stopJobQueue } from '~/jobs/queue.server';
import { withTestStores } from '../setup/stores';

withTestStores();

describe('moving the job queue on from pg-boss 10', () => {
  it('keeps the jobs that were waiting in a schema pg-boss 12 cannot migrate', async () => {
    // A store as pg-boss 10 left it, with a reminder waiting for next week.
    await stopJobQueue();
    await identityDb().execute(sql`drop schema pgboss cascade`);
    const store = identityStore();
    const previous = new PreviousPgBoss({ db: { executeSql: (text: string, values: unknown[]) => store.executeSql(text, values) }, schema: 'pgboss', supervise: false, schedule: false });
    await previous.start();
    await previous.createQueue(QUEUES.sessionReminder);
    const due = new Date(Date.now() + 7 * 86_400_000);
    await previous.send(QUEUES.sessionReminder, { sessionId: 'carried', daysBefore: 1, startsAt: due.toISOString() }, { startAfter: due, retryLimit: 5 });
    await previous.stop({ graceful: true, wait: true });
    const version = async () => Number((await queryRows<{ version: number }>(identityDb(), sql`select version from pgboss.version`))[0]?.version);
    expect(await version()).toBe(24);

    await startJobQueue({ supervise: false });

    expect(await version()).toBeGreaterThanOrEqual(25);
    const jobs = await queryRows<{ state: string; start_after: Date; retry_limit: number }>(
      identityDb(),
      sql`select state, start_after, retry_limit from pgboss.job where name = ${QUEUES.sessionReminder} and data->>'sessionId' = 'carried'`,
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.state).toBe('created');
    expect(new Date(jobs[0]!.start_after).getTime()).toBe(due.getTime());
    expect(jobs[0]!.retry_limit).toBe(5);
    const setAside = await queryRows(identityDb(), sql`select 1 from pg_namespace where nspname = 'pgboss_previous'`);
    expect(setAside).toHaveLength(0);
  });

  it('returns every statement’s rows from a multi-statement script, as pg-boss’s supervision needs', async () => {
    const { rows } = await identityStore().executeSql('select 1 as first; select 2 as second');
    expect(rows).toEqual([{ first: 1 }, { second: 2 }]);
    // A supervised queue on the store runs its maintenance and background work without an error.
    const store = identityStore();
    const errors: string[] = [];
    const supervised = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => store.executeSql(text, values) },
      backend: store.kind === 'embedded' ? 'pglite' : 'postgres',
      schema: 'pgboss',
      supervise: true,
      schedule: true,
      superviseIntervalSeconds: 1,
      bamIntervalSeconds: 10,
      maintenanceIntervalSeconds: 1,
    });
    supervised.on('error', (error: Error) => errors.push(error.message));
    await supervised.start();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await supervised.stop({ graceful: true });
    expect(errors).toEqual([]);
  });
});
