import { inArray } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { localAuthorities, programmes, regions } from '#db/research/schema';

/** Names for region, programme and local authority codes, read from the reference data. */
export async function describeScope({
  regionCodes,
  programmeCodes,
  laCodes,
}: {
  regionCodes: string[];
  programmeCodes: string[];
  laCodes: string[];
}): Promise<{ regions: string[]; programmes: string[]; localAuthorities: string[] }> {
  const db = researchDb();
  const [regionRows, programmeRows, laRows] = await Promise.all([
    regionCodes.length ? db.select({ name: regions.name }).from(regions).where(inArray(regions.code, regionCodes)).orderBy(regions.name) : [],
    programmeCodes.length
      ? db.select({ name: programmes.name }).from(programmes).where(inArray(programmes.code, programmeCodes)).orderBy(programmes.name)
      : [],
    laCodes.length
      ? db.select({ name: localAuthorities.name }).from(localAuthorities).where(inArray(localAuthorities.code, laCodes)).orderBy(localAuthorities.name)
      : [],
  ]);
  return {
    regions: regionRows.map((row) => row.name),
    programmes: programmeRows.map((row) => row.name),
    localAuthorities: laRows.map((row) => row.name),
  };
}

/** Upper-tier local authorities, optionally only those in the given regions, by name. */
export async function listLocalAuthorities({ regionCodes }: { regionCodes?: string[] } = {}) {
  const db = researchDb();
  const query = db.select({ code: localAuthorities.code, name: localAuthorities.name, regionCode: localAuthorities.regionCode }).from(localAuthorities);
  const rows = regionCodes ? await query.where(inArray(localAuthorities.regionCode, regionCodes)) : await query;
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export async function listProgrammes() {
  return researchDb().select({ code: programmes.code, name: programmes.name }).from(programmes).orderBy(programmes.name);
}

export async function listRegions() {
  return researchDb().select().from(regions).orderBy(regions.name);
}
