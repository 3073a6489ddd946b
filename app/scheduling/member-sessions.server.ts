import { and, eq } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { invitations } from '#db/identity/schema';
import { respondToInvitation, type InvitationResponse } from './invitations.server';
import { formatLondon } from './notice';
import { getSession, sessionsByIds } from '~/research/sessions.server';

export type MemberSession = {
  invitationId: string;
  title: string;
  when: string;
  status: string;
  state: 'upcoming' | 'past' | 'cancelled';
  attended: boolean | null;
};

/** Every session a member has been invited to: upcoming ones first, then past, then cancelled. */
export async function memberSessions(participantId: string, now = new Date()): Promise<MemberSession[]> {
  const invited = await identityDb()
    .select({ id: invitations.id, sessionId: invitations.sessionId, status: invitations.status, attended: invitations.attended })
    .from(invitations)
    .where(eq(invitations.participantId, participantId));
  const sessions = new Map((await sessionsByIds(invited.map((row) => row.sessionId))).map((session) => [session.id, session]));
  const rows = invited.flatMap((row) => {
    const session = sessions.get(row.sessionId);
    if (!session) return [];
    const state = session.cancelledAt ? 'cancelled' : session.startsAt > now ? 'upcoming' : 'past';
    return [{ startsAt: session.startsAt, item: { invitationId: row.id, title: session.title, when: formatLondon(session.startsAt), status: row.status, state, attended: row.attended } satisfies MemberSession }];
  });
  const order = { upcoming: 0, past: 1, cancelled: 2 } as const;
  const time = (a: Date, b: Date) => a.getTime() - b.getTime();
  // Upcoming soonest first; past and cancelled most recent first.
  rows.sort((a, b) => order[a.item.state] - order[b.item.state] || (a.item.state === 'upcoming' ? time(a.startsAt, b.startsAt) : time(b.startsAt, a.startsAt)));
  return rows.map((row) => row.item);
}

/**
 * A member's reply to another of their invitations, from any of their personal links. The invitation
 * must be theirs and its session still to come; otherwise nothing is changed.
 */
export async function replyToOwnInvitation({
  participantId,
  invitationId,
  response,
  now = new Date(),
}: {
  participantId: string;
  invitationId: string;
  response: InvitationResponse;
  now?: Date;
}): Promise<{ status: string } | undefined> {
  const [invitation] = await identityDb()
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.participantId, participantId)));
  const session = invitation ? await getSession(invitation.sessionId) : undefined;
  if (!invitation || !session || session.cancelledAt || session.startsAt <= now) return undefined;
  const result = await respondToInvitation({ invitation, session, response, accessNote: null });
  return { status: result.status };
}
