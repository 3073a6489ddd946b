import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { researchDb } from '#db/research/client';
import { codes, codeSuggestions, emergingThemeExcerpts, emergingThemes, type Code } from '#db/research/schema';
import { queryRows } from '#db/store';
import { CodebookError, insertCode, type NewCodeInput } from './codebook.server';

/** What the suggester learns from and works on: coded excerpts (one row per code) and the newest uncoded ones. */
export async function suggestionInput({ uncodedLimit }: { uncodedLimit: number }): Promise<{
  coded: { id: string; text: string; codeId: string }[];
  uncoded: { id: string; text: string }[];
  codebook: { codeId: string; description: string; terms: string[] }[];
}> {
  const db = researchDb();
  const [coded, uncoded, codebook] = await Promise.all([
    queryRows<{ id: string; text: string; codeId: string }>(
      db,
      sql`select e.id, e.text, ec.code_id as "codeId" from excerpt_codes ec join excerpts e on e.id = ec.excerpt_id join codes c on c.id = ec.code_id where c.status = 'active' order by e.id, ec.code_id`,
    ),
    queryRows<{ id: string; text: string }>(
      db,
      sql`select e.id, e.text from excerpts e where not exists (select 1 from excerpt_codes ec where ec.excerpt_id = e.id) order by e.occurred_on desc, e.id desc limit ${uncodedLimit}`,
    ),
    db.select({ codeId: codes.id, name: codes.name, description: codes.description, terms: codes.terms }).from(codes).where(eq(codes.status, 'active')).orderBy(asc(codes.id)),
  ]);
  return { coded, uncoded, codebook: codebook.map((code) => ({ codeId: code.codeId, description: `${code.name}. ${code.description}`, terms: code.terms })) };
}

/**
 * Replaces the open suggestions and the open emerging themes with a new run's, in one transaction.
 * Rejected suggestions stay, and are not offered again.
 */
export async function saveSuggestionRun({
  suggestions,
  themes,
}: {
  suggestions: { excerptId: string; codeId: string; confidence: number }[];
  themes: { topTerms: string[]; size: number; excerptIds: string[] }[];
}): Promise<void> {
  await researchDb().transaction(async (tx) => {
    await tx.delete(codeSuggestions).where(eq(codeSuggestions.status, 'open'));
    for (let start = 0; start < suggestions.length; start += 1000) {
      const batch = suggestions.slice(start, start + 1000).map((row) => ({ ...row, origin: 'model' }));
      if (batch.length > 0) await tx.insert(codeSuggestions).values(batch).onConflictDoNothing();
    }
    await tx.delete(emergingThemes).where(eq(emergingThemes.status, 'open'));
    for (const theme of themes) {
      const [saved] = await tx.insert(emergingThemes).values({ topTerms: theme.topTerms, size: theme.size }).returning({ id: emergingThemes.id });
      if (theme.excerptIds.length > 0) await tx.insert(emergingThemeExcerpts).values(theme.excerptIds.map((excerptId, rank) => ({ themeId: saved!.id, excerptId, rank })));
    }
  });
}

export interface ThemeSummary {
  id: string;
  topTerms: string[];
  size: number;
  examples: { id: string; text: string }[];
}

/** The open emerging themes, largest first, each with the excerpts nearest its centre. */
export async function openThemes({ examples = 3 }: { examples?: number } = {}): Promise<ThemeSummary[]> {
  const db = researchDb();
  const themes = await db.select().from(emergingThemes).where(eq(emergingThemes.status, 'open')).orderBy(desc(emergingThemes.size), asc(emergingThemes.id));
  if (themes.length === 0) return [];
  const nearest = await queryRows<{ themeId: string; id: string; text: string }>(
    db,
    sql`select m.theme_id as "themeId", e.id, e.text from emerging_theme_excerpts m join excerpts e on e.id = m.excerpt_id
        where m.theme_id in (${sql.join(themes.map((theme) => sql`${theme.id}`), sql`, `)}) and m.rank < ${examples} order by m.theme_id, m.rank`,
  );
  return themes.map((theme) => ({ id: theme.id, topTerms: theme.topTerms, size: theme.size, examples: nearest.filter((row) => row.themeId === theme.id).map(({ id, text }) => ({ id, text })) }));
}

export async function openSuggestionCount(): Promise<number> {
  return researchDb().$count(codeSuggestions, and(eq(codeSuggestions.status, 'open'), sql`not exists (select 1 from excerpt_codes ec where ec.excerpt_id = ${codeSuggestions.excerptId})`));
}

/**
 * Turns an emerging theme into a code, in one transaction: the code (named by the analyst, its
 * expected words the theme's top terms) and, for each excerpt in the theme, a suggestion of the new
 * code for an analyst to accept or reject. Nothing is coded without a person.
 */
export async function adoptTheme(themeId: string, input: NewCodeInput): Promise<{ code: Code; suggested: number }> {
  if (!z.string().uuid().safeParse(themeId).success) throw new CodebookError('name', 'That theme could not be found');
  return researchDb().transaction(async (tx) => {
    const [theme] = await tx.select().from(emergingThemes).where(eq(emergingThemes.id, themeId)).for('update');
    if (!theme) throw new CodebookError('name', 'That theme could not be found: suggestions may have been refreshed since');
    if (theme.status !== 'open') throw new CodebookError('name', 'That theme has already been made into a code');
    const code = await insertCode(tx, { ...input, terms: theme.topTerms, fromTheme: theme.topTerms.join(', ') });
    const members = await tx.select({ excerptId: emergingThemeExcerpts.excerptId }).from(emergingThemeExcerpts).where(eq(emergingThemeExcerpts.themeId, themeId));
    const uncoded = members.length
      ? await queryRows<{ id: string }>(tx, sql`select id from excerpts e where e.id in (${sql.join(members.map((m) => sql`${m.excerptId}`), sql`, `)}) and not exists (select 1 from excerpt_codes ec where ec.excerpt_id = e.id)`)
      : [];
    for (let start = 0; start < uncoded.length; start += 1000) {
      await tx
        .insert(codeSuggestions)
        .values(uncoded.slice(start, start + 1000).map((row) => ({ excerptId: row.id, codeId: code.id, confidence: null, origin: 'theme' })))
        .onConflictDoNothing();
    }
    await tx.update(emergingThemes).set({ status: 'adopted', codeId: code.id }).where(eq(emergingThemes.id, themeId));
    return { code, suggested: uncoded.length };
  });
}

export interface CodeBreakdown {
  total: number;
  quotable: number;
  bySource: { source: string; count: number }[];
  byProgramme: { code: string; name: string; count: number }[];
  byRegion: { code: string | null; name: string | null; count: number }[];
}

/** How many excerpts a code has, by source, programme and region: SQL aggregates. */
export async function codeBreakdown(codeId: string): Promise<CodeBreakdown> {
  const db = researchDb();
  const coded = sql`excerpts e join excerpt_codes ec on ec.excerpt_id = e.id and ec.code_id = ${codeId}`;
  const [totals, bySource, byProgramme, byRegion] = await Promise.all([
    queryRows<{ total: number; quotable: number }>(db, sql`select count(*)::int as total, count(*) filter (where e.quotable)::int as quotable from ${coded}`),
    queryRows<{ source: string; count: number }>(db, sql`select e.source, count(*)::int as count from ${coded} group by e.source order by e.source`),
    queryRows<{ code: string; name: string; count: number }>(
      db,
      sql`select p.code, p.name, count(*)::int as count from ${coded} cross join lateral unnest(e.programme_codes) as pc(code) join programmes p on p.code = pc.code group by p.code, p.name order by count desc, p.name`,
    ),
    queryRows<{ code: string | null; name: string | null; count: number }>(
      db,
      sql`select r.code, r.name, count(*)::int as count from ${coded} left join regions r on r.code = e.region_code group by r.code, r.name order by count desc, r.name nulls last`,
    ),
  ]);
  return { total: totals[0]?.total ?? 0, quotable: totals[0]?.quotable ?? 0, bySource, byProgramme, byRegion };
}

