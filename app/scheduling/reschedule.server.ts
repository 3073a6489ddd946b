import { and, eq, inArray } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { invitations, participants, type StaffUser } from '#db/identity/schema';
import type { PanelSession } from '#db/research/schema';
import type { FieldError } from '~/components/error-summary';
import { recordAudit } from '~/governance/audit.server';
import { queueForMember } from '~/identity/messages.server';
import { sessionIcs } from './calendar';
import { earliestStart, formatLondon, hasEnoughNotice, readSessionTimes } from './notice';
import { queueReminders } from './reminders.server';
import { moveSession } from '~/research/sessions.server';
import { withPlace } from './places.server';

export type RescheduleResult = { status: 'moved'; session: PanelSession; notified: number } | { status: 'invalid'; errors: FieldError[] };

/**
 * Moves a session. A later time is always allowed; an earlier one needs 28 days' notice (UK calendar
 * days) from today, the day members are told of the move, unless an administrator overrides with a
 * reason. Counting from the original invitations would let a session move to the day after tomorrow. Everyone invited who has not declined is told, with a new calendar file.
 */
export async function rescheduleSession({
  session,
  user,
  form,
  now = new Date(),
  correlationId,
}: {
  session: PanelSession;
  user: StaffUser;
  form: FormData;
  now?: Date;
  correlationId?: string;
}): Promise<RescheduleResult> {
  const get = (key: string) => (typeof form.get(key) === 'string' ? String(form.get(key)) : '');
  const { startsAt, endsAt, errors: timeErrors } = readSessionTimes({ day: get('day'), month: get('month'), year: get('year'), startTime: get('startTime'), endTime: get('endTime') });
  const overriding = get('overrideNotice') === 'yes';
  const reason = get('overrideReason').trim().slice(0, 500);
  const errors: FieldError[] = [...timeErrors];
  if (overriding && user.role !== 'administrator') errors.push({ field: 'day', message: 'Only an administrator can schedule with less than 4 weeks’ notice' });
  if (overriding && reason.length < 10) errors.push({ field: 'overrideReason', message: 'Give the reason for less than 4 weeks’ notice' });
  if (startsAt && startsAt <= now) errors.push({ field: 'day', message: 'The session must be in the future' });
  else if (startsAt && startsAt < session.startsAt && !overriding && !hasEnoughNotice({ startsAt, invitationsAt: now })) {
    errors.push({
      field: 'day',
      message: `A session can only move earlier to at least 4 weeks from when members are told, which is today. The earliest start is ${formatLondon(earliestStart(now))}.`,
    });
  }
  if (errors.length > 0 || !startsAt || !endsAt) return { status: 'invalid', errors };

  const moved = await withPlace(await moveSession(session.id, { startsAt, endsAt }));
  await identityDb().update(invitations).set({ expiresAt: startsAt }).where(eq(invitations.sessionId, session.id));
  const people = await identityDb()
    .select({ id: participants.id, fullName: participants.fullName, email: participants.email, phone: participants.phone, preferredContact: participants.preferredContact })
    .from(invitations)
    .innerJoin(participants, eq(participants.id, invitations.participantId))
    .where(and(eq(invitations.sessionId, session.id), inArray(invitations.status, ['invited', 'accepted', 'waitlisted'])));
  const ics = sessionIcs({ id: moved.id, title: `Family Voice: ${moved.title}`, startsAt, endsAt, location: moved.mode === 'online' ? 'Online' : moved.venue, description: 'New time.' });
  for (const person of people) {
    await queueForMember(person, {
      subject: `New time: ${moved.title}`,
      text: `Hello ${person.fullName},\n\n"${moved.title}" has moved to ${formatLondon(startsAt)}. Your personal link still works if you need to change your reply.\n\nFamily Voice`,
      ics,
    });
  }
  await queueReminders(moved, now);
  await recordAudit({
    who: user.id,
    what: overriding ? 'sessions.reschedule.notice-override' : 'sessions.reschedule',
    subjectId: session.id,
    subjectType: 'panel_session',
    correlationId,
    details: { from: session.startsAt.toISOString(), to: startsAt.toISOString(), notified: people.length, ...(overriding ? { reason } : {}) },
  });
  return { status: 'moved', session: moved, notified: people.length };
}
