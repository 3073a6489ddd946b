import { eq, inArray } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import type { Pseudonym } from '#db/research/pseudonym';
import { panelMembers, panels, panelSessions, participantProfiles, sessionParticipation } from '#db/research/schema';

export interface MemberResearchRecord {
  profile: { answers: Record<string, unknown>; laCode: string | null; regionCode: string | null; updatedOn: string } | null;
  panels: { name: string; joinedOn: string }[];
  sessions: { title: string; startsAt: Date; attended: boolean }[];
}

const day = (value: Date) => value.toISOString().slice(0, 10);

/** Everything the research store holds under one member's pseudonym, for a subject access request. */
export async function memberResearchRecord(pseudonym: Pseudonym): Promise<MemberResearchRecord> {
  const db = researchDb();
  const [[profile], memberOf, attended] = await Promise.all([
    db.select().from(participantProfiles).where(eq(participantProfiles.pseudonym, pseudonym)),
    db.select({ name: panels.name, joinedAt: panelMembers.joinedAt }).from(panelMembers).innerJoin(panels, eq(panels.id, panelMembers.panelId)).where(eq(panelMembers.pseudonym, pseudonym)),
    db
      .select({ title: panelSessions.title, startsAt: panelSessions.startsAt, attended: sessionParticipation.attended })
      .from(sessionParticipation)
      .innerJoin(panelSessions, eq(panelSessions.id, sessionParticipation.sessionId))
      .where(eq(sessionParticipation.pseudonym, pseudonym)),
  ]);
  return {
    profile: profile ? { answers: profile.answers, laCode: profile.laCode, regionCode: profile.regionCode, updatedOn: day(profile.updatedAt) } : null,
    panels: memberOf.map((row) => ({ name: row.name, joinedOn: day(row.joinedAt) })),
    sessions: attended,
  };
}

/** Names of panels and sessions by id, to describe a member's memberships and invitations. */
export async function panelAndSessionNames(panelIds: string[], sessionIds: string[]) {
  const db = researchDb();
  const [panelRows, sessionRows] = await Promise.all([
    panelIds.length ? db.select({ id: panels.id, name: panels.name }).from(panels).where(inArray(panels.id, panelIds)) : [],
    sessionIds.length ? db.select({ id: panelSessions.id, title: panelSessions.title, startsAt: panelSessions.startsAt }).from(panelSessions).where(inArray(panelSessions.id, sessionIds)) : [],
  ]);
  return { panels: new Map(panelRows.map((row) => [row.id, row.name])), sessions: new Map(sessionRows.map((row) => [row.id, row])) };
}
