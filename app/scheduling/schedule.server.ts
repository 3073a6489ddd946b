import { scrubPersonalData } from '~/utils/scrub';
import { z } from 'zod';
import type { StaffUser } from '#db/identity/schema';
import type { Panel } from '#db/research/schema';
import type { FieldError } from '~/components/error-summary';
import { recordAudit } from '~/governance/audit.server';
import { panelAvailability } from '~/identity/participants.server';
import { earliestStart, formatLondon, hasEnoughNotice, readSessionTimes, timingWarnings } from './notice';
import { assignFacilitators, facilitatorChoices } from './facilitators.server';
import { inviteMembers } from './invitations.server';
import { queueReminders } from './reminders.server';
import { saveSessionPlace, type PlacedSession } from './places.server';
import { insertSession } from '~/research/sessions.server';
import { placeErrors, sessionDetailsSchema, text } from './session-details';

const scheduleSchema = sessionDetailsSchema.extend({
  day: z.string(),
  month: z.string(),
  year: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  overrideNotice: z.literal('yes').optional(),
  overrideReason: text(500, 'Reason'),
  confirmWarnings: z.literal('1').optional(),
});

export type ScheduleResult =
  | { status: 'scheduled'; session: PlacedSession }
  | { status: 'invalid'; errors: FieldError[] }
  | { status: 'warnings'; warnings: string[] };

function readForm(form: FormData) {
  const get = (key: string) => (typeof form.get(key) === 'string' ? String(form.get(key)) : '');
  return {
    title: get('title'),
    theme: get('theme'),
    day: get('day'),
    month: get('month'),
    year: get('year'),
    startTime: get('startTime'),
    endTime: get('endTime'),
    mode: get('mode') || undefined,
    venue: get('venue'),
    venueAccess: form.getAll('venueAccess'),
    onlineDetails: get('onlineDetails'),
    capacity: get('capacity'),
    overrideNotice: get('overrideNotice') || undefined,
    overrideReason: get('overrideReason'),
    confirmWarnings: get('confirmWarnings') || undefined,
    facilitators: form.getAll('facilitators').map(String),
  };
}

const FIELD_ORDER = ['title', 'theme', 'day', 'startTime', 'endTime', 'mode', 'venue', 'venueAccess', 'onlineDetails', 'capacity', 'facilitators', 'overrideNotice', 'overrideReason'];

/** Errors in the order the fields are on the page, as the GOV.UK error summary lists them. */
function inFormOrder(errors: FieldError[]): FieldError[] {
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  return [...errors].sort((a, b) => rank(a.field) - rank(b.field));
}

/**
 * Schedules a session for a panel and invites its members now: the start must be at least 28 days
 * after that in UK time, unless an administrator overrides with a recorded reason. Timing that
 * clashes with the school run or members' availability is shown as a warning to confirm first.
 */
export async function scheduleSession({
  panel,
  user,
  form,
  now = new Date(),
  correlationId,
}: {
  panel: Panel;
  user: StaffUser;
  form: FormData;
  now?: Date;
  /** Where personal links in invitations point, e.g. https://family-voice.example */
  correlationId?: string;
}): Promise<ScheduleResult> {
  const fields = readForm(form);
  // The date and times are checked even when something else is wrong, so each error shows at once.
  const times = readSessionTimes(fields);
  const parsed = scheduleSchema.safeParse(fields);
  if (!parsed.success) {
    const schemaErrors = parsed.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message }));
    return { status: 'invalid', errors: inFormOrder([...schemaErrors, ...times.errors]) };
  }
  const input = parsed.data;
  const errors: FieldError[] = [...times.errors];
  const { startsAt, endsAt } = times;
  errors.push(...placeErrors(input));
  const choices = new Set((await facilitatorChoices(panel)).map((choice) => choice.id));
  const facilitators = [...new Set(input.facilitators.filter(Boolean))];
  if (choices.size > 0 && facilitators.length === 0) errors.push({ field: 'facilitators', message: 'Select who will run the session' });
  // Only someone offered on the form: anything else is a tampered form.
  if (facilitators.some((id) => !choices.has(id))) errors.push({ field: 'facilitators', message: 'Select facilitators from the list' });
  const overriding = input.overrideNotice === 'yes';
  if (overriding && user.role !== 'administrator') errors.push({ field: 'day', message: 'Only an administrator can schedule with less than 4 weeks’ notice' });
  if (overriding && input.overrideReason.length < 10) errors.push({ field: 'overrideReason', message: 'Give the reason for less than 4 weeks’ notice' });
  if (startsAt && startsAt <= now) errors.push({ field: 'day', message: 'The session must be in the future' });
  else if (startsAt && !overriding && !hasEnoughNotice({ startsAt, invitationsAt: now })) {
    errors.push({
      field: 'day',
      message: `The session must start at least 4 weeks after the invitations go out. The earliest start is ${formatLondon(earliestStart(now))}.`,
    });
  }
  if (errors.length > 0 || !startsAt || !endsAt) return { status: 'invalid', errors: inFormOrder(errors) };

  if (!input.confirmWarnings) {
    const warnings = timingWarnings({ startsAt, endsAt, memberAvailability: await panelAvailability(panel.id) });
    if (warnings.length > 0) return { status: 'warnings', warnings };
  }

  const session = await insertSession({
    panelId: panel.id,
    // Staff free text bound for the research store is scrubbed like families' answers.
    title: scrubPersonalData(input.title, { names: [user.displayName] }),
    theme: input.theme ? scrubPersonalData(input.theme, { names: [user.displayName] }) : null,
    startsAt,
    endsAt,
    mode: input.mode,
    venueAccess: input.mode === 'online' ? [] : input.venueAccess,
    capacity: input.capacity,
    invitationsSentAt: now,
    noticeOverrideReason: overriding ? scrubPersonalData(input.overrideReason, { names: [user.displayName] }) : null,
  });
  const place = { venue: input.mode === 'online' ? null : input.venue, onlineDetails: input.mode === 'in-person' ? null : input.onlineDetails };
  await saveSessionPlace(session.id, place);
  await assignFacilitators(session.id, facilitators);
  await recordAudit({
    who: user.id,
    what: overriding ? 'sessions.schedule.notice-override' : 'sessions.schedule',
    subjectId: session.id,
    subjectType: 'panel_session',
    correlationId,
    details: overriding ? { reason: input.overrideReason } : {},
  });
  const placed: PlacedSession = { ...session, ...place };
  await inviteMembers({ session: placed, panelName: panel.name });
  await queueReminders(session, now);
  return { status: 'scheduled', session: placed };
}
