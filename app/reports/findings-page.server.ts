import { PROGRAMMES, PROGRAMME_CODES } from '#db/reference/programmes';
import { quartersUpTo } from './quarters';
import { readReportRequest } from './report-request';

/** The reader's request from the address, with defaults: this quarter, every programme they may read, England. */
/** `visible`: the programmes this reader may read (visibleProgrammes in app/auth/scope). */
export function findingsRequest(visible: readonly string[], search: URLSearchParams, now = new Date()) {
  const everything = PROGRAMME_CODES.every((code) => visible.includes(code));
  const input = {
    quarter: search.get('quarter') || quartersUpTo(now, 1)[0]!.key,
    programme: search.get('programme') || (everything ? 'all' : visible[0]),
    level: search.get('level') || 'england',
    region: search.get('region') || undefined,
  };
  return {
    input,
    parsed: readReportRequest(input, { now, visibleProgrammes: visible }),
    choices: {
      quarters: quartersUpTo(now, 8).map((quarter) => ({ value: quarter.key, label: quarter.label })),
      programmes: [...(everything ? [{ value: 'all', label: 'All five programmes' }] : []), ...PROGRAMMES.filter((programme) => visible.includes(programme.code)).map((programme) => ({ value: programme.code, label: programme.name }))],
    },
  };
}
