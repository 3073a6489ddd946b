import { eq } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { localAuthorities, programmeFootprints } from '#db/research/schema';

/** Each programme's footprint as set (a programme with none set is absent: it counts every authority). */
export async function listFootprints(): Promise<Map<string, Set<string>>> {
  const rows = await researchDb().select().from(programmeFootprints);
  const footprints = new Map<string, Set<string>>();
  for (const row of rows) footprints.set(row.programmeCode, (footprints.get(row.programmeCode) ?? new Set()).add(row.laCode));
  return footprints;
}

/**
 * The authorities a report on a programme (or all, null) compares against: the programme's
 * footprint, or for all programmes the authorities any works in. Null means every authority: a
 * programme's footprint counts every authority until an administrator sets it.
 */
export async function footprintOf(programme: string | null): Promise<Set<string> | null> {
  const footprints = await listFootprints();
  const programmes = programme ? [programme] : PROGRAMME_CODES;
  if (programmes.some((code) => !footprints.has(code))) return null;
  return new Set(programmes.flatMap((code) => [...footprints.get(code)!]));
}

export type FootprintResult = { ok: true; count: number } | { ok: false; field: string; message: string };

/** Sets a programme's footprint, all or nothing; no authorities at all clears it (every authority counts again). */
export async function setFootprint({ programme, laCodes }: { programme: string; laCodes: readonly string[] }): Promise<FootprintResult> {
  if (!(PROGRAMME_CODES as readonly string[]).includes(programme)) return { ok: false, field: 'programme', message: 'Choose a programme from the list' };
  return researchDb().transaction(async (tx) => {
    const known = new Set((await tx.select({ code: localAuthorities.code }).from(localAuthorities)).map((row) => row.code));
    const unknown = laCodes.filter((code) => !known.has(code));
    if (unknown.length > 0) return { ok: false as const, field: 'laCodes', message: 'Choose local authorities from the list' };
    await tx.delete(programmeFootprints).where(eq(programmeFootprints.programmeCode, programme));
    const unique = [...new Set(laCodes)];
    if (unique.length > 0) await tx.insert(programmeFootprints).values(unique.map((laCode) => ({ programmeCode: programme, laCode })));
    return { ok: true as const, count: unique.length };
  });
}
