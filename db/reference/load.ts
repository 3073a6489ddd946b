import { sql } from 'drizzle-orm';
import type { ResearchDb } from '../research/client';
import { codes, localAuthorities, programmes, referencePopulations, regions } from '../research/schema';
import { SEED_CODEBOOK } from './codebook';
import { readRuralUrban, readUpperTierLocalAuthorities } from './files';
import { referencePopulations as readReferencePopulations } from './populations';
import { PROGRAMMES } from './programmes';

/**
 * Loads regions, upper-tier local authorities and programmes into the research store. Idempotent:
 * rows are upserted by code, so running it on every migrate keeps names current and adds nothing twice.
 */
export async function loadReferenceData(db: ResearchDb): Promise<{ regions: number; localAuthorities: number; programmes: number }> {
  const las = readUpperTierLocalAuthorities();
  const ruralUrban = new Map(readRuralUrban().map((row) => [row.la_code, row.ruc11_broad || null]));
  const regionRows = [...new Map(las.map((la) => [la.region_code, { code: la.region_code, name: la.region_name }])).values()];
  const laRows = las.map((la) => ({
    code: la.la_code,
    name: la.la_name,
    regionCode: la.region_code,
    laType: la.la_type,
    ruralUrban: ruralUrban.get(la.la_code) ?? null,
  }));

  await db.transaction(async (tx) => {
    await tx
      .insert(regions)
      .values(regionRows)
      .onConflictDoUpdate({ target: regions.code, set: { name: sql`excluded.name` } });
    await tx
      .insert(localAuthorities)
      .values(laRows)
      .onConflictDoUpdate({
        target: localAuthorities.code,
        set: {
          name: sql`excluded.name`,
          regionCode: sql`excluded.region_code`,
          laType: sql`excluded.la_type`,
          ruralUrban: sql`excluded.rural_urban`,
        },
      });
    await tx
      .insert(programmes)
      .values([...PROGRAMMES])
      .onConflictDoUpdate({
        target: programmes.code,
        set: { name: sql`excluded.name`, department: sql`excluded.department` },
      });
    // Rebuilt from the files each time: they are the only source, and a correction to them must win.
    const populations = readReferencePopulations();
    await tx.delete(referencePopulations);
    for (let start = 0; start < populations.length; start += 1000) await tx.insert(referencePopulations).values(populations.slice(start, start + 1000));
    // The seed codebook is added once: analysts' renames, merges and retirements are never undone.
    for (const seed of SEED_CODEBOOK) {
      await tx
        .insert(codes)
        .values({
          seedKey: seed.code,
          name: seed.label,
          description: seed.description,
          terms: seed.terms,
          parentId: seed.parent ? sql`(select id from codes where seed_key = ${seed.parent})` : null,
        })
        .onConflictDoNothing();
    }
  });
  return { regions: regionRows.length, localAuthorities: laRows.length, programmes: PROGRAMMES.length };
}
