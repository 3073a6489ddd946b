import { hashToken, newToken } from '~/utils/tokens.server';
import { publicUrl } from '~/utils/public-url.server';
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { invitations, panelMemberships, participants, type Invitation } from '#db/identity/schema';
import type { PanelSession } from '#db/research/schema';
import { recordAudit } from '~/governance/audit.server';
import { queueForMember } from '~/identity/messages.server';
import { VENUE_ACCESS } from '~/panels/options';
import { sessionIcs } from './calendar';
import { formatLondon } from './notice';
import { withPlace, type PlacedSession } from './places.server';


export function sessionText(session: PlacedSession): string {
  const where =
    session.mode === 'online'
      ? 'Online. We will send the joining details before the session.'
      : `${session.venue ?? ''}${session.venueAccess.length ? ` (${session.venueAccess.map((key) => VENUE_ACCESS[key as keyof typeof VENUE_ACCESS] ?? key).join(', ')})` : ''}${session.mode === 'hybrid' ? ', or online' : ''}`;
  return `${session.title}\nWhen: ${formatLondon(session.startsAt)} to ${formatLondon(session.endsAt).split(' at ')[1]}\nWhere: ${where}`;
}

/**
 * Invites every member of the session's panel who has not been invited yet: one invitation each with
 * a personal link (a random token, valid until the session starts), sent by their preferred contact,
 * with a calendar file. Returns how many were invited.
 */
export async function inviteMembers({
  session,
  panelName,
  participantId,
}: {
  session: PlacedSession;
  panelName: string;
  /** Only this member (someone joining after the session was planned). */
  participantId?: string;
}): Promise<number> {
  const members = await identityDb()
    .select({ id: participants.id, fullName: participants.fullName, email: participants.email, phone: participants.phone, preferredContact: participants.preferredContact })
    .from(panelMemberships)
    .innerJoin(participants, eq(participants.id, panelMemberships.participantId))
    .where(and(eq(panelMemberships.panelId, session.panelId), eq(panelMemberships.status, 'active'), participantId ? eq(participants.id, participantId) : undefined));
  let invited = 0;
  const ics = sessionIcs({
    id: session.id,
    title: `Family Voice: ${session.title}`,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    location: session.mode === 'online' ? 'Online' : session.venue,
    description: `${panelName} session.`,
  });
  for (const member of members) {
    const token = newToken();
    const inserted = await identityDb()
      .insert(invitations)
      .values({ sessionId: session.id, participantId: member.id, tokenHash: hashToken(token), expiresAt: session.startsAt })
      .onConflictDoNothing()
      .returning({ id: invitations.id });
    if (inserted.length === 0) continue;
    invited += 1;
    const link = publicUrl(`/invitations/${token}`);
    await queueForMember(member, {
      subject: `You are invited: ${session.title}`,
      text: `Hello ${member.fullName},\n\nYou are invited to a ${panelName} session.\n\n${sessionText(session)}\n\nPlease tell us if you can come, and about anything you need, using your personal link:\n${link}\n\nFamily Voice`,
      ics,
    });
  }
  return invited;
}

export type InvitationView = {
  invitation: Invitation;
  fullName: string;
  preferences: { preferredContact: string; accessNeeds: string | null; caringCommitments: string | null; availability: string[] };
};

/** The invitation behind a personal link, if the link is genuine and has not expired. */
export async function findInvitation(token: string): Promise<InvitationView | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const [row] = await identityDb()
    .select({
      invitation: invitations,
      fullName: participants.fullName,
      preferredContact: participants.preferredContact,
      accessNeeds: participants.accessNeeds,
      caringCommitments: participants.caringCommitments,
      availability: participants.availability,
    })
    .from(invitations)
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), gt(invitations.expiresAt, sql`now()`)));
  if (!row) return undefined;
  const { invitation, fullName, ...preferences } = row;
  return { invitation, fullName, preferences };
}

export type InvitationResponse = 'accept' | 'decline';

/**
 * Records a member's answer. Places are given in turn under a lock on the session, so two people
 * taking the last place at once cannot both get it: one is accepted and the other wait-listed. A
 * declined place goes to the longest-waiting person, who is told.
 */
export async function respondToInvitation({
  invitation,
  response,
  accessNote,
  session,
}: {
  invitation: Invitation;
  response: InvitationResponse;
  accessNote: string | null;
  session: PanelSession;
}): Promise<{ status: string; promoted: string | null }> {
  const result = await identityDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${session.id}))`);
    const [current] = await tx.select().from(invitations).where(eq(invitations.id, invitation.id));
    if (!current) throw new Error('Invitation not found');
    let status = current.status;
    let promoted: string | null = null;
    if (response === 'accept' && status !== 'accepted') {
      const taken = await tx.$count(invitations, and(eq(invitations.sessionId, session.id), eq(invitations.status, 'accepted'), ne(invitations.id, current.id)));
      status = taken < session.capacity ? 'accepted' : 'waitlisted';
    }
    if (response === 'decline') {
      if (status === 'accepted') {
        const [next] = await tx
          .select({ id: invitations.id })
          .from(invitations)
          .where(and(eq(invitations.sessionId, session.id), eq(invitations.status, 'waitlisted')))
          .orderBy(asc(invitations.respondedAt))
          .limit(1);
        if (next) {
          await tx.update(invitations).set({ status: 'accepted' }).where(eq(invitations.id, next.id));
          promoted = next.id;
        }
      }
      status = 'declined';
    }
    await tx
      .update(invitations)
      .set({ status, accessNote: accessNote ?? current.accessNote, respondedAt: sql`now()` })
      .where(eq(invitations.id, current.id));
    return { status, promoted };
  });
  if (result.promoted) await tellPromoted(result.promoted, session);
  return result;
}

async function tellPromoted(invitationId: string, session: PanelSession): Promise<void> {
  const [row] = await identityDb()
    .select({ id: participants.id, fullName: participants.fullName, email: participants.email, phone: participants.phone, preferredContact: participants.preferredContact })
    .from(invitations)
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .where(eq(invitations.id, invitationId));
  if (!row) return;
  const placed = await withPlace(session);
  await queueForMember(row, {
    subject: `A place has come up: ${session.title}`,
    text: `Hello ${row.fullName},\n\nA place has come up and it is yours.\n\n${sessionText(placed)}\n\nIf you can no longer come, use your personal link to tell us.\n\nFamily Voice`,
  });
}

/** Accepted, wait-listed and declined counts for a session (no names). */
export async function invitationCounts(sessionId: string): Promise<Record<string, number>> {
  const rows = await identityDb()
    .select({ status: invitations.status, count: sql<number>`count(*)::int` })
    .from(invitations)
    .where(eq(invitations.sessionId, sessionId))
    .groupBy(invitations.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

/** invitationCounts for several sessions at once, for a panel's overview (no names). */
export async function invitationCountsBySession(sessionIds: string[]): Promise<Map<string, Record<string, number>>> {
  const counts = new Map<string, Record<string, number>>(sessionIds.map((id) => [id, {}]));
  if (sessionIds.length === 0) return counts;
  const rows = await identityDb()
    .select({ sessionId: invitations.sessionId, status: invitations.status, count: sql<number>`count(*)::int` })
    .from(invitations)
    .where(inArray(invitations.sessionId, sessionIds))
    .groupBy(invitations.sessionId, invitations.status);
  for (const row of rows) counts.get(row.sessionId)![row.status] = row.count;
  return counts;
}

/**
 * Who has a place or is waiting for one, with what they need, for the facilitator planning the
 * session. A view of identity data, so it is audited.
 */
export async function sessionPeople({ sessionId, viewerId, correlationId }: { sessionId: string; viewerId: string; correlationId?: string }) {
  const rows = await identityDb()
    .select({
      invitationId: invitations.id,
      status: invitations.status,
      fullName: participants.fullName,
      accessNote: invitations.accessNote,
      accessNeeds: participants.accessNeeds,
      caringCommitments: participants.caringCommitments,
      attendanceMode: participants.attendanceMode,
    })
    .from(invitations)
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .where(and(eq(invitations.sessionId, sessionId), inArray(invitations.status, ['accepted', 'waitlisted'])))
    .orderBy(asc(invitations.status), asc(participants.fullName));
  await recordAudit({ who: viewerId, what: 'session.people.view', subjectId: sessionId, subjectType: 'panel_session', correlationId, details: { count: rows.length } });
  return rows;
}
