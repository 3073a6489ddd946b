import { DateTime } from 'luxon';

/** Spec 5.18: families get at least 4 weeks' notice of a session. */
export const MIN_NOTICE_DAYS = 28;
export const ZONE = 'Europe/London';

/** A UK date and time as typed (day, month, year, "HH:MM"), as an instant; null if it is not a real time. */
export function londonDateTime({ day, month, year, time }: { day: string; month: string; year: string; time: string }): Date | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!match || !/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const value = DateTime.fromObject(
    { year: Number(year), month: Number(month), day: Number(day), hour: Number(match[1]), minute: Number(match[2]) },
    { zone: ZONE },
  );
  // Luxon moves a time that does not exist (the hour skipped in March) forward; refuse it instead.
  if (!value.isValid || value.hour !== Number(match[1]) || value.minute !== Number(match[2])) return null;
  return value.toJSDate();
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
