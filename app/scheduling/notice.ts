import { DateTime } from 'luxon';

/** Spec 5.18: families get at least 4 weeks' notice of a session. */
export const MIN_NOTICE_DAYS = 28;
export const ZONE = 'Europe/London';

/**
 * A clock time as people type it: "18:30", "18.30", "9:05", "6pm", "6.30pm", "6:30 p.m.", "12pm"
 * (midday), "12am" (midnight), "noon" or "midday". Null when it is not one.
 */
export function parseClockTime(text: string): { hour: number; minute: number } | null {
  const typed = text.trim().toLowerCase().replace(/\s+/g, '').replace(/([ap])\.m\.?$/, '$1m');
  if (typed === 'noon' || typed === 'midday') return { hour: 12, minute: 0 };
  const twelveHour = /^(\d{1,2})(?:[:.](\d{2}))?([ap])m$/.exec(typed);
  if (twelveHour) {
    const hour = Number(twelveHour[1]);
    const minute = Number(twelveHour[2] ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) return null;
    return { hour: (hour % 12) + (twelveHour[3] === 'p' ? 12 : 0), minute };
  }
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(typed);
  if (!clock) return null;
  const hour = Number(clock[1]);
  const minute = Number(clock[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/** A UK date as typed (day, month, year), or null if it is not a real date. */
export function londonDate({ day, month, year }: { day: string; month: string; year: string }): DateTime | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const value = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) }, { zone: ZONE });
  return value.isValid ? value : null;
}

/** A UK date and a typed clock time, as an instant; null if either is not real. */
export function londonDateTime({ day, month, year, time }: { day: string; month: string; year: string; time: string }): Date | null {
  const date = londonDate({ day, month, year });
  const clock = parseClockTime(time);
  if (!date || !clock) return null;
  const value = date.set(clock);
  // Luxon moves a time that does not exist (the hour skipped in March) forward; refuse it instead.
  if (!value.isValid || value.hour !== clock.hour || value.minute !== clock.minute) return null;
  return value.toJSDate();
}

export interface SessionTimesInput {
  day: string;
  month: string;
  year: string;
  startTime: string;
  endTime: string;
}

/**
 * A session's start and end as typed, each problem beside its own field: the date by the date, a
 * start or end time by that time. Checked whatever else on the form is wrong.
 */
export function readSessionTimes(input: SessionTimesInput): { startsAt: Date | null; endsAt: Date | null; errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const date = londonDate(input);
  if (!date) errors.push({ field: 'day', message: 'Enter a real date, like 27 3 2027' });
  if (!parseClockTime(input.startTime)) errors.push({ field: 'startTime', message: 'Enter a start time like 10:30, 18:00 or 6pm' });
  if (!parseClockTime(input.endTime)) errors.push({ field: 'endTime', message: 'Enter an end time like 12:00 or 8pm' });
  if (errors.length > 0) return { startsAt: null, endsAt: null, errors };
  const startsAt = londonDateTime({ ...input, time: input.startTime });
  const endsAt = londonDateTime({ ...input, time: input.endTime });
  if (!startsAt) errors.push({ field: 'startTime', message: 'That start time does not exist on that day (the clocks go forward)' });
  if (!endsAt) errors.push({ field: 'endTime', message: 'That end time does not exist on that day (the clocks go forward)' });
  if (startsAt && endsAt && endsAt <= startsAt) errors.push({ field: 'endTime', message: 'The end time must be after the start time' });
  return { startsAt, endsAt, errors };
}

/**
 * The earliest start allowed for invitations sent at `invitationsAt`: the same clock time 28 days
 * later in UK time. Counting calendar days in Europe/London, not 28 × 24 hours, keeps the rule right
 * across the clocks changing (a 10am session is fine 28 days after 10am invitations, whatever the
 * clocks did in between).
 */
export function earliestStart(invitationsAt: Date): Date {
  return DateTime.fromJSDate(invitationsAt, { zone: ZONE }).plus({ days: MIN_NOTICE_DAYS }).toJSDate();
}

export function hasEnoughNotice({ startsAt, invitationsAt }: { startsAt: Date; invitationsAt: Date }): boolean {
  return startsAt.getTime() >= earliestStart(invitationsAt).getTime();
}

export function formatLondon(date: Date): string {
  return DateTime.fromJSDate(date, { zone: ZONE }).setLocale('en-GB').toFormat("cccc d LLLL yyyy 'at' h:mma").replace('AM', 'am').replace('PM', 'pm');
}

const minutes = (value: DateTime) => value.hour * 60 + value.minute;
const overlaps = (start: number, end: number, from: number, to: number) => start < to && end > from;

/** The slots members say suit them, as weekday minute ranges or weekends. */
const SLOTS: Record<string, (start: DateTime, end: DateTime) => boolean> = {
  'weekday-mornings': (start, end) => start.weekday <= 5 && minutes(start) >= 6 * 60 && minutes(end) <= 12 * 60,
  'weekday-daytime': (start, end) => start.weekday <= 5 && minutes(start) >= 9 * 60 + 30 && minutes(end) <= 15 * 60,
  'weekday-evenings': (start) => start.weekday <= 5 && minutes(start) >= 17 * 60,
  weekends: (start) => start.weekday >= 6,
};

/**
 * Spec 5.12.1 asks that timing is monitored: warnings, not refusals, when a session clashes with the
 * school run on a weekday or falls outside the times members said suit them.
 */
export function timingWarnings({ startsAt, endsAt, memberAvailability }: { startsAt: Date; endsAt: Date; memberAvailability: string[][] }): string[] {
  const start = DateTime.fromJSDate(startsAt, { zone: ZONE });
  const end = DateTime.fromJSDate(endsAt, { zone: ZONE });
  const warnings: string[] = [];
  if (start.weekday <= 5) {
    const [from, to] = [minutes(start), minutes(end)];
    if (overlaps(from, to, 8 * 60 + 15, 9 * 60 + 15) || overlaps(from, to, 14 * 60 + 45, 15 * 60 + 45)) {
      warnings.push('This time clashes with the school run (8:15am to 9:15am or 2:45pm to 3:45pm on weekdays).');
    }
  }
  const unsuited = memberAvailability.filter((slots) => slots.length > 0 && !slots.some((slot) => SLOTS[slot]?.(start, end))).length;
  if (unsuited > 0) {
    warnings.push(`${unsuited} of ${memberAvailability.length} members said this time does not suit them.`);
  }
  return warnings;
}
