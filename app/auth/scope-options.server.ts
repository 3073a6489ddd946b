import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { listProgrammes, listRegions } from '~/research/reference.server';
import { ROLE_LABELS, ROLES } from './roles';

/** The choices an administrator has when setting someone's role and scope. */
export async function scopeOptions() {
  const [regions, programmes] = await Promise.all([listRegions(), listProgrammes()]);
  return {
    roles: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
    regions: regions.map((region) => ({ value: region.code, label: region.name })),
    programmes: programmes.map((programme) => ({ value: programme.code, label: programme.name })),
    las: readUpperTierLocalAuthorities()
      .map((la) => ({ value: la.la_code, label: la.la_name }))
      .sort((a, b) => a.label.localeCompare(b.label, 'en-GB')),
  };
}
export type ScopeOptions = Awaited<ReturnType<typeof scopeOptions>>;
