import type { StaffUser } from '#db/identity/schema';
import { listLocalAuthorities, listProgrammes, listRegions } from '~/research/reference.server';
import { PanelPlacementError, panelInputSchema, type PanelInput } from '~/research/panels.server';
import type { FieldError } from '~/components/error-summary';

/** Where a staff member may place panels: a facilitator's regions, or everywhere for administrators. */
export function panelScope(user: StaffUser): { regionCodes: string[] | 'all' } {
  return { regionCodes: user.role === 'administrator' ? 'all' : user.regionCodes };
}

/** The choices the panel form offers this staff member. */
export async function panelFormOptions(user: StaffUser) {
  const scope = panelScope(user);
  const regionCodes = scope.regionCodes === 'all' ? undefined : scope.regionCodes;
  const [regions, localAuthorities, programmes] = await Promise.all([listRegions(), listLocalAuthorities({ regionCodes }), listProgrammes()]);
  return {
    regions: regions.filter((region) => !regionCodes || regionCodes.includes(region.code)),
    localAuthorities,
    programmes,
    canMakeNational: scope.regionCodes === 'all',
  };
}

export function parsePanelForm(form: FormData): { ok: true; input: PanelInput } | { ok: false; errors: FieldError[]; values: Record<string, unknown> } {
  const raw = {
    name: form.get('name') ?? '',
    level: form.get('level') ?? undefined,
    regionCode: form.get('regionCode') ?? '',
    laCode: form.get('laCode') ?? '',
    programmeCodes: form.getAll('programmeCodes'),
    audience: form.get('audience') ?? undefined,
    focus: form.get('focus') ?? '',
    recruitmentTarget: form.get('recruitmentTarget') ?? '',
    existingGroup: form.get('existingGroup') === 'yes',
  };
  const parsed = panelInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'name'), message: issue.message })), values: raw };
}

export function placementErrors(error: unknown): FieldError[] | null {
  return error instanceof PanelPlacementError ? [{ field: error.field, message: error.message }] : null;
}
