import { DEPARTMENT } from '#db/reference/department';
import { PROGRAMMES, type ProgrammeCode } from '#db/reference/programmes';
import type { Role } from './roles';

interface Scoped {
  role: Role;
  programmeCodes: string[];
}

/**
 * The programmes a programme lead reads. MHCLG leads the cross-government project, so a lead for an
 * MHCLG programme sees every programme; other leads see their own.
 */
export function visibleProgrammes(user: Scoped): ProgrammeCode[] {
  if (user.role !== 'programme_lead') return PROGRAMMES.map((p) => p.code);
  const own = PROGRAMMES.filter((p) => user.programmeCodes.includes(p.code));
  if (own.some((p) => p.department === DEPARTMENT.shortName)) return PROGRAMMES.map((p) => p.code);
  return own.map((p) => p.code);
}
