import { scrubPersonalData, type ScrubOptions } from '~/utils/scrub';
import { COMMENT_SUFFIX, type Answers } from './answers';
import type { SurveyDefinition, SurveyQuestion } from './definitions.server';

/**
 * Free-text answers to these questions (and every "other, please say" comment) with emails, phone
 * numbers, postcodes and similar replaced by markers, and any names the form knows (the person's
 * own, their guardian's) removed.
 */
export function scrubQuestionAnswers(questions: readonly SurveyQuestion[], answers: Answers, options: ScrubOptions = {}): Answers {
  const freeText = new Set(questions.filter((question) => question.freeText).map((question) => question.name));
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) =>
      (freeText.has(key) || key.endsWith(COMMENT_SUFFIX)) && typeof value === 'string' ? [key, scrubPersonalData(value, options)] : [key, value],
    ),
  );
}

/** A question set's free text, scrubbed before anything a family typed reaches the research store, drafts included. */
export function scrubFreeText(survey: SurveyDefinition, answers: Answers): Answers {
  return scrubQuestionAnswers(
    survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions),
    answers,
  );
}
