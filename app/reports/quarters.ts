import { DateTime } from 'luxon';

/**
 * Quarters of the UK financial year (Q1 is April to June), named like 2026-27-Q3, with boundaries
 * at midnight UK time.
 */
export interface Quarter {
  key: string;
  label: string;
  from: Date;
  /** Exclusive. */
  to: Date;
}

const ZONE = 'Europe/London';
const KEY = /^(\d{4})-(\d{2})-Q([1-4])$/;

function build(yearStart: number, quarter: number): Quarter {
  const start = DateTime.fromObject({ year: yearStart, month: 4, day: 1 }, { zone: ZONE }).plus({ quarters: quarter - 1 });
  const end = start.plus({ quarters: 1 });
  const key = `${yearStart}-${String((yearStart + 1) % 100).padStart(2, '0')}-Q${quarter}`;
  const label = `Q${quarter} ${yearStart}–${String((yearStart + 1) % 100).padStart(2, '0')} (${start.setLocale('en-GB').toFormat('LLLL')} to ${end.minus({ days: 1 }).setLocale('en-GB').toFormat('LLLL yyyy')})`;
  return { key, label, from: start.toJSDate(), to: end.toJSDate() };
}

/** The quarter a key names, or null if it is not one (2026-27-Q3; the years must follow on). */
export function parseQuarter(key: string): Quarter | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const yearStart = Number(match[1]);
  if ((yearStart + 1) % 100 !== Number(match[2]) || yearStart < 2000 || yearStart > 2100) return null;
  return build(yearStart, Number(match[3]));
}

/** The quarter a moment falls in (UK time). */
export function quarterOf(when: Date): Quarter {
  const local = DateTime.fromJSDate(when, { zone: ZONE });
  const yearStart = local.month >= 4 ? local.year : local.year - 1;
  const quarter = Math.floor(((local.month + 8) % 12) / 3) + 1;
  return build(yearStart, quarter);
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarterOf(new Date(quarter.from.getTime() - 1));
}

/** This quarter and those before it, newest first. */
export function quartersUpTo(now: Date, count = 8): Quarter[] {
  const quarters = [quarterOf(now)];
  while (quarters.length < count) quarters.push(previousQuarter(quarters[quarters.length - 1]!));
  return quarters;
}

/** Whether a quarter has begun: a report for one that has not is refused. */
export function hasStarted(quarter: Quarter, now: Date): boolean {
  return quarter.from <= now;
}

export function nextQuarter(quarter: Quarter): Quarter {
  return quarterOf(quarter.to);
}

/** Last quarter, this one and the next three: the ones an administrator plans themes for. */
export function planningQuarters(now: Date): Quarter[] {
  const current = quarterOf(now);
  const quarters = [previousQuarter(current), current];
  while (quarters.length < 5) quarters.push(nextQuarter(quarters[quarters.length - 1]!));
  return quarters;
}
