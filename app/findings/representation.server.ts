import type { StaffUser } from '#db/identity/schema';
import { PROGRAMMES, PROGRAMME_CODES } from '#db/reference/programmes';
import { requireRole } from '~/auth/guards.server';
import { visibleProgrammes } from '~/auth/scope';
import type { FieldError } from '~/components/error-summary';
import { quartersUpTo } from '~/reports/quarters';
import { readRepresentationRequest, type ParsedRepresentationRequest } from '~/reports/representation-request';

export const REPRESENTATION_READERS = ['programme_lead', 'analyst', 'administrator', 'facilitator', 'la_officer'] as const;

export type RepresentationInput = {
  quarter: string;
  programme: string;
  level: string;
  region?: string;
  source: string;
};

/**
 * The reader's request from the address, held to what they may see: programme leads their
 * programmes; facilitators their own regions (by region or by authority, never another region);
 * an LA officer their own authority, every programme; analysts and administrators everything.
 */
export function representationRequest(user: Pick<StaffUser, 'role' | 'programmeCodes' | 'regionCodes' | 'laCode'>, search: URLSearchParams, now = new Date()) {
  const visible = visibleProgrammes(user);
  const everything = PROGRAMME_CODES.every((code) => visible.includes(code));
  const ownLa = user.role === 'la_officer' ? (user.laCode ?? 'none') : null;
  const regions = user.role === 'facilitator' ? user.regionCodes : null;
  const level = search.get('level') || (regions ? 'region' : 'england');
  const input: RepresentationInput = {
    quarter: search.get('quarter') || quartersUpTo(now, 1)[0]!.key,
    programme: ownLa ? 'all' : search.get('programme') || (everything ? 'all' : visible[0]!),
    level: ownLa ? 'la' : level,
    region: ownLa ? undefined : search.get('region') || (regions && (level !== 'england' || regions.length === 1) ? regions[0] : undefined),
    source: search.get('source') || 'all',
  };
  const choices = {
    quarters: quartersUpTo(now, 8).map((quarter) => ({ value: quarter.key, label: quarter.label })),
    programmes: [...(everything ? [{ value: 'all', label: 'All five programmes' }] : []), ...PROGRAMMES.filter((programme) => visible.includes(programme.code)).map((programme) => ({ value: programme.code, label: programme.name }))],
    regions,
    ownLa,
  };
  const parsed = readRepresentationRequest(input, { now, visibleProgrammes: ownLa ? PROGRAMME_CODES : visible });
  if (!parsed.ok) return { input, choices, parsed };
  if (regions && (parsed.request.level === 'england' || !parsed.request.regionCode || !regions.includes(parsed.request.regionCode))) {
    return { input, choices, parsed: { ok: false as const, forbidden: true, errors: [{ field: 'region', message: 'You can read who took part in your own regions only' }] as FieldError[] } };
  }
  const request: ParsedRepresentationRequest = ownLa ? { ...parsed.request, level: 'la', regionCode: null, laCode: ownLa } : parsed.request;
  return { input, choices, parsed: { ok: true as const, request } };
}

/** The signed-in reader and their checked request; a request beyond their scope is a 403. */
export async function readerRequest(request: Request) {
  const user = await requireRole(request, ...REPRESENTATION_READERS);
  const result = representationRequest(user, new URL(request.url).searchParams);
  if (!result.parsed.ok && result.parsed.forbidden) throw new Response(result.parsed.errors.map((error) => error.message).join('. '), { status: 403 });
  return { user, ...result };
}
