import { Model, type Question } from 'survey-core';
import { COMMENT_SUFFIX, dedupe, type AnswerError, type Answers, type CheckResult } from './answers';
import { registerSurveyProperties, type SurveyDefinition } from './definitions.server';

/** A complete answer set is far smaller; anything larger is refused before SurveyJS sees it. */
const MAX_ANSWERS_BYTES = 100_000;

// A fresh model for every check: a reused one keeps state between answer sets (a dynamic panel's
// count, for one), which changed what was stored. Only sets the React UI draws come here.
function modelFor(survey: SurveyDefinition): Model {
  registerSurveyProperties();
  return new Model(survey.json);
}

/** The names a set stores answers under at the top level: its questions' value names, and their comments. */
function topLevelKeys(model: Model): Set<string> {
  const keys = new Set<string>();
  for (const question of model.getAllQuestions(false, false, false) as Question[]) {
    const name = question.getValueName();
    keys.add(name);
    keys.add(`${name}${COMMENT_SUFFIX}`);
  }
  for (const calculated of model.calculatedValues) if (calculated.includeIntoResult) keys.add(calculated.name);
  return keys;
}

/**
 * Checks a complete answer set with SurveyJS's own model: the same conditions (`visibleIf`,
 * `enableIf`, `requiredIf`, pages' `visibleIf`), required questions, validators and matrix, dynamic
 * panel and multiple-text semantics the React UI applied in the browser. What is returned is what
 * SurveyJS itself would store on completion (`survey.data`, values hidden by the branching removed).
 * Keys that are not the set's questions and values outside a question's choices are refused, not
 * dropped, so a tampered answer set is an error rather than a silent change.
 */
export function checkWithSurveyJs(survey: SurveyDefinition, input: unknown, locale = ''): CheckResult {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'answers', message: 'The answers could not be read' }] };
  }
  if (JSON.stringify(input).length > MAX_ANSWERS_BYTES) return { ok: false, errors: [{ field: 'answers', message: 'Your answers are too long to send' }] };
  const model = modelFor(survey);
  const allowed = topLevelKeys(model);
  if (Object.keys(input).some((key) => !allowed.has(key))) {
    return { ok: false, errors: [{ field: 'answers', message: 'The answers include a question that is not in this survey' }] };
  }
  model.locale = locale === survey.locales[0] ? '' : locale;
  model.data = structuredClone(input);
  // Values that are not among a question's choices (or a matrix's rows and columns) are what SurveyJS
  // would clear, sometimes already on being set (a ranking drops unknown items); its own clearing
  // misses some nested ones, so choices are also checked one by one.
  model.clearIncorrectValues();
  if (!keptWhole(input, model.data) || outsideChoices(model)) {
    return { ok: false, errors: [{ field: 'answers', message: 'An answer is not one of the options offered' }] };
  }
  const valid = model.validate(true, false);
  if (!valid) {
    const errors: AnswerError[] = [];
    for (const question of model.getAllQuestions(true) as Question[]) {
      const nested = (question.getNestedQuestions?.(true) ?? []) as Question[];
      for (const error of [...question.errors, ...nested.flatMap((inner) => inner.errors)]) {
        errors.push({ field: question.name, message: error.getText() });
      }
    }
    return { ok: false, errors: errors.length > 0 ? dedupe(errors) : [{ field: 'answers', message: 'Check your answers' }] };
  }
  // Completing applies SurveyJS's own clean-up: answers to questions the branching hides are removed.
  model.doComplete();
  return { ok: true, answers: model.data as Answers };
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Whether SurveyJS kept everything that was sent: every non-empty value, at every depth, unchanged. */
function keptWhole(sent: unknown, kept: unknown): boolean {
  if (Array.isArray(sent)) return Array.isArray(kept) && sent.length === kept.length && sent.every((item, index) => keptWhole(item, kept[index]));
  if (sent && typeof sent === 'object') {
    if (!kept || typeof kept !== 'object' || Array.isArray(kept)) return false;
    return Object.entries(sent).every(([key, value]) => isEmpty(value) || keptWhole(value, (kept as Record<string, unknown>)[key]));
  }
  return sent === kept;
}

interface ChoiceQuestion {
  isEmpty(): boolean;
  value: unknown;
  visibleChoices?: { value: unknown }[];
}

/** Whether any question with choices, nested ones included, holds a value it does not offer now. */
function outsideChoices(model: Model): boolean {
  for (const question of model.getAllQuestions(false, false, true) as unknown as ChoiceQuestion[]) {
    if (!Array.isArray(question.visibleChoices) || question.isEmpty()) continue;
    const offered = new Set(question.visibleChoices.map((choice) => choice.value));
    const values = Array.isArray(question.value) ? question.value : [question.value];
    if (values.some((value) => !offered.has(value))) return true;
  }
  return false;
}
