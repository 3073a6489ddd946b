import { and, arrayContains, asc, eq, inArray, isNull } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { sessionFacilitators, staffUsers } from '#db/identity/schema';
import type { Panel } from '#db/research/schema';

export type FacilitatorChoice = { id: string; displayName: string };

/** The facilitators who may run a panel's sessions: active ones covering its region (any, for a national panel). */
export async function facilitatorChoices(panel: Pick<Panel, 'regionCode'>): Promise<FacilitatorChoice[]> {
  return identityDb()
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.role, 'facilitator'),
        isNull(staffUsers.disabledAt),
        panel.regionCode ? arrayContains(staffUsers.regionCodes, [panel.regionCode]) : undefined,
      ),
    )
    .orderBy(asc(staffUsers.displayName));
}

export async function assignFacilitators(sessionId: string, staffUserIds: string[]): Promise<void> {
  if (staffUserIds.length === 0) return;
  await identityDb()
    .insert(sessionFacilitators)
    .values(staffUserIds.map((staffUserId) => ({ sessionId, staffUserId })))
    .onConflictDoNothing();
}

/** Who runs each of these sessions, by session id. */
export async function facilitatorsOf(sessionIds: string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (sessionIds.length === 0) return names;
  const rows = await identityDb()
    .select({ sessionId: sessionFacilitators.sessionId, displayName: staffUsers.displayName })
    .from(sessionFacilitators)
    .innerJoin(staffUsers, eq(staffUsers.id, sessionFacilitators.staffUserId))
    .where(inArray(sessionFacilitators.sessionId, sessionIds))
    .orderBy(asc(staffUsers.displayName));
  for (const row of rows) names.set(row.sessionId, [...(names.get(row.sessionId) ?? []), row.displayName]);
  return names;
}

/** The staff ids running a session, for the edit form. */
export async function facilitatorIdsOf(sessionId: string): Promise<string[]> {
  const rows = await identityDb().select({ id: sessionFacilitators.staffUserId }).from(sessionFacilitators).where(eq(sessionFacilitators.sessionId, sessionId));
  return rows.map((row) => row.id);
}
