import { createEvent } from 'ics';

/** A session as an iCalendar event, so it can be added to a phone's calendar. */
export function sessionIcs({ id, title, startsAt, endsAt, location, description }: { id: string; title: string; startsAt: Date; endsAt: Date; location?: string | null; description: string }): string {
  const parts = (date: Date): [number, number, number, number, number] => [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
  ];
  const { error, value } = createEvent({
    uid: `${id}@family-voice`,
    title,
    description,
    location: location ?? undefined,
    start: parts(startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: parts(endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    productId: 'family-voice',
  });
  if (error || !value) throw error ?? new Error('Could not build the calendar event');
  return value;
}
