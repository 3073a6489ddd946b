import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { panelSessions, type PanelSession } from '#db/research/schema';

export type NewPanelSession = Omit<PanelSession, 'id' | 'createdAt' | 'cancelledAt' | 'invitationsSentAt'> & { invitationsSentAt: Date };

export async function insertSession(session: NewPanelSession): Promise<PanelSession> {
  const [row] = await researchDb().insert(panelSessions).values(session).returning();
  if (!row) throw new Error('Insert returned no row');
  return row;
}

/** A panel's sessions from `from` on, soonest first, cancelled ones left out. */
export async function upcomingSessions({ panelId, from = new Date() }: { panelId: string; from?: Date }): Promise<PanelSession[]> {
  return researchDb()
    .select()
    .from(panelSessions)
    .where(and(eq(panelSessions.panelId, panelId), gte(panelSessions.startsAt, from), isNull(panelSessions.cancelledAt)))
    .orderBy(asc(panelSessions.startsAt));
}

export async function getSession(id: string): Promise<PanelSession | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [session] = await researchDb().select().from(panelSessions).where(eq(panelSessions.id, id));
  return session;
}
