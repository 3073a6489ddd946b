import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as identitySchema from '#db/identity/schema';
import * as researchSchema from '#db/research/schema';
import { describe, expect, it } from 'vitest';
import { migrateStores } from '#db/bootstrap';
import { identityDb } from '#db/identity/client';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { localAuthorities, programmes, regions } from '#db/research/schema';
import { checkHealth } from '~/health.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

/** The table names a drizzle schema module declares, sorted. */
const schemaTables = (schema: Record<string, unknown>) =>
  Object.values(schema)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableName(table))
    .sort();

async function tableNames(db: ReturnType<typeof identityDb> | ReturnType<typeof researchDb>): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rows.map((row) => row.table_name).sort();
}

describe(`the two stores (${testStoreKind})`, () => {
  it('hold exactly their own schema’s tables and none of the other’s', async () => {
    const identity = await tableNames(identityDb());
    const research = await tableNames(researchDb());
    expect(identity).toEqual(schemaTables(identitySchema));
    expect(research).toEqual(schemaTables(researchSchema));
    expect(identity.filter((table) => research.includes(table))).toEqual([]);
    expect(identity).toEqual(expect.arrayContaining(['staff_users', 'participants', 'consents', 'audit_events']));
    expect(research).toEqual(expect.arrayContaining(['regions', 'survey_responses', 'participant_profiles']));
  });

  it('load the reference data, and loading again changes nothing', async () => {
    const counts = async () => ({
      regions: await researchDb().$count(regions),
      localAuthorities: await researchDb().$count(localAuthorities),
      programmes: await researchDb().$count(programmes),
    });
    expect(await counts()).toEqual({ regions: 9, localAuthorities: 153, programmes: 5 });
    await migrateStores();
    expect(await counts()).toEqual({ regions: 9, localAuthorities: 153, programmes: 5 });
  });

  it('keep each local authority’s region, type and rural/urban class', async () => {
    const [manchester] = await researchDb().select().from(localAuthorities).where(sql`code = 'E08000003'`);
    expect(manchester).toEqual({
      code: 'E08000003',
      name: 'Manchester',
      regionCode: 'E12000002',
      laType: 'Metropolitan district',
      ruralUrban: 'Predominantly Urban',
    });
    const unclassified = await researchDb().$count(localAuthorities, sql`rural_urban is null`);
    expect(unclassified).toBe(27);
    const byRegion = await researchDb()
      .select({ name: regions.name, count: sql<number>`count(*)::int` })
      .from(localAuthorities)
      .innerJoin(regions, sql`${regions.code} = ${localAuthorities.regionCode}`)
      .groupBy(regions.name)
      .orderBy(regions.name);
    expect(Object.fromEntries(byRegion.map((row) => [row.name, row.count]))).toMatchObject({ London: 33, 'North West': 24, 'East Midlands': 10 });
  });

  it('report healthy while both answer', async () => {
    expect(await checkHealth()).toMatchObject({ status: 'ok', stores: { identity: 'up', research: 'up' }, surveys: { unavailable: [] } });
  });
});
