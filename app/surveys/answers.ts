import type { Choice, LocalisedSurvey, SurveyPage, SurveyQuestion } from './definitions.server';

/**
 * Checks a set of answers against a question set: the same rules for the server-rendered journey
 * and for the SurveyJS React UI, so both store the same thing for the same answers.
 */

export type Answers = Record<string, unknown>;
export interface AnswerError {
  /** Id of the field the error is about (the question name, or `<name>.<row>` for a matrix row). */
  field: string;
  message: string;
}
export type CheckResult = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

type Condition = (expression: string | undefined, values: Answers) => boolean;

export const COMMENT_SUFFIX = '-Comment';

const has = (choices: Choice[], value: unknown) => choices.some((choice) => choice.value === value);
const label = (question: SurveyQuestion) => question.title.replace(/[?.:]$/, '').toLowerCase();

function allQuestions(survey: LocalisedSurvey): SurveyQuestion[] {
  return survey.pages.flatMap((page) => page.questions);
}

export function visiblePages(survey: LocalisedSurvey, values: Answers, condition: Condition): SurveyPage[] {
  return survey.pages.filter(
    (page) => condition(page.visibleIf, values) && page.questions.some((question) => condition(question.visibleIf, values)),
  );
}

export function visibleQuestions(page: SurveyPage, values: Answers, condition: Condition): SurveyQuestion[] {
  return page.questions.filter((question) => condition(question.visibleIf, values));
}

function textAnswer(question: SurveyQuestion, value: unknown, field = question.name): { value?: string; error?: AnswerError } {
  if (typeof value !== 'string') return { error: { field, message: `Enter your answer to “${question.title}” as text` } };
  const trimmed = value.trim();
  const max = question.maxLength ?? 2000;
  if (trimmed.length > max) return { error: { field, message: `Your answer must be ${max} characters or fewer` } };
  return { value: trimmed === '' ? undefined : trimmed };
}

function numberAnswer(question: SurveyQuestion, value: unknown): { value?: number; error?: AnswerError } {
  if (typeof value === 'number' && Number.isFinite(value)) return { value };
  if (typeof value === 'string') {
    const trimmed = value.trim().replace(/,/g, '');
    if (trimmed === '') return {};
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  }
  return { error: { field: question.name, message: `Enter a number for “${question.title}”` } };
}

/** Checks one answer's shape against its question. `undefined` means "no answer". */
function checkValue(question: SurveyQuestion, value: unknown): { value?: unknown; error?: AnswerError } {
  const field = question.name;
  const choose = { field, message: `Select one of the options for “${question.title}”` };
  switch (question.type) {
    case 'radiogroup':
    case 'dropdown': {
      const allowed = [...question.choices, ...(question.otherChoice ? [question.otherChoice] : [])];
      return has(allowed, value) ? { value } : { error: choose };
    }
    case 'rating':
      return has(question.choices, value) ? { value } : { error: choose };
    case 'checkbox':
    case 'tagbox': {
      if (!Array.isArray(value)) return { error: choose };
      const allowed = [...question.choices, ...(question.noneChoice ? [question.noneChoice] : []), ...(question.otherChoice ? [question.otherChoice] : [])];
      if (!value.every((item) => has(allowed, item)) || new Set(value).size !== value.length) return { error: choose };
      if (question.noneChoice && value.includes(question.noneChoice.value) && value.length > 1) {
        return { error: { field, message: `Select “${question.noneChoice.text}” on its own, or the options that apply` } };
      }
      return { value: value.length === 0 ? undefined : value };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: { field, message: `Select yes or no for “${question.title}”` } };
    case 'text':
      // SurveyJS keeps a number input's answer as a number; the GOV.UK form sends it as text.
      if (question.inputType === 'number') return numberAnswer(question, value);
      return textAnswer(question, value);
    case 'comment':
      return textAnswer(question, value);
    case 'matrix': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: choose };
      const entries = Object.entries(value as Record<string, unknown>);
      for (const [row, column] of entries) {
        if (!has(question.rows, row) || !has(question.columns, column)) {
          return { error: { field: `${field}.${row}`, message: `Select one of the options for each statement in “${question.title}”` } };
        }
      }
      return { value: entries.length === 0 ? undefined : Object.fromEntries(entries) };
    }
    case 'html':
      return { error: { field, message: 'This part of the form takes no answer' } };
    case 'ranking': {
      const unique = Array.isArray(value) && new Set(value).size === value.length;
      if (unique && value.every((item) => has(question.choices, item))) return { value: value.length === 0 ? undefined : value };
      return { error: { field, message: `Give each item in “${question.title}” a different number from 1 to ${question.choices.length}` } };
    }
    default:
      // Types only the React UI draws (ranking and others): stored as given, within a size limit.
      return JSON.stringify(value).length <= 10_000 ? { value } : { error: { field, message: `Your answer to “${question.title}” is too long` } };
  }
}

function requiredMessage(question: SurveyQuestion): string {
  if (question.requiredErrorText) return question.requiredErrorText;
  return question.type === 'text' || question.type === 'comment' ? `Enter ${label(question)}` : `Select an answer to “${question.title}”`;
}

function isEmptyAnswer(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/**
 * Checks answers against the set. Unknown questions, wrong types, values outside the choices and
 * over-long text are refused. Answers to questions hidden by the branching are dropped (as SurveyJS
 * does on completion). Required questions are enforced on the visible pages named in
 * `requiredPages`, or on every visible page when it is 'all'.
 */
export function checkAnswers(
  survey: LocalisedSurvey,
  input: unknown,
  {
    requiredPages,
    condition,
    notYetShown = new Set(),
  }: {
    requiredPages: 'all' | string[];
    condition: Condition;
    /** Questions an answer on the same page has just revealed: the family has not seen them yet, so they are not required yet. */
    notYetShown?: ReadonlySet<string>;
  },
): CheckResult {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'answers', message: 'The answers could not be read' }] };
  }
  const questions = new Map(allQuestions(survey).map((question) => [question.name, question]));
  const errors: AnswerError[] = [];
  const values: Answers = {};
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    if (key.endsWith(COMMENT_SUFFIX)) {
      const owner = questions.get(key.slice(0, -COMMENT_SUFFIX.length));
      if (!owner?.otherChoice) {
        errors.push({ field: 'answers', message: 'The answers include a question that is not in this survey' });
        continue;
      }
      const checked = textAnswer(owner, raw, key);
      if (checked.error) errors.push(checked.error);
      else if (checked.value !== undefined) values[key] = checked.value;
      continue;
    }
    const question = questions.get(key);
    if (!question) {
      errors.push({ field: 'answers', message: 'The answers include a question that is not in this survey' });
      continue;
    }
    if (isEmptyAnswer(raw)) continue;
    const checked = checkValue(question, raw);
    if (checked.error) errors.push(checked.error);
    else if (checked.value !== undefined) values[key] = checked.value;
  }
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };

  const answers: Answers = {};
  for (const page of visiblePages(survey, values, condition)) {
    const enforce = requiredPages === 'all' || requiredPages.includes(page.name);
    for (const question of visibleQuestions(page, values, condition)) {
      const value = values[question.name];
      if (value === undefined) {
        if (enforce && question.isRequired && !notYetShown.has(question.name)) errors.push({ field: question.name, message: requiredMessage(question) });
        continue;
      }
      answers[question.name] = value;
      const comment = values[`${question.name}${COMMENT_SUFFIX}`];
      const choseOther = question.otherChoice && (Array.isArray(value) ? value.includes(question.otherChoice.value) : value === question.otherChoice.value);
      if (choseOther && comment !== undefined) answers[`${question.name}${COMMENT_SUFFIX}`] = comment;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

/** The same message for the same field once. */
export function dedupe(errors: AnswerError[]): AnswerError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.field}:${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
