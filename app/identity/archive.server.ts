import type { PgTable } from 'drizzle-orm/pg-core';
import { countRows, schemaTables, tableRows } from '#db/archive';
import { identityDb } from '#db/identity/client';
import * as schema from '#db/identity/schema';

/** The identity store's tables, their row counts and rows, for the (encrypted) export to the Authority. */
export const identityTables = () => schemaTables(schema);
export const identityRowCount = (table: PgTable) => countRows(identityDb(), table);
export const identityRows = (table: PgTable) => tableRows(identityDb(), table);
