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
