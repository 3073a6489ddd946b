import type { StaffUser } from '#db/identity/schema';
import { authorityProgress, type AuthorityProgress } from '~/research/direct-support.server';
import { listLocalAuthorities } from '~/research/reference.server';

/** Who sees direct support and self-assessments; who records them is narrower (canAssess). */
export const SUPPORT_VIEWERS = ['administrator', 'facilitator', 'la_officer', 'programme_lead', 'analyst'] as const;

/** An officer records their own authority's self-assessment; a facilitator those in their regions; an administrator any. */
export function canAssess(user: StaffUser, authority: { code: string; regionCode: string }): boolean {
  if (user.role === 'administrator') return true;
  if (user.role === 'facilitator') return user.regionCodes.includes(authority.regionCode);
  if (user.role === 'la_officer') return user.laCode === authority.code;
  return false;
}

/** The authorities' progress a user sees: an officer their own; a facilitator their regions'; others every supported or assessed one. */
export async function visibleProgress(user: StaffUser): Promise<AuthorityProgress[]> {
  if (user.role === 'la_officer') return user.laCode ? authorityProgress([user.laCode]) : [];
  const all = await authorityProgress();
  return user.role === 'facilitator' ? all.filter((row) => user.regionCodes.includes(row.regionCode)) : all;
}

/** The authority named in an address, if there is one. */
export async function findAuthority(code: string | undefined) {
  if (!code || !/^E\d{8}$/.test(code)) return null;
  return (await listLocalAuthorities()).find((la) => la.code === code) ?? null;
}
