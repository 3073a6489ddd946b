import { randomUUID } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { surveyDrafts, type SurveyDraft } from '#db/research/schema';
import type { Answers } from './answers';

export interface DraftSource {
  la?: string;
  programme?: string;
  channel?: string;
  /** Feedback about a panel session is kept with the session. */
  session?: string;
  /** Feedback about a workshop, training or support visit is kept with the event. */
  event?: string;
}

/** Starts a journey: a new draft with a fresh response id, and where the link came from. */
export async function startDraft({
  surveyId,
  surveyVersion,
  source,
  locale,
  preview = false,
}: {
  surveyId: string;
  surveyVersion: number;
  source: DraftSource;
  locale: string;
  /** A staff preview: walked like a family's draft, never sent. */
  preview?: boolean;
}): Promise<SurveyDraft> {
  const [draft] = await researchDb()
    .insert(surveyDrafts)
    .values({ id: randomUUID(), responseId: randomUUID(), surveyId, surveyVersion, source, locale, preview })
    .returning();
  if (!draft) throw new Error('Insert returned no row');
  return draft;
}

export async function getDraft(id: string): Promise<SurveyDraft | undefined> {
  const [draft] = await researchDb().select().from(surveyDrafts).where(eq(surveyDrafts.id, id));
  return draft;
}

/** Keeps a page's checked answers; the rest of the draft is unchanged. */
export async function saveDraftAnswers(id: string, answers: Answers): Promise<void> {
  await researchDb().update(surveyDrafts).set({ answers, updatedAt: sql`now()` }).where(eq(surveyDrafts.id, id));
}

/** Removes a draft (a family starting again); its answers were never sent, so nothing else changes. */
export async function deleteDraft(id: string): Promise<void> {
  await researchDb().delete(surveyDrafts).where(eq(surveyDrafts.id, id));
}

/** Drafts untouched for `days` are abandoned journeys; removed by the retention job. Returns how many. */
export async function pruneDrafts(days = 7): Promise<number> {
  const gone = await researchDb().delete(surveyDrafts).where(lt(surveyDrafts.updatedAt, sql`now() - make_interval(days => ${days})`)).returning({ id: surveyDrafts.id });
  return gone.length;
}
