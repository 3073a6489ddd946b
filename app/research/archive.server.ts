import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { countRows, readSnapshot, schemaTables, type RowsOf } from '#db/archive';
import { researchDb } from '#db/research/client';
import * as schema from '#db/research/schema';

/** The research store's tables, their row counts and rows, for the export to the Authority. */
export const researchTables = () => schemaTables(schema);
export const researchRowCount = (table: PgTable) => countRows(researchDb(), table);
/** Reads the research store as it is at one moment (see readSnapshot). */
export const readResearchSnapshot = <T>(read: (rowsOf: RowsOf) => Promise<T>) => readSnapshot(researchDb(), read);

/** Public reference data (ONS areas, programmes, Census shares): kept when research data is disposed of. */
export const REFERENCE_TABLES = ['regions', 'local_authorities', 'programmes', 'reference_populations'];

/** Empties every research table but the reference data, in one statement, for secure disposal. */
export async function emptyResearchTables(): Promise<void> {
  const names = researchTables()
    .map((table) => getTableName(table))
    .filter((name) => !REFERENCE_TABLES.includes(name));
  await researchDb().execute(sql.raw(`truncate table ${names.map((name) => `"${name}"`).join(', ')}`));
}
