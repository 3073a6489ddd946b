import { z } from 'zod';
import { EVENT_KIND_VALUES, MAX_EVENT_CODES } from '~/research/event-kinds';

export const newEventSchema = z.object({
  kind: z.enum(EVENT_KIND_VALUES, { errorMap: () => ({ message: 'Select what kind of event it was' }) }),
  title: z.string().trim().min(1, 'Enter the event’s title').max(150, 'Title must be 150 characters or fewer'),
  day: z.string(),
  month: z.string(),
  year: z.string(),
  laCodes: z.array(z.string().regex(/^E\d{8}$/, 'Choose local authorities from the list')).min(1, 'Select the local authorities that came').max(200),
  attendees: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'Enter how many people came, as a number like 12')
    .transform(Number)
    .refine((value) => value >= 1, 'Enter how many people came, at least 1'),
  feedback: z.enum(['link', 'codes'], { errorMap: () => ({ message: 'Select how attendees will give feedback' }) }),
});
export const NEW_EVENT_LISTS = ['laCodes'] as const;

export const eventCodesSchema = z.object({
  count: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, `Enter how many codes to make, from 1 to ${MAX_EVENT_CODES}`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= MAX_EVENT_CODES, `Enter how many codes to make, from 1 to ${MAX_EVENT_CODES}`),
});
