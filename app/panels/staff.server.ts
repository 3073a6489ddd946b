import type { StaffUser } from '#db/identity/schema';
import { listLocalAuthorities, listProgrammes, listRegions } from '~/research/reference.server';
import type { Panel, PanelSession } from '#db/research/schema';
import { getPanel, PanelPlacementError, panelInputSchema, panelInScope, type PanelInput } from '~/research/panels.server';
import { getSession } from '~/research/sessions.server';
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
    meets: form.get('meets') ?? '',
    format: form.get('format') ?? '',
    thanks: form.get('thanks') ?? '',
  };
  const parsed = panelInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'name'), message: issue.message })), values: raw };
}

export function placementErrors(error: unknown): FieldError[] | null {
  return error instanceof PanelPlacementError ? [{ field: error.field, message: error.message }] : null;
}

/** The panel, if this staff member may manage it: 404 if there is none, 403 if it is another region's. */
export async function requireManagedPanel(user: StaffUser, panelId: string | undefined): Promise<Panel> {
  const panel = panelId ? await getPanel(panelId) : undefined;
  if (!panel) throw new Response('Not found', { status: 404 });
  if (!panelInScope(panel, panelScope(user))) throw new Response('This panel is in another region', { status: 403 });
  return panel;
}

/**
 * A session of a panel this staff member manages: 404 if either is missing or the session is
 * cancelled. `started` asks for a session that has begun (attendance), `upcoming` for one that has not, `any` for either.
 */
export async function requireManagedSession(
  user: StaffUser,
  { panelId, sessionId, when }: { panelId: string | undefined; sessionId: string | undefined; when: 'started' | 'upcoming' | 'any' },
): Promise<{ panel: Panel; session: PanelSession }> {
  const panel = await requireManagedPanel(user, panelId);
  const session = sessionId ? await getSession(sessionId) : undefined;
  if (!session || session.panelId !== panel.id || session.cancelledAt) throw new Response('Not found', { status: 404 });
  const started = session.startsAt <= new Date();
  if (when === 'started' && !started) throw new Response('Attendance can be recorded once the session has started', { status: 409 });
  if (when === 'upcoming' && started) throw new Response('This session has already started', { status: 409 });
  return { panel, session };
}
