import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { researchDb, type ResearchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { codeEvents, codes, codeSuggestions, emergingThemes, excerptCodes, type Code, type CodeEvent } from '#db/research/schema';

export class CodebookError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export { mergeCodeSchema, newCodeSchema, renameCodeSchema, type NewCodeInput } from './code-schemas';
import type { NewCodeInput } from './code-schemas';

export interface CodeWithCount extends Code {
  excerpts: number;
  depth: number;
}

/** The codebook as a tree in reading order (parents before their children), each with how many excerpts it codes. */
export async function listCodebook({ includeMerged = false }: { includeMerged?: boolean } = {}): Promise<CodeWithCount[]> {
  const rows = await researchDb()
    .select({ code: codes, excerpts: sql<number>`(select count(*)::int from excerpt_codes ec where ec.code_id = ${codes.id})` })
    .from(codes)
    .where(includeMerged ? undefined : ne(codes.status, 'merged'))
    .orderBy(asc(codes.createdAt), asc(codes.name));
  const children = new Map<string | null, typeof rows>();
  const present = new Set(rows.map((row) => row.code.id));
  for (const row of rows) {
    const parent = row.code.parentId && present.has(row.code.parentId) ? row.code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const ordered: CodeWithCount[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push({ ...row.code, excerpts: row.excerpts, depth });
      walk(row.code.id, depth + 1);
    }
  };
  walk(null, 0);
  return ordered;
}

export async function getCode(id: string): Promise<Code | undefined> {
  if (!z.string().uuid().safeParse(id).success) return undefined;
  const [code] = await researchDb().select().from(codes).where(eq(codes.id, id));
  return code;
}

export async function codeHistory(id: string): Promise<CodeEvent[]> {
  return researchDb().select().from(codeEvents).where(eq(codeEvents.codeId, id)).orderBy(asc(codeEvents.at));
}

export type Tx = Parameters<Parameters<ResearchDb['transaction']>[0]>[0];

async function nameTaken(tx: Tx, candidate: string, except?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: codes.id })
    .from(codes)
    .where(and(sql`lower(${codes.name}) = lower(${candidate})`, ne(codes.status, 'merged'), except ? ne(codes.id, except) : undefined));
  return rows.length > 0;
}

async function liveCode(tx: Tx, id: string, field: string): Promise<Code> {
  const [code] = await tx.select().from(codes).where(eq(codes.id, id)).for('update');
  if (!code || code.status === 'merged') throw new CodebookError(field, 'That code is no longer in the codebook');
  return code;
}

/** Adds a code, under a parent if given. Names are unique (ignoring case) among codes not merged away. */
export async function addCode(input: NewCodeInput & { terms?: string[] }): Promise<Code> {
  return researchDb().transaction((tx) => insertCode(tx, input));
}

/** addCode inside a caller's transaction (turning a theme into a code writes more with it). */
export async function insertCode(tx: Tx, input: NewCodeInput & { terms?: string[]; fromTheme?: string }): Promise<Code> {
  if (input.parentId) {
    const parent = await liveCode(tx, input.parentId, 'parentId');
    if (parent.status !== 'active') throw new CodebookError('parentId', 'A retired code cannot have new codes under it');
  }
  if (await nameTaken(tx, input.name)) throw new CodebookError('name', `There is already a code called ${input.name}`);
  const [code] = await tx
    .insert(codes)
    .values({ name: input.name, description: input.description, parentId: input.parentId ?? null, terms: input.terms ?? [] })
    .returning();
  await tx.insert(codeEvents).values({ codeId: code!.id, kind: 'created', details: input.fromTheme ? { fromTheme: input.fromTheme } : {} });
  return code!;
}

export async function renameCode(id: string, newName: string): Promise<Code> {
  return researchDb().transaction(async (tx) => {
    const code = await liveCode(tx, id, 'name');
    if (code.name === newName) return code;
    if (await nameTaken(tx, newName, id)) throw new CodebookError('name', `There is already a code called ${newName}`);
    const [renamed] = await tx.update(codes).set({ name: newName }).where(eq(codes.id, id)).returning();
    await tx.insert(codeEvents).values({ codeId: id, kind: 'renamed', details: { from: code.name, to: newName } });
    return renamed!;
  });
}

/** Retires a code (it stays on the excerpts it codes, but is no longer offered) or brings it back. */
export async function setCodeRetired(id: string, retired: boolean): Promise<Code> {
  return researchDb().transaction(async (tx) => {
    const code = await liveCode(tx, id, 'status');
    const status = retired ? 'retired' : 'active';
    if (code.status === status) return code;
    const [changed] = await tx.update(codes).set({ status }).where(eq(codes.id, id)).returning();
    // Suggestions of a retired code would ask analysts to apply something they no longer can.
    if (retired) await tx.delete(codeSuggestions).where(and(eq(codeSuggestions.codeId, id), eq(codeSuggestions.status, 'open')));
    await tx.insert(codeEvents).values({ codeId: id, kind: retired ? 'retired' : 'reinstated' });
    return changed!;
  });
}

/**
 * Merges one code into another: its excerpts move across (an excerpt coded with both keeps one),
 * its children move under the target, and it stays in the codebook as merged, pointing at the
 * target, with the event in both codes' history. Merging into itself or into one of its own
 * descendants is refused (the tree would loop).
 */
export async function mergeCode(id: string, targetId: string): Promise<{ moved: number }> {
  if (id === targetId) throw new CodebookError('targetId', 'A code cannot be merged into itself');
  return researchDb().transaction(async (tx) => {
    const code = await liveCode(tx, id, 'targetId');
    const target = await liveCode(tx, targetId, 'targetId');
    const ancestors = await queryRows<{ id: string }>(tx, sql`
      with recursive up(id, parent_id) as (
        select id, parent_id from codes where id = ${target.id}
        union all select c.id, c.parent_id from codes c join up on c.id = up.parent_id
      ) select id from up`);
    if (ancestors.some((row) => row.id === code.id)) throw new CodebookError('targetId', `${target.name} is under ${code.name}, so ${code.name} cannot be merged into it`);
    const moved = await tx.$count(excerptCodes, eq(excerptCodes.codeId, code.id));
    await tx.execute(sql`
      insert into excerpt_codes (excerpt_id, code_id, origin, coded_at)
      select excerpt_id, ${target.id}, origin, coded_at from excerpt_codes where code_id = ${code.id}
      on conflict do nothing`);
    await tx.delete(excerptCodes).where(eq(excerptCodes.codeId, code.id));
    // Any excerpt whose codes changed is a new version, so an analyst's open form sees it.
    await tx.execute(sql`update excerpts set coding_version = coding_version + 1 where id in (select excerpt_id from excerpt_codes where code_id = ${target.id})`);
    await tx.execute(sql`
      insert into code_suggestions (excerpt_id, code_id, confidence, status)
      select excerpt_id, ${target.id}, confidence, status from code_suggestions where code_id = ${code.id}
      on conflict do nothing`);
    await tx.delete(codeSuggestions).where(eq(codeSuggestions.codeId, code.id));
    await tx.update(emergingThemes).set({ codeId: target.id }).where(eq(emergingThemes.codeId, code.id));
    await tx.update(codes).set({ parentId: target.id }).where(eq(codes.parentId, code.id));
    await tx.update(codes).set({ status: 'merged', mergedInto: target.id }).where(eq(codes.id, code.id));
    await tx.insert(codeEvents).values([
      { codeId: code.id, kind: 'merged-into', details: { codeId: target.id, name: target.name } },
      { codeId: target.id, kind: 'merged-from', details: { codeId: code.id, name: code.name, excerpts: moved } },
    ]);
    return { moved };
  });
}

/** Codes an analyst may apply now: active ones, in tree order. */
export async function applicableCodes(): Promise<CodeWithCount[]> {
  return (await listCodebook()).filter((code) => code.status === 'active');
}

