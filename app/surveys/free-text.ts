import { COMMENT_SUFFIX, type Answers } from './answers';
import type { SurveyQuestion } from './definitions.server';

/** Shorter answers ("no", "n/a") say nothing to code. */
const MIN_LETTERS = 3;

/**
 * The free-text answers in a (stored, scrubbed) answer set that an analyst would code: answers to
 * free-text questions and "other, please say" comments, each by its question's name. Questions that
 * place the family (a dimension such as their area) are not opinions and are left out.
 */
export function freeTextAnswers(questions: readonly SurveyQuestion[], answers: Answers): { question: string; text: string }[] {
  const byName = new Map(questions.map((question) => [question.name, question]));
  const found: { question: string; text: string }[] = [];
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value !== 'string') continue;
    const text = value.trim();
    if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) continue;
    const owner = key.endsWith(COMMENT_SUFFIX) ? byName.get(key.slice(0, -COMMENT_SUFFIX.length)) : byName.get(key);
    if (!owner) continue;
    const isComment = key.endsWith(COMMENT_SUFFIX);
    if (!isComment && (!owner.freeText || owner.dimension)) continue;
    found.push({ question: key, text });
  }
  return found;
}
