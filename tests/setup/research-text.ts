import { sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';

/**
 * Every text-like value in every table of the research store, for tests that check no identifier
 * (a name, email or phone number) has reached it.
 */
export async function allResearchText(): Promise<string> {
  const db = researchDb();
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    parts.push(JSON.stringify(await queryRows(db, sql`select * from ${sql.identifier(table_name)}`)));
  }
  return parts.join('\n');
}
