import { randomBytes } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import { researchDb, type ResearchDb } from '#db/research/client';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { surveyDrafts, surveyResponses } from '#db/research/schema';
import { checkAnswers, type AnswerError, type Answers, type CheckResult } from './answers';
import { checkWithSurveyJs } from './surveyjs-check.server';
import { conditionHolds, type SurveyDefinition, type SurveyQuestion } from './definitions.server';
import type { DraftSource } from './drafts.server';
import { closedQuestions } from './closed-questions';
import { freeTextAnswers } from './free-text';
import { scrubFreeText } from './scrub-answers';
import { isLocalAuthorityCode } from './sources.server';
import { TallyCounts, writeTallies } from '~/research/tallies.server';

export type SubmitResult =
  | { ok: true; responseId: string; duplicate: boolean }
  | { ok: false; errors: AnswerError[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const questionLists = new WeakMap<SurveyDefinition, SurveyQuestion[]>();
const closedLists = new WeakMap<SurveyDefinition, ReadonlySet<string>>();

/** A set's questions in order (its first language's text), worked out once per set: every response needs them. */
function questionsOf(survey: SurveyDefinition): SurveyQuestion[] {
  let questions = questionLists.get(survey);
  if (!questions) {
    questions = survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions);
    questionLists.set(survey, questions);
  }
  return questions;
}

/** The names of a set's closed questions, whose answers are counted for reports. */
export function closedQuestionNames(survey: SurveyDefinition): ReadonlySet<string> {
  let names = closedLists.get(survey);
  if (!names) {
    names = new Set(closedQuestions(questionsOf(survey)).map((question) => question.name));
    closedLists.set(survey, names);
  }
  return names;
}

/** Programmes the answers point to: the link's programme and the programmes of chosen services. */
function programmesFor(survey: SurveyDefinition, answers: Answers, source: DraftSource): string[] {
  const codes = new Set<string>();
  if (source.programme && (PROGRAMME_CODES as readonly string[]).includes(source.programme)) codes.add(source.programme);
  for (const question of questionsOf(survey)) {
    const value = answers[question.name];
    const chosen = Array.isArray(value) ? value : [value];
    for (const choice of question.choices) {
      if (choice.programmes && chosen.includes(choice.value)) for (const code of choice.programmes) codes.add(code);
    }
  }
  return [...codes].sort();
}

/** The local authority: the family's own answer when they gave one, otherwise the link's. */
function localAuthorityFor(survey: SurveyDefinition, answers: Answers, source: DraftSource): string | null {
  const laQuestion = questionsOf(survey).find((question) => question.dimension === 'la');
  const answered = laQuestion ? answers[laQuestion.name] : undefined;
  if (typeof answered === 'string' && isLocalAuthorityCode(answered)) return answered;
  return source.la && isLocalAuthorityCode(source.la) ? source.la : null;
}

/**
 * The answers exactly as they would be stored, or why they cannot be: checked, hidden values removed,
 * free text scrubbed. Submitting and the staff preview both use it.
 */
export function answersToStore(survey: SurveyDefinition, answers: unknown, locale = 'en'): CheckResult {
  const text = survey.text[locale] ?? survey.text[survey.locales[0]!]!;
  // Sets the React UI draws are checked by SurveyJS's own model (every type and property it knows);
  // the GOV.UK pages' types by the lighter checks in answers.ts, which give the same result for them.
  const checked = survey.renderer === 'surveyjs' ? checkWithSurveyJs(survey, answers, locale) : checkAnswers(text, answers, { requiredPages: 'all', condition: conditionHolds });
  return checked.ok ? { ok: true, answers: scrubFreeText(survey, checked.answers) } : checked;
}

export interface ResponseInput {
  survey: SurveyDefinition;
  responseId: string;
  answers: unknown;
  source?: DraftSource;
  locale?: string;
  /** Synthetic demo data and imported answers carry their own day; web submissions take the database's clock. */
  submittedAt?: Date;
}

/** A row to insert; the region and day are worked out in SQL as it is written. */
type ResponseRow = { [K in keyof typeof surveyResponses.$inferInsert]: (typeof surveyResponses.$inferInsert)[K] | SQL };

/** Families' and young people's answers feed the reports' tallies; feedback from local authorities' staff does not. */
export const countedInReports = (survey: SurveyDefinition) => survey.audience !== 'local-authorities';

export interface PreparedResponse {
  row: ResponseRow;
  /** Whether it is counted in the report tallies (countedInReports). */
  counted: boolean;
  /** The set's closed questions, whose answers are counted for reports. */
  closed: ReadonlySet<string>;
  freeText: { responseId: string; question: string; text: string }[];
}

/**
 * A response checked and made ready to store, exactly as a web submission is: the answers checked
 * against the question set, hidden values removed, free text scrubbed, placed by LA and programme.
 * Submitting and importing both go through it.
 */
export function prepareResponse({ survey, responseId, answers, source = {}, locale = 'en', submittedAt }: ResponseInput): { ok: true; prepared: PreparedResponse } | { ok: false; errors: AnswerError[] } {
  if (!UUID.test(responseId)) return { ok: false, errors: [{ field: 'responseId', message: 'The response could not be identified' }] };
  const checked = answersToStore(survey, answers, locale);
  if (!checked.ok) return checked;
  const stored = checked.answers;
  const laCode = localAuthorityFor(survey, stored, source);
  const row: ResponseRow = {
    id: responseId,
    // Anonymous answers get a random pseudonym that links to no one.
    pseudonym: randomBytes(32).toString('hex'),
    surveyId: survey.id,
    surveyVersion: survey.version,
    answers: stored,
    laCode,
    regionCode: laCode ? sql`(select region_code from local_authorities where code = ${laCode})` : null,
    programmeCodes: programmesFor(survey, stored, source),
    channel: source.channel ?? null,
    sessionId: source.session ?? null,
    eventId: source.event ?? null,
    locale: survey.locales.includes(locale) ? locale : survey.locales[0]!,
    // Kept to the UK day, like every time in the research store that concerns a person.
    ...(submittedAt ? { submittedAt: sql`date_trunc('day', ${submittedAt.toISOString()}::timestamptz, 'Europe/London')` } : {}),
  };
  const questions = questionsOf(survey);
  return { ok: true, prepared: { row, counted: countedInReports(survey), closed: closedQuestionNames(survey), freeText: freeTextAnswers(questions, stored).map((item) => ({ responseId, ...item })) } };
}

type Tx = Parameters<Parameters<ResearchDb['transaction']>[0]>[0];

/**
 * Stores prepared responses and their free text as excerpts inside the caller's transaction, and
 * adds them to `counts` for the report tallies; a response id already stored stores and counts
 * nothing more. Returns the ids newly stored. The caller writes the counts (writeTallies) before
 * the transaction ends; storePrepared does both.
 */
export async function storeResponses(tx: Tx, prepared: PreparedResponse[], counts: TallyCounts): Promise<string[]> {
  const stored: string[] = [];
  // In batches: one statement has at most 65,535 parameters.
  for (let start = 0; start < prepared.length; start += 500) {
    const batch = prepared.slice(start, start + 500);
    // The day and region as the database stored them are what the response is counted by.
    const rows = await tx
      .insert(surveyResponses)
      .values(batch.map((item) => item.row))
      .onConflictDoNothing({ target: surveyResponses.id })
      .returning({ id: surveyResponses.id, submittedAt: surveyResponses.submittedAt, regionCode: surveyResponses.regionCode });
    const fresh = new Map(rows.map((row) => [row.id, row]));
    await insertSurveyExcerpts(tx, batch.flatMap((item) => item.freeText.filter((text) => fresh.has(text.responseId))));
    for (const item of batch) {
      const row = fresh.get(item.row.id as string);
      if (!row) continue;
      stored.push(row.id);
      if (item.counted)
        counts.add(
        { surveyId: item.row.surveyId as string, submittedAt: row.submittedAt, regionCode: row.regionCode, laCode: item.row.laCode as string | null, programmeCodes: item.row.programmeCodes as string[], answers: item.row.answers as Answers },
        item.closed,
      );
    }
  }
  if (counts.full) {
    await writeTallies(tx, counts);
    counts.clear();
  }
  return stored;
}

/**
 * Stores prepared responses, their free text as excerpts, and counts them and their closed answers
 * into the report tallies, inside the caller's transaction (so the counts never disagree with what
 * is stored); a response id already stored stores nothing more. Returns the ids newly stored.
 */
export async function storePrepared(tx: Tx, prepared: PreparedResponse[]): Promise<string[]> {
  const counts = new TallyCounts();
  const stored = await storeResponses(tx, prepared, counts);
  await writeTallies(tx, counts);
  return stored;
}

/** Free-text answers as excerpts, placed and dated as their stored responses are (read from them in SQL). */
export async function insertSurveyExcerpts(db: Pick<ResearchDb, 'execute'>, items: { responseId: string; question: string; text: string }[]): Promise<void> {
  for (let start = 0; start < items.length; start += 1000) {
    const batch = items.slice(start, start + 1000);
    await db.execute(sql`
      insert into excerpts (source, response_id, survey_id, question, text, occurred_on, la_code, region_code, programme_codes)
      select 'survey', r.id, r.survey_id, v.question, v.text, r.submitted_at, r.la_code, r.region_code, r.programme_codes
      from (values ${sql.join(batch.map((item) => sql`(${item.responseId}::uuid, ${item.question}, ${item.text})`), sql`, `)}) as v(response_id, question, text)
      join survey_responses r on r.id = v.response_id
      on conflict do nothing`);
  }
}

/**
 * Checks a complete set of answers and stores it in the research store, once per response id: a
 * retried or double submit stores nothing more and reports `duplicate`. The journey's draft, if any,
 * is removed in the same transaction. Nothing about the device, address or cookie is stored.
 */
export async function submitResponse({ draftId, ...input }: ResponseInput & { draftId?: string }): Promise<SubmitResult> {
  const ready = prepareResponse(input);
  if (!ready.ok) return ready;
  // The response, its free text as excerpts to code, and the removal of its draft land together.
  const stored = await researchDb().transaction(async (tx) => {
    const ids = await storePrepared(tx, [ready.prepared]);
    if (draftId) await tx.delete(surveyDrafts).where(eq(surveyDrafts.id, draftId));
    return ids;
  });
  return { ok: true, responseId: input.responseId, duplicate: stored.length === 0 };
}

/** Whether a response with this id has been stored (for a form sent twice, or after its draft has gone). */
export async function responseStored(responseId: string): Promise<boolean> {
  if (!UUID.test(responseId)) return false;
  const rows = await researchDb().select({ id: surveyResponses.id }).from(surveyResponses).where(eq(surveyResponses.id, responseId)).limit(1);
  return rows.length > 0;
}
