import { and, eq, inArray } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { invitations, participants } from '#db/identity/schema';
import type { PanelSession } from '#db/research/schema';
import { recordAudit } from '~/governance/audit.server';
import { queueForMember } from '~/identity/messages.server';
import { formatLondon } from './notice';
import { markCancelled } from '~/research/sessions.server';

/**
 * Cancels a session and tells everyone who was invited and has not declined (spec 5.19: last-minute
 * changes are communicated). Their personal links stop working.
 */
export async function cancelSession({ session, userId, correlationId }: { session: PanelSession; userId: string; correlationId?: string }): Promise<number> {
  if (!(await markCancelled(session.id))) return 0;
  const people = await identityDb()
    .select({ id: participants.id, fullName: participants.fullName, email: participants.email, phone: participants.phone, preferredContact: participants.preferredContact })
    .from(invitations)
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .where(and(eq(invitations.sessionId, session.id), inArray(invitations.status, ['invited', 'accepted', 'waitlisted'])));
  for (const person of people) {
    await queueForMember(person, {
      subject: `Cancelled: ${session.title}`,
      text: `Hello ${person.fullName},\n\nWe are sorry: the session "${session.title}" on ${formatLondon(session.startsAt)} has been cancelled. We will let you know about the next one.\n\nFamily Voice`,
    });
  }
  await recordAudit({ who: userId, what: 'sessions.cancel', subjectId: session.id, subjectType: 'panel_session', correlationId, details: { notified: people.length } });
  return people.length;
}
