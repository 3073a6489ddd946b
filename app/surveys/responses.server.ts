import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { PROGRAMME_CODES } from '#db/reference/programmes';
import { excerpts, surveyDrafts, surveyResponses } from '#db/research/schema';
import { checkAnswers, type AnswerError, type Answers, type CheckResult } from './answers';
import { checkWithSurveyJs } from './surveyjs-check.server';
import { conditionHolds, type SurveyDefinition } from './definitions.server';
import type { DraftSource } from './drafts.server';
import { freeTextAnswers } from './free-text';
import { scrubFreeText } from './scrub-answers';
import { isLocalAuthorityCode } from './sources.server';

export type SubmitResult =
  | { ok: true; responseId: string; duplicate: boolean }
  | { ok: false; errors: AnswerError[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Programmes the answers point to: the link's programme and the programmes of chosen services. */
function programmesFor(survey: SurveyDefinition, answers: Answers, source: DraftSource): string[] {
  const codes = new Set<string>();
  if (source.programme && (PROGRAMME_CODES as readonly string[]).includes(source.programme)) codes.add(source.programme);
  for (const question of survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions)) {
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
  const laQuestion = survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions).find((question) => question.dimension === 'la');
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

/**
 * Checks a complete set of answers and stores it in the research store, once per response id: a
 * retried or double submit stores nothing more and reports `duplicate`. The journey's draft, if any,
 * is removed in the same transaction. Nothing about the device, address or cookie is stored.
 */
export async function submitResponse({
  survey,
  responseId,
  answers,
  source = {},
  locale = 'en',
  draftId,
  submittedAt,
}: {
  survey: SurveyDefinition;
  responseId: string;
  answers: unknown;
  source?: DraftSource;
  locale?: string;
  draftId?: string;
  /** Only for synthetic demo data spread over time; real submissions take the database's clock. */
  submittedAt?: Date;
}): Promise<SubmitResult> {
  if (!UUID.test(responseId)) return { ok: false, errors: [{ field: 'responseId', message: 'The response could not be identified' }] };
  const checked = answersToStore(survey, answers, locale);
  if (!checked.ok) return checked;
  const stored = checked.answers;
  const laCode = localAuthorityFor(survey, stored, source);

  const row = {
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
    locale: survey.locales.includes(locale) ? locale : survey.locales[0]!,
    // Kept to the UK day, like every time in the research store that concerns a person.
    ...(submittedAt ? { submittedAt: sql`date_trunc('day', ${submittedAt.toISOString()}::timestamptz, 'Europe/London')` } : {}),
  };
  const questions = survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions);
  const freeText = freeTextAnswers(questions, stored);
  // The response, its free text as excerpts to code, and the removal of its draft land together.
  const inserted = await researchDb().transaction(async (tx) => {
    const result = await tx.insert(surveyResponses).values(row).onConflictDoNothing({ target: surveyResponses.id }).returning({ id: surveyResponses.id });
    if (result.length > 0 && freeText.length > 0) await tx.insert(excerpts).values(freeText.map((item) => surveyExcerpt(responseId, survey.id, item)));
    if (draftId) await tx.delete(surveyDrafts).where(eq(surveyDrafts.id, draftId));
    return result;
  });
  return { ok: true, responseId, duplicate: inserted.length === 0 };
}

/** A free-text answer as an excerpt, placed and dated as its stored response is. */
export function surveyExcerpt(responseId: string, surveyId: string, { question, text }: { question: string; text: string }) {
  const from = (column: string) => sql`(select ${sql.identifier(column)} from survey_responses where id = ${responseId})`;
  return {
    source: 'survey' as const,
    responseId,
    surveyId,
    question,
    text,
    occurredOn: from('submitted_at'),
    laCode: from('la_code'),
    regionCode: from('region_code'),
    programmeCodes: from('programme_codes'),
  };
}

/** Whether a response with this id has been stored (for a form sent twice, or after its draft has gone). */
export async function responseStored(responseId: string): Promise<boolean> {
  if (!UUID.test(responseId)) return false;
  const rows = await researchDb().select({ id: surveyResponses.id }).from(surveyResponses).where(eq(surveyResponses.id, responseId)).limit(1);
  return rows.length > 0;
}
