import { z } from 'zod';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import type { FieldError } from '~/components/error-summary';
import { hasStarted, parseQuarter, type Quarter } from './quarters';

export const LEVEL_LABELS = { england: 'England', region: 'By region', la: 'By local authority' } as const;

const requestSchema = z.object({
  quarter: z.string({ required_error: 'Choose a quarter' }).min(1, 'Choose a quarter'),
  programme: z.string().default('all'),
  level: z.enum(['england', 'region', 'la'], { errorMap: () => ({ message: 'Choose England, by region or by local authority' }) }).default('england'),
  region: z.string().regex(/^E12\d{6}$/, 'Choose a region from the list').optional(),
});

export interface ParsedReportRequest {
  quarter: Quarter;
  programme: string;
  level: 'england' | 'region' | 'la';
  regionCode: string | null;
  /** Only this authority (an LA officer's own). */
  laCode?: string | null;
}

/**
 * What a reader asked for, checked: a quarter that has started, a programme they may read ('all' only
 * for those who may read every programme), and a level. The page and the command line both use it.
 */
export function readReportRequest(
  input: Record<string, string | undefined>,
  { now, visibleProgrammes }: { now: Date; visibleProgrammes: readonly string[] },
): { ok: true; request: ParsedReportRequest } | { ok: false; errors: FieldError[]; forbidden?: boolean } {
  const parsed = requestSchema.safeParse(Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== '')));
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'quarter'), message: issue.message })) };
  const quarter = parseQuarter(parsed.data.quarter);
  if (!quarter) return { ok: false, errors: [{ field: 'quarter', message: 'Enter a quarter like 2026-27-Q3' }] };
  if (!hasStarted(quarter, now)) return { ok: false, errors: [{ field: 'quarter', message: `${quarter.label} has not started yet` }] };
  const programme = parsed.data.programme;
  if (programme !== 'all' && !(PROGRAMME_CODES as readonly string[]).includes(programme)) return { ok: false, errors: [{ field: 'programme', message: 'Choose a programme from the list' }] };
  const everything = PROGRAMME_CODES.every((code) => visibleProgrammes.includes(code));
  if ((programme === 'all' && !everything) || (programme !== 'all' && !visibleProgrammes.includes(programme))) {
    return { ok: false, forbidden: true, errors: [{ field: 'programme', message: 'You can read the findings for your own programmes only' }] };
  }
  return { ok: true, request: { quarter, programme, level: parsed.data.level, regionCode: parsed.data.region ?? null } };
}
