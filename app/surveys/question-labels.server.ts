import { COMMENT_SUFFIX } from './answers';
import { getSurvey, listSurveys } from './definitions.server';

/** Free-text questions of every question set, as filter choices: "surveyId/questionName". */
export function freeTextQuestionChoices(): { value: string; label: string }[] {
  return listSurveys().flatMap((survey) => {
    const text = survey.text[survey.locales[0]!]!;
    return text.pages
      .flatMap((page) => page.questions)
      .filter((question) => question.freeText && !question.dimension)
      .map((question) => ({ value: `${survey.id}/${question.name}`, label: `${text.title}: ${question.title}` }));
  });
}

/** The question an excerpt answers, in words ("other, please say" comments named after their question). */
export function questionLabel(surveyId: string | null, name: string | null): string {
  const survey = surveyId ? getSurvey(surveyId) : undefined;
  if (!survey || !name) return 'A question no longer asked';
  const comment = name.endsWith(COMMENT_SUFFIX);
  const key = comment ? name.slice(0, -COMMENT_SUFFIX.length) : name;
  const text = survey.text[survey.locales[0]!]!;
  const question = text.pages.flatMap((page) => page.questions).find((candidate) => candidate.name === key);
  if (!question) return `${text.title}: a question no longer asked`;
  return `${text.title}: ${question.title}${comment ? ' (their own words for “other”)' : ''}`;
}
