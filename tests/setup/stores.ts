import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { migrateStores, openStores } from '#db/bootstrap';
import { closeIdentityStore } from '#db/identity/client';
import { closeResearchStore } from '#db/research/client';
import { startJobQueue, stopJobQueue } from '~/jobs/queue.server';

/** Which kind of store the integration tests run on: PGlite, or the server in TEST_DATABASE_URL. */
export const testStoreKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A connection to the test server's maintenance database, for making and dropping databases. */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Gives the test file two freshly migrated stores: in-memory PGlite by default, or two new
 * databases on the PostgreSQL server named by TEST_DATABASE_URL (dropped afterwards).
 */
export function withTestStores(): void {
  const databases: string[] = [];
  beforeAll(async () => {
    const base = process.env.TEST_DATABASE_URL;
    if (base) {
      const prefix = `fv_test_${randomBytes(6).toString('hex')}`;
      databases.push(`${prefix}_identity`, `${prefix}_research`);
      await withAdmin(async (client) => {
        for (const database of databases) await client.query(`create database ${database}`);
      });
      await openStores({ identityUrl: databaseUrl(base, databases[0]!), researchUrl: databaseUrl(base, databases[1]!), dataDir: null });
    } else {
      await openStores({ dataDir: null });
    }
    await migrateStores();
    await startJobQueue({ supervise: false });
  });
  afterAll(async () => {
    await stopJobQueue();
    await Promise.allSettled([closeIdentityStore(), closeResearchStore()]);
    if (databases.length > 0) {
      await withAdmin(async (client) => {
        for (const database of databases) await client.query(`drop database if exists ${database} with (force)`);
      });
    }
  });
}
