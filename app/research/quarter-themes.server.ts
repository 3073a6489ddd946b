import { and, eq, like, ne, sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { codes, quarterThemes } from '#db/research/schema';
import { queryRows } from '#db/store';

/** Annex A's example themes, one a quarter until an administrator chooses (seed codebook keys). */
const DEFAULT_THEMES: Record<string, string> = { Q1: 'send', Q2: 'mental-health', Q3: 'access-barriers', Q4: 'workforce' };

export interface QuarterThemeChoice {
  quarter: string;
  codeId: string | null;
  name: string | null;
  earlyYears: boolean;
  /** Not chosen yet: Annex A's default for the quarter. */
  isDefault: boolean;
}

/** The quarters' themes, chosen or by default; a code since merged is followed to where it went. */
export async function themesOfQuarters(quarterKeys: string[]): Promise<Map<string, QuarterThemeChoice>> {
  const rows = await queryRows<{ quarter: string; codeId: string; name: string; earlyYears: boolean }>(
    researchDb(),
    sql`select q.quarter, coalesce(m.id, c.id) as "codeId", coalesce(m.name, c.name) as name, q.early_years as "earlyYears"
        from quarter_themes q join codes c on c.id = q.code_id left join codes m on m.id = c.merged_into`,
  );
  const defaults = await queryRows<{ seedKey: string; id: string; name: string }>(
    researchDb(),
    sql`select c.seed_key as "seedKey", coalesce(m.id, c.id) as id, coalesce(m.name, c.name) as name from codes c left join codes m on m.id = c.merged_into where c.seed_key is not null`,
  );
  const chosen = new Map(rows.map((row) => [row.quarter, row]));
  return new Map<string, QuarterThemeChoice>(
    quarterKeys.map((quarter): [string, QuarterThemeChoice] => {
      const row = chosen.get(quarter);
      if (row) return [quarter, { quarter, codeId: row.codeId, name: row.name, earlyYears: row.earlyYears, isDefault: false }];
      const fallback = defaults.find((entry) => entry.seedKey === DEFAULT_THEMES[quarter.slice(-2)]);
      return [quarter, { quarter, codeId: fallback?.id ?? null, name: fallback?.name ?? null, earlyYears: false, isDefault: true }];
    }),
  );
}

/**
 * Sets a quarter's theme and whether it is the year's 0–2 quarter. Only one quarter a financial year
 * has that focus (spec 5.16), so flagging one clears the others in the same year, in one transaction.
 */
export async function setQuarterTheme({ quarter, codeId, earlyYears }: { quarter: string; codeId: string; earlyYears: boolean }): Promise<{ ok: true } | { ok: false; field: string; message: string }> {
  return researchDb().transaction(async (tx) => {
    const [code] = await tx.select({ status: codes.status }).from(codes).where(eq(codes.id, codeId));
    if (!code || code.status !== 'active') return { ok: false, field: `codeId-${quarter}`, message: 'Choose a code that is in use' };
    if (earlyYears) await tx.update(quarterThemes).set({ earlyYears: false }).where(and(like(quarterThemes.quarter, `${quarter.slice(0, 7)}-Q%`), ne(quarterThemes.quarter, quarter)));
    await tx
      .insert(quarterThemes)
      .values({ quarter, codeId, earlyYears })
      .onConflictDoUpdate({ target: quarterThemes.quarter, set: { codeId, earlyYears, updatedAt: sql`now()` } });
    return { ok: true };
  });
}
