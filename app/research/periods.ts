import { DateTime } from 'luxon';

export interface Period {
  /** The first month, e.g. 2026-04. */
  key: string;
  label: string;
  from: Date;
  /** Exclusive. */
  to: Date;
}

/**
 * The current quarter and those before it, newest first, in UK time. Calendar quarters start in the
 * same months as the government's financial quarters (April, July, October, January).
 */
export function recentQuarters(now: Date, count = 6): Period[] {
  const current = DateTime.fromJSDate(now, { zone: 'Europe/London' }).startOf('quarter');
  return Array.from({ length: count }, (_, back) => {
    const start = current.minus({ quarters: back });
    const end = start.plus({ quarters: 1 });
    return {
      key: start.toFormat('yyyy-MM'),
      label: `${start.setLocale('en-GB').toFormat('LLLL')} to ${end.minus({ months: 1 }).setLocale('en-GB').toFormat('LLLL yyyy')}`,
      from: start.toJSDate(),
      to: end.toJSDate(),
    };
  });
}

/** The quarter (UK time) a moment falls in, labelled as recentQuarters labels it. */
export function quarterLabel(when: Date): string {
  const start = DateTime.fromJSDate(when, { zone: 'Europe/London' }).startOf('quarter');
  return `${start.setLocale('en-GB').toFormat('LLLL')} to ${start.plus({ months: 2 }).setLocale('en-GB').toFormat('LLLL yyyy')}`;
}
