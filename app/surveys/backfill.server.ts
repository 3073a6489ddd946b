import { asc, gt, sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { surveyResponses } from '#db/research/schema';
import { getSurvey } from './definitions.server';
import { freeTextAnswers } from './free-text';
import { closedQuestions } from './closed-questions';
import { insertResponseAnswers, insertSurveyExcerpts } from './responses.server';

/**
 * Responses stored before coding existed get their free text as excerpts, once: it runs only while
 * there are responses and no excerpts at all, in batches, each batch in one transaction.
 */
export async function backfillSurveyExcerpts(batchSize = 1000): Promise<number> {
  const db = researchDb();
  const [state] = await queryRows<{ responses: boolean; excerpts: boolean }>(db, sql`select exists(select 1 from survey_responses) as responses, exists(select 1 from excerpts) as excerpts`);
  if (!state?.responses || state.excerpts) return 0;
  let added = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db
      .select({ id: surveyResponses.id, surveyId: surveyResponses.surveyId, answers: surveyResponses.answers })
      .from(surveyResponses)
      .where(gt(surveyResponses.id, after))
      .orderBy(asc(surveyResponses.id))
      .limit(batchSize);
    if (batch.length === 0) return added;
    after = batch[batch.length - 1]!.id;
    const rows = batch.flatMap((response) => {
      const survey = getSurvey(response.surveyId);
      if (!survey) return [];
      const questions = survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions);
      return freeTextAnswers(questions, response.answers).map((item) => ({ responseId: response.id, ...item }));
    });
    await insertSurveyExcerpts(db, rows);
    added += rows.length;
  }
}

/**
 * Responses stored before reports counted unpacked answers get them, once: it runs only while there
 * are responses and no unpacked answers at all, a question set and a batch at a time.
 */
export async function backfillResponseAnswers(batchSize = 5000): Promise<number> {
  const db = researchDb();
  const [state] = await queryRows<{ responses: boolean; answers: boolean }>(db, sql`select exists(select 1 from survey_responses) as responses, exists(select 1 from response_answers) as answers`);
  if (!state?.responses || state.answers) return 0;
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db.select({ id: surveyResponses.id, surveyId: surveyResponses.surveyId }).from(surveyResponses).where(gt(surveyResponses.id, after)).orderBy(asc(surveyResponses.id)).limit(batchSize);
    if (batch.length === 0) return done;
    after = batch[batch.length - 1]!.id;
    for (const surveyId of new Set(batch.map((row) => row.surveyId))) {
      const survey = getSurvey(surveyId);
      if (!survey) continue;
      const closed = closedQuestions(survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions)).map((question) => question.name);
      await insertResponseAnswers(db, closed, batch.filter((row) => row.surveyId === surveyId).map((row) => row.id));
    }
    done += batch.length;
  }
}
