import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import type { Pseudonym } from '#db/research/pseudonym';
import { panelSessions, sessionParticipation, type PanelSession, UK_DAY } from '#db/research/schema';

export type NewPanelSession = Omit<PanelSession, 'id' | 'createdAt' | 'cancelledAt' | 'invitationsSentAt'> & { invitationsSentAt: Date };

export async function insertSession(session: NewPanelSession): Promise<PanelSession> {
  const [row] = await researchDb().insert(panelSessions).values(session).returning();
  if (!row) throw new Error('Insert returned no row');
  return row;
}

/** A panel's sessions, soonest first (from `from` on when given), cancelled ones left out. */
export async function panelSessionList({ panelId, from }: { panelId: string; from?: Date }): Promise<PanelSession[]> {
  return researchDb()
    .select()
    .from(panelSessions)
    .where(and(eq(panelSessions.panelId, panelId), from ? gte(panelSessions.startsAt, from) : undefined, isNull(panelSessions.cancelledAt)))
    .orderBy(asc(panelSessions.startsAt));
}

/** Records who took part, by pseudonym only; saving again replaces the earlier record. */
export async function recordParticipation(sessionId: string, marks: { pseudonym: Pseudonym; attended: boolean }[]): Promise<void> {
  if (marks.length === 0) return;
  await researchDb()
    .insert(sessionParticipation)
    .values(marks.map((mark) => ({ ...mark, sessionId })))
    .onConflictDoUpdate({ target: [sessionParticipation.pseudonym, sessionParticipation.sessionId], set: { attended: sql`excluded.attended`, recordedAt: UK_DAY } });
}

export async function getSession(id: string): Promise<PanelSession | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [session] = await researchDb().select().from(panelSessions).where(eq(panelSessions.id, id));
  return session;
}

/** Marks a session cancelled; returns false if it was already cancelled. */
export async function markCancelled(sessionId: string): Promise<boolean> {
  const rows = await researchDb()
    .update(panelSessions)
    .set({ cancelledAt: sql`now()` })
    .where(and(eq(panelSessions.id, sessionId), isNull(panelSessions.cancelledAt)))
    .returning({ id: panelSessions.id });
  return rows.length > 0;
}

export async function moveSession(sessionId: string, { startsAt, endsAt }: { startsAt: Date; endsAt: Date }): Promise<PanelSession> {
  const [row] = await researchDb().update(panelSessions).set({ startsAt, endsAt }).where(eq(panelSessions.id, sessionId)).returning();
  if (!row) throw new Error('Session not found');
  return row;
}

/** A session's own details as staff edit them (the time moves through moveSession). */
export async function updateSessionDetails(
  sessionId: string,
  details: Pick<PanelSession, 'title' | 'theme' | 'mode' | 'venueAccess' | 'capacity'>,
): Promise<PanelSession> {
  const [row] = await researchDb().update(panelSessions).set(details).where(eq(panelSessions.id, sessionId)).returning();
  if (!row) throw new Error('Session not found');
  return row;
}

export async function sessionsByIds(ids: string[]): Promise<PanelSession[]> {
  if (ids.length === 0) return [];
  return researchDb().select().from(panelSessions).where(inArray(panelSessions.id, ids));
}

/** Which of these sessions have their attendance recorded (pseudonymous rows exist). */
export async function sessionsWithAttendance(sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await researchDb()
    .selectDistinct({ sessionId: sessionParticipation.sessionId })
    .from(sessionParticipation)
    .where(inArray(sessionParticipation.sessionId, sessionIds));
  return new Set(rows.map((row) => row.sessionId));
}
