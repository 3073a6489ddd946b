import { sql, type SQL } from 'drizzle-orm';
import type { ResearchDb } from '#db/research/client';
import { quarterOf } from '~/reports/quarters';
import { ALL_PROGRAMMES, EVERYONE, REPORT_SEGMENTS } from './segments';

type Executor = Pick<ResearchDb, 'execute'>;

/**
 * The UK financial quarter a stored time falls in, named as quarters.ts names it (2026-27-Q3: Q1 is
 * April to June). Stored times are UK midnights, so the quarter is exact.
 */
export function quarterKeySql(column: SQL): SQL {
  const local = sql`(${column} at time zone 'Europe/London')`;
  const yearStart = sql`(extract(year from ${local})::int - case when extract(month from ${local}) < 4 then 1 else 0 end)`;
  return sql`(${yearStart}::text || '-' || lpad(((${yearStart} + 1) % 100)::text, 2, '0') || '-Q' || ((((extract(month from ${local})::int + 8) % 12) / 3) + 1)::text)`;
}

/** A response as the database stored it (its UK day and region worked out there), which is what it is counted by. */
export interface StoredForTally {
  surveyId: string;
  submittedAt: Date;
  programmeCodes: readonly string[];
  regionCode: string | null;
  laCode: string | null;
  answers: Record<string, unknown>;
}

/** An answer's text as PostgreSQL gives a JSON scalar's (`#>> '{}'`): a string as itself, JSON null as null. */
function answerText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * A response's closed answers as (question, answer) pairs: one per answer chosen (a checkbox's each
 * choice, a grid's each statement as "question/statement"), and for a question with several answers
 * a pair with a null answer, so shares can be taken of the people who answered it (for a single
 * answer that is the sum of its pairs).
 */
export function unpackAnswers(answers: Record<string, unknown>, closed: ReadonlySet<string>): [string, string | null][] {
  const pairs: [string, string | null][] = [];
  for (const [question, value] of Object.entries(answers)) {
    if (!closed.has(question) || value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) pairs.push([question, answerText(item)]);
      pairs.push([question, null]);
    } else if (typeof value === 'object') {
      for (const [statement, cell] of Object.entries(value)) pairs.push([`${question}/${statement}`, answerText(cell)]);
    } else {
      pairs.push([question, answerText(value)]);
    }
  }
  return pairs;
}

/** The tallies' key: a hash of the dimensions besides the quarter, each quoted so that nulls and separators cannot collide. */
const keyOf = (...columns: SQL[]) => sql`md5(concat_ws(',', ${sql.join(columns.map((column) => sql`quote_nullable(${column})`), sql`, `)}))::uuid`;

/**
 * Cells held before they are written. A large import's counts add up in memory first (most
 * responses share cells, and a cell written twice in one transaction leaves a dead row version);
 * a cell takes about 200 bytes, so this bounds memory at a few hundred megabytes.
 */
const FLUSH_CELLS = 1_000_000;

/**
 * Cells by place (a JSON array of the quarter and the dimensions before the question, less its
 * closing bracket), then by the rest (",question,answer]"): strings cheap to make for every answer
 * counted and, being shared within a response, hashed once each. A response tally's rest is "]".
 */
type Cells = Map<string, Map<string, number>>;

/**
 * Counts for report tallies, added up in memory as responses are stored and written in one go:
 * a response once under all programmes and once under each of its own, its closed answers the same
 * way for everyone and again for each report segment it belongs to (segments.ts).
 */
export class TallyCounts {
  readonly responses: Cells = new Map();
  readonly answers: Cells = new Map();
  private readonly quarters = new Map<number, string>();
  private cells = 0;

  private quarter(when: Date): string {
    const time = when.getTime();
    let key = this.quarters.get(time);
    if (key === undefined) {
      key = quarterOf(when).key;
      this.quarters.set(time, key);
    }
    return key;
  }

  private bump(cells: Cells, place: string, rests: readonly string[]): void {
    let counts = cells.get(place);
    if (!counts) {
      counts = new Map();
      cells.set(place, counts);
    }
    for (const rest of rests) {
      const count = counts.get(rest);
      if (count === undefined) this.cells += 1;
      counts.set(rest, (count ?? 0) + 1);
    }
  }

  add(response: StoredForTally, closed: ReadonlySet<string>): void {
    const quarter = this.quarter(response.submittedAt);
    const { surveyId, regionCode, laCode } = response;
    const programmes = [ALL_PROGRAMMES, ...response.programmeCodes];
    const open = (...dimensions: (string | null)[]) => JSON.stringify([quarter, ...dimensions]).slice(0, -1);
    for (const programme of programmes) this.bump(this.responses, open(surveyId, programme, regionCode, laCode), [']']);
    const pairs = unpackAnswers(response.answers, closed);
    const segments = [EVERYONE, ...REPORT_SEGMENTS.filter((segment) => pairs.some(([question, answer]) => question === segment.question && answer === segment.answer)).map((segment) => segment.key)];
    const rests = pairs.map(([question, answer]) => `,${JSON.stringify(question)},${JSON.stringify(answer)}]`);
    for (const segment of segments) {
      for (const programme of programmes) this.bump(this.answers, open(segment, surveyId, programme, regionCode, laCode), rests);
    }
  }

  clear(): void {
    this.responses.clear();
    this.answers.clear();
    this.cells = 0;
  }

  get size(): number {
    return this.cells;
  }

  /** Whether to write the counts now rather than hold more. */
  get full(): boolean {
    return this.cells > FLUSH_CELLS;
  }
}

/** Cells per upsert statement: sent as one JSON value, so the number of parameters does not limit it. */
const WRITE_CHUNK = 20_000;

/**
 * Cells as JSON arrays [quarter, ...dimensions, count], each chunk one JSON text, in the order every
 * writer takes them (places sorted, then the rest within each), so two transactions counting into
 * the same rows wait for each other rather than deadlock.
 */
function* chunksOf(cells: Cells): Generator<string> {
  let chunk: string[] = [];
  for (const place of [...cells.keys()].sort()) {
    const counts = cells.get(place)!;
    for (const rest of [...counts.keys()].sort()) {
      // "]" closes a place as it is; a rest's count goes before its closing bracket.
      chunk.push(`${place}${rest.slice(0, -1)},${counts.get(rest)!}]`);
      if (chunk.length === WRITE_CHUNK) {
        yield `[${chunk.join(',')}]`;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield `[${chunk.join(',')}]`;
}

/**
 * Adds the counts to the tallies, inside the caller's transaction (the one that stored the
 * responses, so the counts never disagree with what is stored).
 */
export async function writeTallies(db: Executor, counts: TallyCounts): Promise<void> {
  for (const chunk of chunksOf(counts.responses)) {
    await db.execute(sql`
      insert into response_tallies as t (quarter, key, survey_id, programme, region_code, la_code, count)
      select quarter, ${keyOf(sql`survey_id`, sql`programme`, sql`region_code`, sql`la_code`)}, survey_id, programme, region_code, la_code, count
      from (select r->>0 as quarter, r->>1 as survey_id, r->>2 as programme, r->>3 as region_code, r->>4 as la_code, (r->>5)::int as count, n
            from jsonb_array_elements(${chunk}::jsonb) with ordinality as u(r, n)) cells
      order by n
      on conflict (quarter, key) do update set count = t.count + excluded.count`);
  }
  for (const chunk of chunksOf(counts.answers)) {
    await db.execute(sql`
      insert into answer_tallies as t (quarter, key, segment, survey_id, programme, region_code, la_code, question, answer, count)
      select quarter, ${keyOf(sql`segment`, sql`survey_id`, sql`programme`, sql`region_code`, sql`la_code`, sql`question`, sql`answer`)}, segment, survey_id, programme, region_code, la_code, question, answer, count
      from (select r->>0 as quarter, r->>1 as segment, r->>2 as survey_id, r->>3 as programme, r->>4 as region_code, r->>5 as la_code, r->>6 as question, r->>7 as answer, (r->>8)::int as count, n
            from jsonb_array_elements(${chunk}::jsonb) with ordinality as u(r, n)) cells
      order by n
      on conflict (quarter, key) do update set count = t.count + excluded.count`);
  }
}
