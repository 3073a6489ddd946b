import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { researchDb } from '#db/research/client';
import { publishedReports, type PublishedReport } from '#db/research/schema';
import { queryRows } from '#db/store';

export interface PublishInput {
  quarter: string;
  programme: string;
  level: string;
  /** The report as built, every number already through disclosure control. */
  report: unknown;
  note: string;
}

/**
 * Publishes a report as the next version of its quarter, programme and level, in one transaction
 * under a lock on that key, so two administrators publishing at once get versions 1 and 2, never two 1s.
 */
export async function publishReport(input: PublishInput): Promise<PublishedReport> {
  return researchDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`report:${input.quarter}:${input.programme}:${input.level}`}))`);
    const [latest] = await queryRows<{ version: number }>(
      tx,
      sql`select coalesce(max(version), 0)::int as version from published_reports where quarter = ${input.quarter} and programme = ${input.programme} and level = ${input.level}`,
    );
    const [row] = await tx
      .insert(publishedReports)
      .values({ quarter: input.quarter, programme: input.programme, level: input.level, version: (latest?.version ?? 0) + 1, report: input.report, note: input.note })
      .returning();
    return row!;
  });
}

export async function latestVersion(key: { quarter: string; programme: string; level: string }): Promise<number> {
  const rows = await researchDb()
    .select({ version: publishedReports.version })
    .from(publishedReports)
    .where(and(eq(publishedReports.quarter, key.quarter), eq(publishedReports.programme, key.programme), eq(publishedReports.level, key.level)))
    .orderBy(desc(publishedReports.version))
    .limit(1);
  return rows[0]?.version ?? 0;
}

export type PublishedSummary = Omit<PublishedReport, 'report'> & { latest: boolean };

/** Every published version, newest quarter first, the latest version of each first. */
export async function listPublished(): Promise<PublishedSummary[]> {
  const rows = await queryRows<PublishedSummary>(
    researchDb(),
    sql`select id, quarter, programme, level, version, note, published_at as "publishedAt",
          version = max(version) over (partition by quarter, programme, level) as latest
        from published_reports order by quarter desc, programme, level, version desc`,
  );
  return rows.map((row) => ({ ...row, publishedAt: new Date(row.publishedAt) }));
}

export async function getPublished(id: string): Promise<(PublishedReport & { latestId: string }) | undefined> {
  if (!z.string().uuid().safeParse(id).success) return undefined;
  const [row] = await researchDb().select().from(publishedReports).where(eq(publishedReports.id, id));
  if (!row) return undefined;
  const [latest] = await researchDb()
    .select({ id: publishedReports.id })
    .from(publishedReports)
    .where(and(eq(publishedReports.quarter, row.quarter), eq(publishedReports.programme, row.programme), eq(publishedReports.level, row.level)))
    .orderBy(desc(publishedReports.version))
    .limit(1);
  return { ...row, latestId: latest!.id };
}
