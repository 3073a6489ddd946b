import type { StaffUser } from '#db/identity/schema';
import { listLocalAuthorities } from '~/research/reference.server';

/** Who makes distribution links and QR codes. */
export const LINK_MAKERS = ['facilitator', 'administrator', 'la_officer'] as const;

/** The question sets a local authority officer may use in their own area (spec 6.2.3.a). */
export const LA_QUESTION_SETS = ['common-question-set', 'young-people'];

/** Whether the user may make links for this question set at all. */
export function canMakeLinksFor(user: StaffUser, surveyId: string): boolean {
  if (user.role === 'la_officer') return Boolean(user.laCode) && LA_QUESTION_SETS.includes(surveyId);
  return user.role === 'facilitator' || user.role === 'administrator';
}

/**
 * The local authorities a user's links may name: a facilitator's regions', an officer's own (and
 * only theirs: an officer's link always names it), everyone's for an administrator.
 */
export async function linkableAuthorities(user: StaffUser) {
  if (user.role === 'la_officer') return (await listLocalAuthorities()).filter((la) => la.code === user.laCode);
  return listLocalAuthorities({ regionCodes: user.role === 'facilitator' ? user.regionCodes : undefined });
}
