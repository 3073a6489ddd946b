import { asc, eq, inArray, sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { ehsgAssessments, localAuthorities, supportedAuthorities, type EhsgAssessment } from '#db/research/schema';

export const EHSG_SURVEY = 'ehsg-family-voice';

/** The authorities given direct support. */
export async function listSupported(): Promise<Set<string>> {
  return new Set((await researchDb().select({ laCode: supportedAuthorities.laCode }).from(supportedAuthorities)).map((row) => row.laCode));
}

export type SetSupportedResult = { ok: true; count: number } | { ok: false; message: string };

/** Sets which authorities are given direct support, all or nothing; one already supported keeps its start day. */
export async function setSupported(laCodes: readonly string[]): Promise<SetSupportedResult> {
  const unique = [...new Set(laCodes)];
  return researchDb().transaction(async (tx) => {
    if (unique.length > 0) {
      const known = await tx.select({ code: localAuthorities.code }).from(localAuthorities).where(inArray(localAuthorities.code, unique));
      if (known.length !== unique.length) return { ok: false as const, message: 'Choose local authorities from the list' };
    }
    await tx.delete(supportedAuthorities).where(unique.length > 0 ? sql`${supportedAuthorities.laCode} <> all(${`{${unique.join(',')}}`}::text[])` : sql`true`);
    if (unique.length > 0) await tx.insert(supportedAuthorities).values(unique.map((laCode) => ({ laCode }))).onConflictDoNothing();
    return { ok: true as const, count: unique.length };
  });
}

/** Records (or, within the same quarter, replaces) an authority's self-assessment. */
export async function recordAssessment(input: { laCode: string; quarter: string; surveyVersion: number; answers: Record<string, unknown>; score: number }): Promise<void> {
  await researchDb()
    .insert(ehsgAssessments)
    .values(input)
    .onConflictDoUpdate({
      target: [ehsgAssessments.laCode, ehsgAssessments.quarter],
      set: { answers: input.answers, score: input.score, surveyVersion: input.surveyVersion, recordedOn: sql`date_trunc('day', now(), 'Europe/London')` },
    });
}

/** An authority's self-assessments, oldest (the baseline) first. */
export async function assessmentsFor(laCode: string): Promise<EhsgAssessment[]> {
  return researchDb().select().from(ehsgAssessments).where(eq(ehsgAssessments.laCode, laCode)).orderBy(asc(ehsgAssessments.quarter));
}

export interface AuthorityProgress {
  laCode: string;
  name: string;
  regionCode: string;
  supported: boolean;
  assessments: number;
  baseline: { quarter: string; score: number } | null;
  latest: { quarter: string; score: number } | null;
}

/**
 * Each authority's baseline (its first self-assessment) and latest, for the authorities asked for
 * (all that are supported or have assessed, when none are named), worked out in SQL.
 */
export async function authorityProgress(laCodes?: readonly string[]): Promise<AuthorityProgress[]> {
  const only = laCodes ? sql`and la.code = any(${`{${laCodes.join(',')}}`}::text[])` : sql``;
  const rows = await queryRows<{
    la_code: string;
    name: string;
    region_code: string;
    supported: boolean;
    assessments: number;
    baseline_quarter: string | null;
    baseline_score: number | null;
    latest_quarter: string | null;
    latest_score: number | null;
  }>(
    researchDb(),
    sql`select la.code as la_code, la.name, la.region_code, (s.la_code is not null) as supported,
          (select count(*)::int from ehsg_assessments a where a.la_code = la.code) as assessments,
          b.quarter as baseline_quarter, b.score as baseline_score, l.quarter as latest_quarter, l.score as latest_score
        from local_authorities la
        left join supported_authorities s on s.la_code = la.code
        left join lateral (select quarter, score from ehsg_assessments a where a.la_code = la.code order by quarter asc limit 1) b on true
        left join lateral (select quarter, score from ehsg_assessments a where a.la_code = la.code order by quarter desc limit 1) l on true
        where ${laCodes ? sql`true ${only}` : sql`(s.la_code is not null or b.quarter is not null)`}
        order by la.name`,
  );
  return rows.map((row) => ({
    laCode: row.la_code,
    name: row.name,
    regionCode: row.region_code,
    supported: row.supported,
    assessments: row.assessments,
    baseline: row.baseline_quarter ? { quarter: row.baseline_quarter, score: Number(row.baseline_score) } : null,
    latest: row.latest_quarter ? { quarter: row.latest_quarter, score: Number(row.latest_score) } : null,
  }));
}
