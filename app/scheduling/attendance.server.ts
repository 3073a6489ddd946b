import { publicUrl } from '~/utils/public-url.server';
import { and, eq, inArray } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { invitations, participants } from '#db/identity/schema';
import type { PanelSession } from '#db/research/schema';
import { recordAudit } from '~/governance/audit.server';
import { createFeedbackCode } from '~/identity/feedback-codes.server';
import { queueForMember } from '~/identity/messages.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { recordParticipation } from '~/research/sessions.server';

/** The people who accepted a place, for the facilitator to mark. A view of identity data: audited. */
export async function attendanceList({ sessionId, viewerId, correlationId }: { sessionId: string; viewerId: string; correlationId?: string }) {
  const rows = await identityDb()
    .select({ invitationId: invitations.id, fullName: participants.fullName, attended: invitations.attended })
    .from(invitations)
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .where(and(eq(invitations.sessionId, sessionId), eq(invitations.status, 'accepted')))
    .orderBy(participants.fullName);
  await recordAudit({ who: viewerId, what: 'attendance.view', subjectId: sessionId, subjectType: 'panel_session', correlationId, details: { count: rows.length } });
  return rows;
}

/**
 * Everyone invited to these sessions, with their answer and whether they came, for the attendance
 * download. An export of identity data: audited, with how many rows, never who.
 */
export async function attendanceExport({ panelId, sessionIds, viewerId, correlationId }: { panelId: string; sessionIds: string[]; viewerId: string; correlationId?: string }) {
  const rows =
    sessionIds.length === 0
      ? []
      : await identityDb()
          .select({ sessionId: invitations.sessionId, fullName: participants.fullName, status: invitations.status, attended: invitations.attended })
          .from(invitations)
          .innerJoin(participants, eq(participants.id, invitations.participantId))
          .where(inArray(invitations.sessionId, sessionIds))
          .orderBy(invitations.sessionId, participants.fullName);
  await recordAudit({ who: viewerId, what: 'attendance.export', subjectId: panelId, subjectType: 'panel', correlationId, details: { rows: rows.length } });
  return rows;
}

/**
 * Records attended or did-not-come for each accepted place: on the invitation in the identity store,
 * and as pseudonymous participation rows in the research store (never names). Everyone newly marked
 * as attended is sent the link to the session feedback form, which keeps answers with the session.
 */
export async function recordAttendance({
  session,
  marks,
  userId,
  correlationId,
}: {
  session: PanelSession;
  marks: Record<string, boolean>;
  userId: string;
  correlationId?: string;
}): Promise<{ recorded: number; feedbackSent: number }> {
  const rows = await identityDb()
    .select({ invitation: invitations, participant: participants })
    .from(invitations)
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .where(and(eq(invitations.sessionId, session.id), eq(invitations.status, 'accepted')));
  const marked = rows.filter((row) => row.invitation.id in marks);
  await identityDb().transaction(async (tx) => {
    for (const row of marked) await tx.update(invitations).set({ attended: marks[row.invitation.id] }).where(eq(invitations.id, row.invitation.id));
    await recordAudit({ who: userId, what: 'attendance.record', subjectId: session.id, subjectType: 'panel_session', correlationId, details: { marked: marked.length } }, tx);
  });
  await recordParticipation(
    session.id,
    marked.map((row) => ({ pseudonym: pseudonymFor(row.participant.id), attended: marks[row.invitation.id]! })),
  );
  const newlyAttended = marked.filter((row) => marks[row.invitation.id] && row.invitation.attended !== true);
  for (const { participant, invitation } of newlyAttended) {
    // Each attendee gets their own single-use link, so feedback counts only from people who came.
    const code = await createFeedbackCode({ sessionId: session.id, invitationId: invitation.id });
    const link = publicUrl(`/surveys/session-feedback?code=${code}`);
    await queueForMember(participant, {
      subject: `How did it go? ${session.title}`,
      text: `Hello ${participant.fullName},\n\nThank you for coming to "${session.title}". Please tell us how it went. It takes about 2 minutes and your answers are anonymous:\n${link}\n\nFamily Voice`,
    });
  }
  return { recorded: marked.length, feedbackSent: newlyAttended.length };
}
