import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { countRows, readSnapshot, schemaTables, type RowsOf } from '#db/archive';
import { identityDb } from '#db/identity/client';
import { queryRows } from '#db/store';
import * as schema from '#db/identity/schema';

/** The identity store's tables, their row counts and rows, for the (encrypted) export to the Authority. */
export const identityTables = () => schemaTables(schema);
export const identityRowCount = (table: PgTable) => countRows(identityDb(), table);
/** Reads the identity store as it is at one moment (see readSnapshot). */
export const readIdentitySnapshot = <T>(read: (rowsOf: RowsOf) => Promise<T>) => readSnapshot(identityDb(), read);

/**
 * Empties every identity table, and the job queue's jobs (their data can hold an address), in one
 * transaction, for secure disposal. The queue's own definitions stay, so the service still starts.
 */
export async function emptyIdentityTables(): Promise<void> {
  const names = identityTables().map((table) => `"${getTableName(table)}"`);
  await identityDb().transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate table ${names.join(', ')}`));
    await tx.execute(sql`do $$ begin
      if to_regclass('pgboss.job') is not null then execute 'truncate table pgboss.job'; end if;
      if to_regclass('pgboss.archive') is not null then execute 'truncate table pgboss.archive'; end if;
    end $$`);
  });
}

/** Jobs still held by the queue (counted for the disposal certificate). */
export async function queuedJobCount(): Promise<number> {
  const [present] = await queryRows<{ present: boolean }>(identityDb(), sql`select to_regclass('pgboss.job') is not null as present`);
  if (!present?.present) return 0;
  const [row] = await queryRows<{ count: number }>(identityDb(), sql`select count(*)::int as count from pgboss.job`);
  return row?.count ?? 0;
}
