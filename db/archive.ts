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

/**
 * A table's rows as PostgreSQL renders them to JSON (timestamps in ISO form, arrays and jsonb as
 * JSON, bytea as \x hex), a batch at a time in physical order, for an export of a store at rest.
 */
export async function* tableRows(db: Database<Record<string, unknown>>, table: PgTable, batchSize = 5000): AsyncGenerator<Record<string, unknown>[]> {
  for (let offset = 0; ; offset += batchSize) {
    const rows = await queryRows<{ row: Record<string, unknown> | string }>(db, sql`select row_to_json(t) as row from ${table} t order by ctid limit ${batchSize} offset ${offset}`);
    if (rows.length === 0) return;
    yield rows.map((item) => (typeof item.row === 'string' ? (JSON.parse(item.row) as Record<string, unknown>) : item.row));
    if (rows.length < batchSize) return;
  }
}
