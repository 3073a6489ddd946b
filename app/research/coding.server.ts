import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { researchDb } from '#db/research/client';
import { codes, codeSuggestions, excerptCodes, excerpts } from '#db/research/schema';
import { queryRows } from '#db/store';
import type { QueueFilters } from './queue-filters';

export const QUEUE_PAGE_SIZE = 20;
/** Counting every match of a broad filter over a million excerpts costs more than the page; past this the queue says "more than". */
export const COUNT_CAP = 1_000;

export interface QueueItem {
  id: string;
  source: 'survey' | 'transcript';
  surveyId: string | null;
  question: string | null;
  sessionId: string | null;
  sessionTitle: string | null;
  speaker: string | null;
  text: string;
  occurredOn: Date;
  regionName: string | null;
  laName: string | null;
  quotable: boolean;
  codes: string[];
  suggestions: number;
}

function quarterRange(key: string): { from: Date; to: Date } {
  const start = DateTime.fromFormat(key, 'yyyy-MM', { zone: 'Europe/London' }).startOf('quarter');
  return { from: start.toJSDate(), to: start.plus({ quarters: 1 }).toJSDate() };
}

/** The filters as SQL conditions on `e` (excerpts). */
function conditions(filters: QueueFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.quarter) {
    const { from, to } = quarterRange(filters.quarter);
    where.push(sql`e.occurred_on >= ${from.toISOString()}::timestamptz and e.occurred_on < ${to.toISOString()}::timestamptz`);
  }
  if (filters.programme) where.push(sql`e.programme_codes @> array[${filters.programme}]::text[]`);
  if (filters.region) where.push(sql`e.region_code = ${filters.region}`);
  if (filters.question) {
    const [surveyId, question] = filters.question.split('/');
    where.push(sql`e.survey_id = ${surveyId} and e.question = ${question}`);
  }
  if (filters.session) where.push(sql`e.session_id = ${filters.session}`);
  if (filters.source) where.push(sql`e.source = ${filters.source}`);
  if (filters.status === 'uncoded') where.push(sql`not exists (select 1 from excerpt_codes ec where ec.excerpt_id = e.id)`);
  if (filters.status === 'coded') where.push(sql`exists (select 1 from excerpt_codes ec where ec.excerpt_id = e.id)`);
  if (filters.code) where.push(sql`exists (select 1 from excerpt_codes ec where ec.excerpt_id = e.id and ec.code_id = ${filters.code})`);
  if (filters.q) where.push(sql`e.search @@ websearch_to_tsquery('english', ${filters.q})`);
  return where;
}

const whereClause = (parts: SQL[]) => (parts.length > 0 ? sql`where ${sql.join(parts, sql` and `)}` : sql``);

const ITEM_COLUMNS = sql`
  e.id, e.source, e.survey_id as "surveyId", e.question, e.session_id as "sessionId", ps.title as "sessionTitle",
  e.speaker, e.text, e.occurred_on as "occurredOn", r.name as "regionName", la.name as "laName", e.quotable,
  coalesce((select array_agg(c.name order by c.name) from excerpt_codes ec join codes c on c.id = ec.code_id where ec.excerpt_id = e.id), '{}') as codes,
  (select count(*)::int from code_suggestions cs where cs.excerpt_id = e.id and cs.status = 'open') as suggestions`;
const ITEM_JOINS = sql`
  left join panel_sessions ps on ps.id = e.session_id
  left join regions r on r.code = e.region_code
  left join local_authorities la on la.code = e.la_code`;

function item(row: QueueItem): QueueItem {
  return { ...row, occurredOn: new Date(row.occurredOn) };
}

/**
 * A page of the queue, newest first, with how many match (up to COUNT_CAP, then `more`). The count
 * comes first because it says which plan is fast: a filter matching few excerpts (a rare word, say)
 * is read whole through its indexes and sorted, while one matching many is read newest first down
 * the (day, id) index until the page is full. PostgreSQL cannot tell the two apart for words it has
 * no statistics on, and would otherwise walk the whole table looking for a word nobody used.
 */
export async function codingQueue(filters: QueueFilters): Promise<{ items: QueueItem[]; total: number; more: boolean }> {
  const where = whereClause(conditions(filters));
  const db = researchDb();
  const counted = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from excerpts e ${where} limit ${COUNT_CAP + 1}) matching`);
  const total = counted[0]?.n ?? 0;
  const offset = (filters.page - 1) * QUEUE_PAGE_SIZE;
  const page = sql`order by e.occurred_on desc, e.id desc limit ${QUEUE_PAGE_SIZE} offset ${offset}`;
  const items =
    total === 0
      ? []
      : total <= COUNT_CAP
        ? await queryRows<QueueItem>(db, sql`with matching as materialized (select e.id from excerpts e ${where}) select ${ITEM_COLUMNS} from excerpts e join matching m on m.id = e.id ${ITEM_JOINS} ${page}`)
        : await queryRows<QueueItem>(db, sql`select ${ITEM_COLUMNS} from excerpts e ${ITEM_JOINS} ${where} ${page}`);
  return { items: items.map(item), total: Math.min(total, COUNT_CAP), more: total > COUNT_CAP };
}

/** The excerpt after this one in the queue's order, under the same filters (null at the end). */
export async function nextInQueue(filters: QueueFilters, afterId: string): Promise<string | null> {
  const parts = conditions(filters);
  parts.push(sql`(e.occurred_on, e.id) < (select occurred_on, id from excerpts where id = ${afterId})`);
  const rows = await queryRows<{ id: string }>(researchDb(), sql`select e.id from excerpts e ${whereClause(parts)} order by e.occurred_on desc, e.id desc limit 1`);
  return rows[0]?.id ?? null;
}

export interface ExcerptForCoding extends Omit<QueueItem, 'codes' | 'suggestions'> {
  codingVersion: number;
  codes: { id: string; name: string; status: string; origin: string }[];
  suggestions: { codeId: string; name: string; confidence: number | null; origin: string }[];
}

export async function excerptForCoding(id: string): Promise<ExcerptForCoding | undefined> {
  if (!z.string().uuid().safeParse(id).success) return undefined;
  const db = researchDb();
  const [row] = await queryRows<QueueItem & { codingVersion: number }>(db, sql`select ${ITEM_COLUMNS}, e.coding_version as "codingVersion" from excerpts e ${ITEM_JOINS} where e.id = ${id}`);
  if (!row) return undefined;
  const [applied, suggested] = await Promise.all([
    db
      .select({ id: codes.id, name: codes.name, status: codes.status, origin: excerptCodes.origin })
      .from(excerptCodes)
      .innerJoin(codes, eq(codes.id, excerptCodes.codeId))
      .where(eq(excerptCodes.excerptId, id))
      .orderBy(codes.name),
    db
      .select({ codeId: codes.id, name: codes.name, confidence: codeSuggestions.confidence, origin: codeSuggestions.origin })
      .from(codeSuggestions)
      .innerJoin(codes, eq(codes.id, codeSuggestions.codeId))
      .where(
        and(
          eq(codeSuggestions.excerptId, id),
          eq(codeSuggestions.status, 'open'),
          eq(codes.status, 'active'),
          sql`not exists (select 1 from excerpt_codes ec where ec.excerpt_id = ${id} and ec.code_id = ${codeSuggestions.codeId})`,
        ),
      )
      .orderBy(sql`${codeSuggestions.confidence} desc nulls last`, codes.name),
  ]);
  return { ...item({ ...row, codes: [], suggestions: 0 }), codingVersion: row.codingVersion, codes: applied, suggestions: suggested };
}

export type CodingOutcome =
  | { ok: true; version: number; before: { codeIds: string[]; quotable: boolean }; added: string[]; removed: string[] }
  | { ok: false; reason: 'not-found' | 'conflict' | 'invalid-code'; message: string };

/**
 * Sets an excerpt's codes and whether it is quotable, if nobody has changed them since the analyst
 * read version `version` (otherwise 'conflict', and nothing is written). Only active codes can be
 * applied; codes since retired stay on the excerpt until removed. Open suggestions of the codes now
 * applied are settled.
 */
export async function setExcerptCodes({
  excerptId,
  codeIds,
  quotable,
  version,
  origin = 'analyst',
}: {
  excerptId: string;
  codeIds: string[];
  quotable: boolean;
  version: number;
  origin?: 'analyst' | 'suggestion';
}): Promise<CodingOutcome> {
  if (!z.string().uuid().safeParse(excerptId).success) return { ok: false, reason: 'not-found', message: 'That excerpt could not be found' };
  const wanted = [...new Set(codeIds)];
  return researchDb().transaction(async (tx) => {
    const [current] = await tx.select({ version: excerpts.codingVersion, quotable: excerpts.quotable }).from(excerpts).where(eq(excerpts.id, excerptId)).for('update');
    if (!current) return { ok: false, reason: 'not-found', message: 'That excerpt could not be found' };
    if (current.version !== version) {
      return { ok: false, reason: 'conflict', message: 'Another analyst changed the codes on this excerpt while you were reading it. Its codes are shown as they are now: check them and save again.' };
    }
    const applied = await tx.select({ codeId: excerptCodes.codeId, status: codes.status }).from(excerptCodes).innerJoin(codes, eq(codes.id, excerptCodes.codeId)).where(eq(excerptCodes.excerptId, excerptId));
    const appliedIds = new Set(applied.map((row) => row.codeId));
    const fresh = wanted.filter((id) => !appliedIds.has(id));
    if (fresh.length > 0) {
      const usable = await tx.select({ id: codes.id }).from(codes).where(and(inArray(codes.id, fresh), eq(codes.status, 'active')));
      if (usable.length !== fresh.length) return { ok: false, reason: 'invalid-code', message: 'One of the codes chosen is no longer in use. Choose from the codes shown.' };
      await tx.insert(excerptCodes).values(fresh.map((codeId) => ({ excerptId, codeId, origin }))).onConflictDoNothing();
      await tx.delete(codeSuggestions).where(and(eq(codeSuggestions.excerptId, excerptId), inArray(codeSuggestions.codeId, fresh)));
    }
    const removed = [...appliedIds].filter((id) => !wanted.includes(id));
    if (removed.length > 0) await tx.delete(excerptCodes).where(and(eq(excerptCodes.excerptId, excerptId), inArray(excerptCodes.codeId, removed)));
    const [updated] = await tx
      .update(excerpts)
      .set({ codingVersion: sql`${excerpts.codingVersion} + 1`, quotable })
      .where(eq(excerpts.id, excerptId))
      .returning({ version: excerpts.codingVersion });
    return { ok: true, version: updated!.version, before: { codeIds: [...appliedIds], quotable: current.quotable }, added: fresh, removed };
  });
}

/** Accepts a suggested code: applies it (as a suggestion an analyst accepted), keeping the excerpt's other codes. */
export async function acceptSuggestion({ excerptId, codeId, version }: { excerptId: string; codeId: string; version: number }): Promise<CodingOutcome> {
  const excerpt = await excerptForCoding(excerptId);
  if (!excerpt) return { ok: false, reason: 'not-found', message: 'That excerpt could not be found' };
  return setExcerptCodes({ excerptId, codeIds: [...excerpt.codes.map((code) => code.id), codeId], quotable: excerpt.quotable, version, origin: 'suggestion' });
}

/** Rejects a suggested code: it is not offered for this excerpt again. */
export async function rejectSuggestion({ excerptId, codeId }: { excerptId: string; codeId: string }): Promise<boolean> {
  if (!z.string().uuid().safeParse(excerptId).success || !z.string().uuid().safeParse(codeId).success) return false;
  const rows = await researchDb()
    .update(codeSuggestions)
    .set({ status: 'rejected' })
    .where(and(eq(codeSuggestions.excerptId, excerptId), eq(codeSuggestions.codeId, codeId)))
    .returning({ codeId: codeSuggestions.codeId });
  return rows.length > 0;
}
