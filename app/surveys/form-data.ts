import { COMMENT_SUFFIX, type Answers } from './answers';
import type { Choice, SurveyQuestion } from './definitions.server';

/** Form fields every survey form may carry besides answers. */
const CONTROL_FIELDS = new Set(['csrf', 'intent']);

// HTML sends strings; choice values may be numbers (ratings). Unknown strings are kept as they
// are, so the answer check refuses them instead of silently dropping them.
function choiceValue(choices: Choice[], raw: string): string | number {
  return choices.find((choice) => String(choice.value) === raw)?.value ?? raw;
}

/** The field names a question's inputs use on a server-rendered page. */
export function fieldNames(question: SurveyQuestion): string[] {
  if (question.type === 'html') return [];
  if (question.type === 'matrix') return question.rows.map((row) => `${question.name}.${row.value}`);
  if (question.type === 'ranking') return question.choices.map((choice) => `${question.name}.${choice.value}`);
  return question.otherChoice ? [question.name, `${question.name}${COMMENT_SUFFIX}`] : [question.name];
}

/**
 * Reads one page's answers from a posted form. Every question on the page gets a value or
 * `undefined` (so unticking everything clears an answer); fields that belong to no question on
 * the page are reported, and the caller refuses the form.
 */
export function answersFromForm(questions: SurveyQuestion[], form: FormData): { answers: Answers; unknownFields: string[] } {
  const expected = new Set(questions.flatMap(fieldNames));
  const unknownFields = [...new Set([...form.keys()])].filter((key) => !expected.has(key) && !CONTROL_FIELDS.has(key));
  const answers: Answers = {};
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  for (const question of questions) {
    const all = [...question.choices, ...(question.noneChoice ? [question.noneChoice] : []), ...(question.otherChoice ? [question.otherChoice] : [])];
    switch (question.type) {
      case 'html':
        break;
      case 'checkbox':
      case 'tagbox': {
        const values = form.getAll(question.name).filter((value): value is string => typeof value === 'string');
        answers[question.name] = values.length > 0 ? values.map((value) => choiceValue(all, value)) : undefined;
        break;
      }
      case 'boolean': {
        const value = text(question.name);
        answers[question.name] = value === 'true' ? true : value === 'false' ? false : value || undefined;
        break;
      }
      case 'ranking': {
        // Every item numbered 1 to n once is an order; none numbered is no answer; anything else is
        // kept as typed, so the check refuses it and the page shows it again.
        const ranks = question.choices.map((choice) => ({ choice, rank: text(`${question.name}.${choice.value}`) ?? '' }));
        const given = ranks.filter((item) => item.rank !== '');
        const numbers = new Set(given.map((item) => Number(item.rank)));
        const isOrder = given.length === ranks.length && numbers.size === ranks.length && [...numbers].every((rank) => Number.isInteger(rank) && rank >= 1 && rank <= ranks.length);
        answers[question.name] =
          given.length === 0
            ? undefined
            : isOrder
              ? [...given].sort((a, b) => Number(a.rank) - Number(b.rank)).map((item) => item.choice.value)
              : Object.fromEntries(ranks.map((item) => [String(item.choice.value), item.rank]));
        break;
      }
      case 'matrix': {
        const rows = Object.fromEntries(
          question.rows.flatMap((row) => {
            const value = text(`${question.name}.${row.value}`);
            return value ? [[String(row.value), choiceValue(question.columns, value)]] : [];
          }),
        );
        answers[question.name] = Object.keys(rows).length > 0 ? rows : undefined;
        break;
      }
      case 'text':
      case 'comment':
        answers[question.name] = text(question.name);
        break;
      default: {
        const value = text(question.name);
        answers[question.name] = value ? choiceValue(all, value) : undefined;
      }
    }
    if (question.otherChoice) answers[`${question.name}${COMMENT_SUFFIX}`] = text(`${question.name}${COMMENT_SUFFIX}`);
  }
  return { answers, unknownFields };
}
