import type { PgTable } from 'drizzle-orm/pg-core';
import { countRows, schemaTables, tableRows } from '#db/archive';
import { researchDb } from '#db/research/client';
import * as schema from '#db/research/schema';

/** The research store's tables, their row counts and rows, for the export to the Authority. */
export const researchTables = () => schemaTables(schema);
export const researchRowCount = (table: PgTable) => countRows(researchDb(), table);
export const researchRows = (table: PgTable) => tableRows(researchDb(), table);
