import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Database } from './store';

/** The tables a drizzle schema module defines (the job queue's own tables are not among them). */
export function schemaTables(schema: Record<string, unknown>): PgTable[] {
  return Object.values(schema)
    .filter((value): value is PgTable => is(value, PgTable))
    .sort((a, b) => getTableName(a).localeCompare(getTableName(b)));
}

export interface ColumnInfo {
  name: string;
  type: string;
  notNull: boolean;
}

export function columnsOf(table: PgTable): ColumnInfo[] {
  return Object.values(getTableColumns(table)).map((column) => ({ name: column.name, type: column.getSQLType(), notNull: column.notNull }));
}

export async function countRows(db: Database<Record<string, unknown>>, table: PgTable): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from ${table}`);
  return row?.count ?? 0;
}

export type RowsOf = (table: PgTable) => AsyncGenerator<Record<string, unknown>[]>;

/**
 * Reads a store as it was at one moment (a read-only, repeatable-read transaction), each table a
 * batch at a time through a cursor, so every table agrees with the others and a large one is read
 * once, in constant memory. Rows are as PostgreSQL renders them to JSON (timestamps in ISO form,
 * arrays and jsonb as JSON, bytea as \x hex).
 */
export async function readSnapshot<T>(db: Database<Record<string, unknown>>, read: (rowsOf: RowsOf) => Promise<T>, batchSize = 2000): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    let cursors = 0;
    const rowsOf: RowsOf = async function* (table) {
      const cursor = sql.identifier(`archive_rows_${(cursors += 1)}`);
      await tx.execute(sql`declare ${cursor} no scroll cursor for select row_to_json(t) as row from ${table} t`);
      try {
        for (;;) {
          const rows = await queryRows<{ row: Record<string, unknown> | string }>(tx, sql`fetch forward ${sql.raw(String(batchSize))} from ${cursor}`);
          if (rows.length === 0) return;
          yield rows.map((item) => (typeof item.row === 'string' ? (JSON.parse(item.row) as Record<string, unknown>) : item.row));
        }
      } finally {
        // After a failed fetch the transaction is aborted and this fails too; the first error is the one to see.
        await tx.execute(sql`close ${cursor}`).catch(() => {});
      }
    };
    return read(rowsOf);
  });
}
