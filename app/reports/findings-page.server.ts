import { PROGRAMMES, PROGRAMME_CODES } from '#db/reference/programmes';
import { quartersUpTo } from './quarters';
import { readReportRequest } from './report-request';

/**
 * The reader's request from the address, with defaults: this quarter, every programme they may read,
 * England. `visible`: the programmes this reader may read (visibleProgrammes in app/auth/scope). An LA
 * officer (`ownLa`) reads their own authority's results only, for every programme: the address
 * cannot widen that.
 */
export function findingsRequest(visible: readonly string[], search: URLSearchParams, { now = new Date(), ownLa }: { now?: Date; ownLa?: string | null } = {}) {
  const everything = PROGRAMME_CODES.every((code) => visible.includes(code));
  const input = {
    quarter: search.get('quarter') || quartersUpTo(now, 1)[0]!.key,
    programme: ownLa ? 'all' : search.get('programme') || (everything ? 'all' : visible[0]),
    level: ownLa ? 'la' : search.get('level') || 'england',
    region: ownLa ? undefined : search.get('region') || undefined,
  };
  const parsed = readReportRequest(input, { now, visibleProgrammes: ownLa ? PROGRAMME_CODES : visible });
  return {
    input,
    parsed: parsed.ok && ownLa ? { ...parsed, request: { ...parsed.request, laCode: ownLa } } : parsed,
    choices: {
      quarters: quartersUpTo(now, 8).map((quarter) => ({ value: quarter.key, label: quarter.label })),
      programmes: [...(everything ? [{ value: 'all', label: 'All five programmes' }] : []), ...PROGRAMMES.filter((programme) => visible.includes(programme.code)).map((programme) => ({ value: programme.code, label: programme.name }))],
    },
  };
}
