import { scrubPersonalData } from '~/utils/scrub';
import { COMMENT_SUFFIX, type Answers } from './answers';
import type { SurveyDefinition } from './definitions.server';

/**
 * Free-text answers with emails, phone numbers, postcodes and similar replaced by markers. Applied
 * before anything a family typed reaches the research store, drafts included.
 */
export function scrubFreeText(survey: SurveyDefinition, answers: Answers): Answers {
  const freeText = new Set(
    survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions.filter((question) => question.freeText).map((question) => question.name)),
  );
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) =>
      (freeText.has(key) || key.endsWith(COMMENT_SUFFIX)) && typeof value === 'string' ? [key, scrubPersonalData(value)] : [key, value],
    ),
  );
}
