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
  const containers = new Set(questions.filter((question) => CONTAINER_TYPES.has(question.type)).map((question) => question.name));
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => {
      if (containers.has(key)) return [key, scrubDeep(value, options)];
      return (freeText.has(key) || key.endsWith(COMMENT_SUFFIX)) && typeof value === 'string' ? [key, scrubPersonalData(value, options)] : [key, value];
    }),
  );
}

/** Questions whose answer holds other answers (rows, cells, panels, items), any of which may be typed text. */
const CONTAINER_TYPES = new Set(['paneldynamic', 'matrixdynamic', 'matrixdropdown', 'multipletext', 'panel']);

function scrubDeep(value: unknown, options: ScrubOptions): unknown {
  if (typeof value === 'string') return scrubPersonalData(value, options);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, options));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, options)]));
  return value;
}

/** A question set's free text, scrubbed before anything a family typed reaches the research store, drafts included. */
export function scrubFreeText(survey: SurveyDefinition, answers: Answers): Answers {
  return scrubQuestionAnswers(
    survey.text[survey.locales[0]!]!.pages.flatMap((page) => page.questions),
    answers,
  );
}
