import { and, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { PgBoss } from 'pg-boss';
import { identityDb } from '#db/identity/client';
import { invitations, participants, sessionReminders } from '#db/identity/schema';
import type { PanelSession } from '#db/research/schema';
import { queueForMember } from '~/identity/messages.server';
import { jobQueue, QUEUES } from '~/jobs/queue.server';
import { sessionText } from './invitations.server';
import { ZONE } from './notice';
import { withPlace } from './places.server';
import { getSession } from '~/research/sessions.server';

/** Reminders go this many UK calendar days before a session, at the session's clock time. */
export const REMINDER_DAYS = [7, 1] as const;

export type ReminderJob = { sessionId: string; daysBefore: number; startsAt: string };

export function reminderDue(startsAt: Date, daysBefore: number): Date {
  return DateTime.fromJSDate(startsAt, { zone: ZONE }).minus({ days: daysBefore }).toJSDate();
}

/**
 * Queues the reminders for a session at its current time. Ones already due are skipped (a session
 * scheduled at short notice by an administrator has just sent its invitations). Earlier jobs for an
 * old time are left in the queue; they find the time has changed and do nothing.
 */
export async function queueReminders(session: Pick<PanelSession, 'id' | 'startsAt'>, now = new Date()): Promise<Date[]> {
  const queued: Date[] = [];
  for (const daysBefore of REMINDER_DAYS) {
    const due = reminderDue(session.startsAt, daysBefore);
    if (due <= now) continue;
    const job: ReminderJob = { sessionId: session.id, daysBefore, startsAt: session.startsAt.toISOString() };
    await jobQueue().send(QUEUES.sessionReminder, job, { startAfter: due, retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 1800 });
    queued.push(due);
  }
  return queued;
}

const when = (daysBefore: number) => (daysBefore === 1 ? 'tomorrow' : `in ${daysBefore} days`);

/**
 * Sends one reminder to everyone with a place, and a nudge to anyone who has not replied. Nothing is
 * sent for a cancelled session or one that has moved since the job was queued. Each person's
 * reminder is recorded before it goes, so a retried job skips those already sent.
 */
export async function sendSessionReminders(job: ReminderJob): Promise<number> {
  const found = await getSession(job.sessionId);
  if (!found || found.cancelledAt || found.startsAt.toISOString() !== job.startsAt) return 0;
  const session = await withPlace(found);
  const people = await identityDb()
    .select({
      invitationId: invitations.id,
      status: invitations.status,
      id: participants.id,
      fullName: participants.fullName,
      email: participants.email,
      phone: participants.phone,
      preferredContact: participants.preferredContact,
    })
    .from(invitations)
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .where(and(eq(invitations.sessionId, session.id), inArray(invitations.status, ['accepted', 'invited'])));
  let sent = 0;
  for (const person of people) {
    const marker = { invitationId: person.invitationId, daysBefore: job.daysBefore, startsAt: session.startsAt };
    const claimed = await identityDb().insert(sessionReminders).values(marker).onConflictDoNothing().returning({ id: sessionReminders.invitationId });
    if (claimed.length === 0) continue;
    const hasPlace = person.status === 'accepted';
    const joining = hasPlace && session.mode !== 'in-person' && session.onlineDetails ? `\n\nHow to join online:\n${session.onlineDetails}` : '';
    const body = hasPlace
      ? `Hello ${person.fullName},\n\nA reminder that your Family Voice session is ${when(job.daysBefore)}.\n\n${sessionText(session)}${joining}\n\nIf you can no longer come, please use the personal link in your invitation to tell us, so someone on the waiting list can have your place.\n\nFamily Voice`
      : `Hello ${person.fullName},\n\nThe Family Voice session you were invited to is ${when(job.daysBefore)} and we have not heard from you.\n\n${sessionText(session)}\n\nPlease use the personal link in your invitation to tell us whether you can come.\n\nFamily Voice`;
    try {
      await queueForMember(person, {
        subject: `${hasPlace ? 'Reminder' : 'Can you come?'}: ${session.title} ${when(job.daysBefore)}`,
        text: body,
      });
    } catch (error) {
      // Not sent: give the marker back so the retried job tries this person again.
      await identityDb()
        .delete(sessionReminders)
        .where(and(eq(sessionReminders.invitationId, marker.invitationId), eq(sessionReminders.daysBefore, marker.daysBefore), eq(sessionReminders.startsAt, marker.startsAt)));
      throw error;
    }
    sent += 1;
  }
  return sent;
}

/** Starts working reminder jobs in this process. */
export async function workReminders(boss: PgBoss = jobQueue(), { pollingIntervalSeconds = 15 } = {}): Promise<string> {
  return boss.work<ReminderJob>(QUEUES.sessionReminder, { pollingIntervalSeconds }, async (jobs) => {
    for (const job of jobs) await sendSessionReminders(job.data);
  });
}

/** For the session page: when each reminder is due and how many people it has gone to. */
export async function reminderStatus(session: Pick<PanelSession, 'id' | 'startsAt'>): Promise<{ daysBefore: number; due: Date; sent: number }[]> {
  const rows = await identityDb()
    .select({ daysBefore: sessionReminders.daysBefore, sent: sql<number>`count(*)::int` })
    .from(sessionReminders)
    .innerJoin(invitations, eq(invitations.id, sessionReminders.invitationId))
    .where(and(eq(invitations.sessionId, session.id), eq(sessionReminders.startsAt, session.startsAt)))
    .groupBy(sessionReminders.daysBefore);
  return REMINDER_DAYS.map((daysBefore) => ({ daysBefore, due: reminderDue(session.startsAt, daysBefore), sent: rows.find((row) => row.daysBefore === daysBefore)?.sent ?? 0 }));
}
