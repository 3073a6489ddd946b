import { and, asc, gt, gte, lt, sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { queryRows } from '#db/store';
import { surveyResponses } from '#db/research/schema';
import { getSurvey } from './definitions.server';
import { freeTextAnswers } from './free-text';
import { closedQuestionNames, insertSurveyExcerpts, countedInReports } from './responses.server';
import { parseQuarter } from '~/reports/quarters';
import { quarterKeySql, TallyCounts, writeTallies } from '~/research/tallies.server';

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
 * Stores made before reports read tallies get them, once, when the service starts: only while there
 * are responses and no tallies, in one transaction, a quarter at a time, so that each tally row is
 * written once (updated again and again in one transaction, a row's old versions cannot be cleared).
 */
export async function backfillTallies(batchSize = 5000): Promise<boolean> {
  return researchDb().transaction(async (tx) => {
    // Two instances starting together: the second waits, then finds the tallies made.
    await tx.execute(sql`lock table response_tallies, answer_tallies in exclusive mode`);
    const [state] = await queryRows<{ responses: boolean; tallies: boolean }>(
      tx,
      sql`select exists(select 1 from survey_responses) as responses, exists(select 1 from response_tallies) as tallies`,
    );
    if (!state?.responses || state.tallies) return false;
    const quarters = await queryRows<{ quarter: string }>(tx, sql`select distinct ${quarterKeySql(sql`submitted_at`)} as quarter from survey_responses`);
    for (const { quarter: key } of quarters) {
      const quarter = parseQuarter(key)!;
      const counts = new TallyCounts();
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const batch = await tx
          .select({
            id: surveyResponses.id,
            surveyId: surveyResponses.surveyId,
            submittedAt: surveyResponses.submittedAt,
            programmeCodes: surveyResponses.programmeCodes,
            regionCode: surveyResponses.regionCode,
            laCode: surveyResponses.laCode,
            answers: surveyResponses.answers,
          })
          .from(surveyResponses)
          .where(and(gt(surveyResponses.id, after), gte(surveyResponses.submittedAt, quarter.from), lt(surveyResponses.submittedAt, quarter.to)))
          .orderBy(asc(surveyResponses.id))
          .limit(batchSize);
        if (batch.length === 0) break;
        after = batch[batch.length - 1]!.id;
        for (const response of batch) {
          const survey = getSurvey(response.surveyId);
          if (survey && countedInReports(survey)) counts.add(response, closedQuestionNames(survey));
        }
        if (counts.full) {
          await writeTallies(tx, counts);
          counts.clear();
        }
      }
      await writeTallies(tx, counts);
    }
    return true;
  });
}
