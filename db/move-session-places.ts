import type { Store } from './store';

type AnyStore = Pick<Store<Record<string, unknown>>, 'executeSql'>;

/**
 * Venues and joining details were once kept on the research store's panel_sessions. Before the
 * research migration that drops those columns runs, copies any there into the identity store's
 * session_places (which the identity migrations have just made). Does nothing once they have gone.
 */
export async function moveSessionPlacesToIdentity(identity: AnyStore, research: AnyStore): Promise<number> {
  const columns = await research.executeSql(
    `select 1 from information_schema.columns where table_name = 'panel_sessions' and column_name = 'online_details' and table_schema = current_schema()`,
    [],
  );
  if (columns.rows.length === 0) return 0;
  const { rows } = await research.executeSql(`select id, venue, online_details from panel_sessions where venue is not null or online_details is not null`, []);
  for (const row of rows) {
    await identity.executeSql(
      `insert into session_places (session_id, venue, online_details) values ($1, $2, $3) on conflict (session_id) do nothing`,
      [row.id, row.venue ?? null, row.online_details ?? null],
    );
  }
  return rows.length;
}
