import { scrubPersonalData } from '~/utils/scrub';
import { and, arrayOverlaps, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { researchDb, type ResearchDb } from '#db/research/client';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import type { Pseudonym } from '#db/research/pseudonym';
import { localAuthorities, panelMembers, panels, panelSessions, participantProfiles, regions, sessionParticipation, type Panel, UK_DAY } from '#db/research/schema';

export const PANEL_LEVELS = ['local', 'regional', 'national'] as const;
export const PANEL_AUDIENCES = ['parents-carers', 'young-people', 'expectant-under-2s'] as const;
export const PANEL_FORMATS = ['in-person', 'online', 'mixed'] as const;
export const FORMAT_LABELS: Record<(typeof PANEL_FORMATS)[number], string> = { 'in-person': 'In person', online: 'Online', mixed: 'Some sessions in person, some online' };
export const AUDIENCE_LABELS: Record<(typeof PANEL_AUDIENCES)[number], string> = {
  'parents-carers': 'Parents and carers',
  'young-people': 'Young people (11 to 25)',
  'expectant-under-2s': 'Expectant parents and parents of children under 2',
};
export const LEVEL_LABELS: Record<(typeof PANEL_LEVELS)[number], string> = { local: 'Local', regional: 'Regional', national: 'National' };

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max} characters or fewer`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** A panel as a facilitator describes it; where it is depends on its level. */
export const panelInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name for the panel').max(120, 'Name must be 120 characters or fewer'),
    level: z.enum(PANEL_LEVELS, { errorMap: () => ({ message: 'Select whether the panel is local, regional or national' }) }),
    regionCode: z.string().regex(/^E1200000[1-9]$/).nullable().optional().or(z.literal('').transform(() => null)),
    laCode: z.string().regex(/^E(06|08|09|10)\d{6}$/).nullable().optional().or(z.literal('').transform(() => null)),
    programmeCodes: z.array(z.enum(PROGRAMME_CODES)).min(1, 'Select at least one programme'),
    audience: z.enum(PANEL_AUDIENCES, { errorMap: () => ({ message: 'Select who the panel is for' }) }),
    focus: optionalText(200),
    recruitmentTarget: z.coerce
      .number({ invalid_type_error: 'Enter the recruitment target as a number' })
      .int('Enter a whole number')
      .min(4, 'A panel needs a target of at least 4 people')
      .max(500, 'The target must be 500 or fewer'),
    existingGroup: z.boolean().default(false),
    // What families see on the panel's card before joining.
    meets: optionalText(200),
    format: z.enum(PANEL_FORMATS).nullable().optional().or(z.literal('').transform(() => null)),
    thanks: optionalText(300),
  })
  .superRefine((panel, ctx) => {
    if (panel.level === 'local' && !panel.laCode) ctx.addIssue({ code: 'custom', path: ['laCode'], message: 'Select the local authority' });
    if (panel.level === 'regional' && !panel.regionCode) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'Select the region' });
  });
export type PanelInput = z.infer<typeof panelInputSchema>;

/** Fills in the region of a local panel and clears fields that do not apply to the level. */
async function placed(input: PanelInput, db: ResearchDb): Promise<Omit<Panel, 'id' | 'createdAt' | 'updatedAt'>> {
  let regionCode = input.level === 'regional' ? (input.regionCode ?? null) : null;
  const laCode = input.level === 'local' ? (input.laCode ?? null) : null;
  if (laCode) {
    const [la] = await db.select({ regionCode: localAuthorities.regionCode }).from(localAuthorities).where(eq(localAuthorities.code, laCode));
    if (!la) throw new PanelPlacementError('laCode', 'Select a local authority from the list');
    regionCode = la.regionCode;
  }
  return {
    // Staff free text is scrubbed like families' answers before it reaches the research store.
    name: scrubPersonalData(input.name),
    level: input.level,
    regionCode,
    laCode,
    programmeCodes: input.programmeCodes,
    audience: input.audience,
    focus: input.focus ? scrubPersonalData(input.focus) : null,
    recruitmentTarget: input.recruitmentTarget,
    existingGroup: input.existingGroup,
    meets: input.meets ? scrubPersonalData(input.meets) : null,
    format: input.format ?? null,
    thanks: input.thanks ? scrubPersonalData(input.thanks) : null,
  };
}

export class PanelPlacementError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Whether a facilitator covering `regionCodes` may manage a panel placed in `regionCode`.
 * National panels belong to no region: only administrators manage them.
 */
export function panelInScope(panel: { regionCode: string | null }, scope: { regionCodes: string[] | 'all' }): boolean {
  if (scope.regionCodes === 'all') return true;
  return panel.regionCode !== null && scope.regionCodes.includes(panel.regionCode);
}

export async function createPanel(input: PanelInput, scope: { regionCodes: string[] | 'all' }): Promise<Panel> {
  const db = researchDb();
  const values = await placed(input, db);
  if (!panelInScope(values, scope)) throw new PanelPlacementError('level', 'You can only create panels in your regions');
  const [panel] = await db.insert(panels).values(values).returning();
  if (!panel) throw new Error('Insert returned no row');
  return panel;
}

export async function updatePanel(id: string, input: PanelInput, scope: { regionCodes: string[] | 'all' }): Promise<Panel> {
  const db = researchDb();
  const values = await placed(input, db);
  if (!panelInScope(values, scope)) throw new PanelPlacementError('level', 'You can only move panels within your regions');
  const [panel] = await db
    .update(panels)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(panels.id, id))
    .returning();
  if (!panel) throw new Error('Panel not found');
  return panel;
}

export async function getPanel(id: string): Promise<Panel | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [panel] = await researchDb().select().from(panels).where(eq(panels.id, id));
  return panel;
}

export interface PanelSummary extends Panel {
  regionName: string | null;
  laName: string | null;
  members: number;
  /** The UK days (YYYY-MM-DD) of the next three sessions planned. */
  planned: string[];
}

/** Panels with where they are and how many members they have, filtered as asked. */
export async function listPanels({
  regionCodes,
  programmeCode,
  audience,
  includeNational = true,
}: {
  regionCodes?: string[];
  programmeCode?: string;
  audience?: (typeof PANEL_AUDIENCES)[number];
  includeNational?: boolean;
} = {}): Promise<PanelSummary[]> {
  const conditions: SQL[] = [];
  if (regionCodes) {
    const inRegions = regionCodes.length > 0 ? inArray(panels.regionCode, regionCodes) : sql`false`;
    conditions.push(includeNational ? (or(inRegions, eq(panels.level, 'national')) as SQL) : inRegions);
  }
  if (programmeCode) conditions.push(arrayOverlaps(panels.programmeCodes, [programmeCode]));
  if (audience) conditions.push(eq(panels.audience, audience));
  const rows = await researchDb()
    .select({
      panel: panels,
      regionName: regions.name,
      laName: localAuthorities.name,
      members: sql<number>`(select count(*)::int from ${panelMembers} where ${panelMembers.panelId} = ${panels.id})`,
      // The UK days of the next three sessions, for the panel's card.
      planned: sql<string[]>`(select coalesce(array_agg(day order by day), '{}') from (
        select to_char(${panelSessions.startsAt} at time zone 'Europe/London', 'YYYY-MM-DD') as day from ${panelSessions}
        where ${panelSessions.panelId} = ${panels.id} and ${panelSessions.cancelledAt} is null and ${panelSessions.startsAt} > now()
        order by ${panelSessions.startsAt} limit 3) as coming)`,
    })
    .from(panels)
    .leftJoin(regions, eq(regions.code, panels.regionCode))
    .leftJoin(localAuthorities, eq(localAuthorities.code, panels.laCode))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(panels.name);
  return rows.map((row) => ({ ...row.panel, regionName: row.regionName, laName: row.laName, members: row.members, planned: row.planned }));
}

/** Keeps a member's About-you profile and panel membership under their pseudonym, in one transaction. */
export async function recordPanelMember({
  pseudonym,
  panelId,
  profile,
  laCode,
  joinsNow = true,
}: {
  pseudonym: Pseudonym;
  panelId: string;
  profile: Record<string, unknown>;
  laCode: string | null;
  /** False while a guardian has still to agree: the profile is kept, but no panel counts them yet. */
  joinsNow?: boolean;
}): Promise<void> {
  await researchDb().transaction(async (tx) => {
    const regionCode = laCode ? sql`(select region_code from local_authorities where code = ${laCode})` : null;
    await tx
      .insert(participantProfiles)
      .values({ pseudonym, answers: profile, laCode, regionCode })
      .onConflictDoUpdate({ target: participantProfiles.pseudonym, set: { answers: profile, laCode, regionCode, updatedAt: UK_DAY } });
    if (joinsNow) await tx.insert(panelMembers).values({ pseudonym, panelId }).onConflictDoNothing();
  });
}

/** Adds a member with a profile already on file to another panel (their profile is left as it is). */
export async function recordPanelMembership({ pseudonym, panelId }: { pseudonym: Pseudonym; panelId: string }): Promise<void> {
  await researchDb().insert(panelMembers).values({ pseudonym, panelId }).onConflictDoNothing();
}

export async function removePanelMember({ pseudonym, panelId }: { pseudonym: Pseudonym; panelId: string }): Promise<void> {
  await researchDb().delete(panelMembers).where(and(eq(panelMembers.pseudonym, pseudonym), eq(panelMembers.panelId, panelId)));
}

/** Deletes everything the research store holds under a pseudonym (a withdrawal that asks for it). */
export async function deleteResearchRows(pseudonym: Pseudonym): Promise<void> {
  await researchDb().transaction(async (tx) => {
    await tx.delete(panelMembers).where(eq(panelMembers.pseudonym, pseudonym));
    await tx.delete(sessionParticipation).where(eq(sessionParticipation.pseudonym, pseudonym));
    await tx.delete(participantProfiles).where(eq(participantProfiles.pseudonym, pseudonym));
  });
}
