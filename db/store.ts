import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { projectPath } from './paths';

/** Both drivers give the same query builder; code above this file never sees which. */
export type Database<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

export type StoreName = 'identity' | 'research';

export interface Store<TSchema extends Record<string, unknown>> {
  name: StoreName;
  kind: 'embedded' | 'server';
  db: Database<TSchema>;
  /** Applies this store's migrations from migrations/<name>/. Safe to run from several processes. */
  migrate(): Promise<void>;
  /** Throws when the store cannot answer a trivial query. */
  ping(): Promise<void>;
  /**
   * Runs raw SQL for libraries that bring their own statements (the job queue). Without values the
   * text may hold several statements; the rows of all of them are returned, in order (pg-boss reads
   * an advisory lock's row from the start of a multi-statement script).
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Where the store lives, for backups: a server's URL, or an embedded store's folder (null in memory). */
  location: { url: string } | { dataPath: string | null };
  /** Embedded only: the whole data folder as a gzipped tar, consistent while the store is open. */
  dumpDataDir?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface StoreOptions<TSchema extends Record<string, unknown>> {
  name: StoreName;
  schema: TSchema;
  /** A PostgreSQL URL; without one the store is embedded PGlite. */
  url?: string;
  /** Folder for the embedded store (the store lives in <dataDir>/<name>); null keeps it in memory. */
  dataDir?: string | null;
  /** Connections per process to a PostgreSQL server. */
  poolSize?: number;
}

// Any constant works; it only has to be the same in every process migrating the same store.
const MIGRATION_LOCK = { identity: 7_001_001, research: 7_001_002 } as const;

export async function openStore<TSchema extends Record<string, unknown>>(
  options: StoreOptions<TSchema>,
): Promise<Store<TSchema>> {
  const migrationsFolder = projectPath('migrations', options.name);
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema: options.schema }) as unknown as Database<TSchema>;
    return {
      name: options.name,
      kind: 'server',
      location: { url: options.url },
      db,
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK[options.name]]);
          await migratePg(drizzlePg(client), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK[options.name]]).catch(() => {});
          client.release();
        }
      },
      async ping() {
        await db.execute(sql`select 1`);
      },
      async executeSql(text, values) {
        const result = await pool.query(text, values);
        // node-postgres gives an array of results for several statements.
        const results = (Array.isArray(result) ? result : [result]) as pg.QueryResult[];
        return { rows: results.flatMap((each) => each.rows ?? []) };
      },
      async close() {
        await pool.end();
      },
    };
  }

  let dataPath: string | undefined;
  if (options.dataDir) {
    dataPath = path.resolve(options.dataDir, options.name);
    // PGlite does not create parent folders itself.
    mkdirSync(dataPath, { recursive: true, mode: 0o700 });
  }
  const client = new PGlite(dataPath);
  await client.waitReady;
  const db = drizzlePglite(client, { schema: options.schema }) as unknown as Database<TSchema>;
  return {
    name: options.name,
    kind: 'embedded',
    location: { dataPath: dataPath ?? null },
    db,
    async dumpDataDir() {
      return new Uint8Array(await (await client.dumpDataDir('gzip')).arrayBuffer());
    },
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    async ping() {
      if (client.closed) throw new Error(`${options.name} store is closed`);
      await client.query('select 1');
    },
    async executeSql(text, values) {
      // PGlite's extended protocol takes one statement; exec takes several but no parameters.
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      const results = await client.exec(text);
      return { rows: results.flatMap((each) => each.rows) as Record<string, unknown>[] };
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

/**
 * The accessors for one store. The open store is kept on globalThis so the Remix bundle and the
 * server bundle (and development rebuilds) share one per process.
 */
export function storeClient<TSchema extends Record<string, unknown>>(name: StoreName, schema: TSchema) {
  const key = Symbol.for(`family-voice.store.${name}`);
  const holder = globalThis as { [key: symbol]: Store<TSchema> | undefined };
  const current = (): Store<TSchema> => {
    const store = holder[key];
    if (!store) throw new Error(`The ${name} store has not been opened`);
    return store;
  };
  return {
    /** Opens the store (PostgreSQL when `url` is given, otherwise PGlite) and makes it current. */
    async open(options: { url?: string; dataDir?: string | null; poolSize?: number }): Promise<Store<TSchema>> {
      const store = await openStore({ name, schema, ...options });
      holder[key] = store;
      return store;
    },
    store: current,
    db: (): Database<TSchema> => current().db,
    async close(): Promise<void> {
      const store = holder[key];
      holder[key] = undefined;
      await store?.close();
    },
  };
}

/** Rows of a raw SQL query; both drivers return them as `rows`. */
export async function queryRows<TRow>(db: Database<Record<string, unknown>>, query: SQL): Promise<TRow[]> {
  const result = (await db.execute(query)) as unknown as { rows: TRow[] };
  return result.rows;
}
