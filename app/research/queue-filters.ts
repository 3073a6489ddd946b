import { z } from 'zod';

/**
 * The coding queue's filters, read from the address. They only narrow what an analyst sees, so a
 * value that does not fit is dropped (and the filter is off) rather than refused.
 */
export const queueFiltersSchema = z.object({
  quarter: z.string().regex(/^\d{4}-\d{2}$/).optional().catch(undefined),
  programme: z.string().regex(/^[a-z0-9-]{1,40}$/).optional().catch(undefined),
  region: z.string().regex(/^E12\d{6}$/).optional().catch(undefined),
  /** "surveyId/questionName". */
  question: z.string().regex(/^[\w-]{1,80}\/[\w-]{1,120}$/).optional().catch(undefined),
  session: z.string().uuid().optional().catch(undefined),
  source: z.enum(['survey', 'transcript']).optional().catch(undefined),
  status: z.enum(['uncoded', 'coded', 'all']).catch('uncoded').default('uncoded'),
  code: z.string().uuid().optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

export function readQueueFilters(search: URLSearchParams): QueueFilters {
  return queueFiltersSchema.parse(Object.fromEntries([...search.entries()].filter(([, value]) => value !== '')));
}

/** The filters as a query string (without the page unless asked), to carry from the queue to an excerpt and back. */
export function queueQuery(filters: Partial<QueueFilters>, { page = false }: { page?: boolean } = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || (key === 'page' && (!page || value === 1))) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const STATUS_LABELS: Record<QueueFilters['status'], string> = { uncoded: 'Not coded yet', coded: 'Coded', all: 'All' };
export const SOURCE_LABELS = { survey: 'Survey answers', transcript: 'Session transcripts and notes' } as const;
