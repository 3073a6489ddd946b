import { z } from 'zod';
import type { FieldError } from '~/components/error-summary';
import { VENUE_ACCESS } from '~/panels/options';

export const text = (max: number, label: string) => z.string().trim().max(max, `${label} must be ${max} characters or fewer`);

/** What a session is, as staff give it when scheduling or changing one (the time apart). */
export const sessionDetailsSchema = z.object({
  title: text(120, 'Title').min(1, 'Enter a title for the session'),
  theme: text(120, 'Theme'),
  mode: z.enum(['in-person', 'online', 'hybrid'], { errorMap: () => ({ message: 'Select whether the session is in person, online or both' }) }),
  venue: text(300, 'Venue'),
  venueAccess: z.array(z.enum(Object.keys(VENUE_ACCESS) as [keyof typeof VENUE_ACCESS])),
  onlineDetails: text(500, 'Joining details'),
  capacity: z.coerce
    .number({ invalid_type_error: 'Enter the number of places as a number' })
    .int('Enter a whole number of places')
    .min(2, 'A session needs at least 2 places')
    .max(200, 'A session can have at most 200 places'),
  facilitators: z.array(z.string()),
});

/** A venue for anything held in person, joining details for anything online. */
export function placeErrors(details: { mode: string; venue: string; onlineDetails: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (details.mode !== 'online' && !details.venue) errors.push({ field: 'venue', message: 'Enter the venue' });
  if (details.mode !== 'in-person' && !details.onlineDetails) errors.push({ field: 'onlineDetails', message: 'Enter how to join online' });
  return errors;
}
