import type { SurveyQuestion } from './definitions.server';

/** Question types whose answers are choices, counted in reports (a grid counts each statement). */
export const CLOSED_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox', 'boolean', 'rating', 'matrix']);

/** The questions reports count: closed ones, not free text, and not the family's area (that places the response). */
export function closedQuestions(questions: readonly SurveyQuestion[]): SurveyQuestion[] {
  return questions.filter((question) => CLOSED_TYPES.has(question.type) && !question.freeText && question.dimension !== 'la');
}
