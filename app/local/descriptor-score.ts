import type { SurveyDefinition } from '~/surveys/definitions.server';

/**
 * A self-assessment's score: the mean level of its descriptors, the questions whose answers are all
 * numbered levels (1 getting started – 4 mature). Evidence notes and anything else do not count.
 * Null when no descriptor was answered.
 */
export function descriptorScore(survey: SurveyDefinition, answers: Record<string, unknown>): number | null {
  const text = survey.text[survey.locales[0]!]!;
  const levels = text.pages
    .flatMap((page) => page.questions)
    .filter((question) => (question.type === 'radiogroup' || question.type === 'rating') && question.choices.length > 0 && question.choices.every((choice) => typeof choice.value === 'number'))
    .map((question) => answers[question.name])
    .filter((value): value is number => typeof value === 'number');
  return levels.length === 0 ? null : levels.reduce((sum, level) => sum + level, 0) / levels.length;
}
