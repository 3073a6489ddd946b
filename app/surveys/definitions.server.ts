import { readdirSync, readFileSync } from 'node:fs';
import { ConditionRunner, Model } from 'survey-core';
import { projectPath } from '#db/paths';
import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { registerSurveyProperties } from './properties';
import { DIMENSIONS, THEMES } from './vocabulary';

/**
 * Question sets are SurveyJS JSON in surveys/<id>.v<version>.json. Each is loaded once per process
 * with survey-core, which checks the JSON and resolves translations; what the journey and the
 * submission checks need is then kept as plain data, so no SurveyJS Model is built per request.
 */

export { registerSurveyProperties };

export type ChoiceValue = string | number;
export interface Choice {
  value: ChoiceValue;
  text: string;
  /** Programme codes this choice stands for (service questions). */
  programmes?: string[];
}

export interface SurveyQuestion {
  name: string;
  type: string;
  title: string;
  description?: string;
  isRequired: boolean;
  requiredErrorText?: string;
  visibleIf?: string;
  choices: Choice[];
  /** Checkbox "None of these": chosen alone. */
  noneChoice?: Choice;
  /** "Other" with a text box whose answer is kept as `<name>-Comment`. */
  otherChoice?: Choice;
  rows: Choice[];
  columns: Choice[];
  maxLength?: number;
  inputType?: string;
  labelTrue?: string;
  labelFalse?: string;
  html?: string;
  dimension?: string;
  themes: string[];
  freeText: boolean;
}

export interface SurveyPage {
  name: string;
  title: string;
  description?: string;
  visibleIf?: string;
  questions: SurveyQuestion[];
}

export interface LocalisedSurvey {
  title: string;
  description?: string;
  pages: SurveyPage[];
}

export interface SurveyDefinition {
  id: string;
  version: number;
  renderer: 'govuk' | 'surveyjs';
  locales: string[];
  /** Texts per locale; the first locale is the default. */
  text: Record<string, LocalisedSurvey>;
  /** The JSON with reference choices filled in, for the SurveyJS React UI. */
  json: Record<string, unknown>;
  /** Question types the server renderer does not draw (the set then needs the React UI). */
  unsupportedTypes: string[];
}

/** Types the server-rendered GOV.UK pages can draw. */
export const SERVER_RENDERED_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'tagbox', 'boolean', 'rating', 'text', 'comment', 'matrix', 'html']);
/** Free text has a ceiling even when the JSON sets none. */
export const DEFAULT_MAX_LENGTH = 2000;

const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.v(\d+)\.json$/;

type JsonObject = Record<string, unknown>;

function fillReferenceChoices(json: JsonObject): JsonObject {
  const copy = structuredClone(json);
  const las = readUpperTierLocalAuthorities()
    .map((la) => ({ value: la.la_code, text: la.la_name }))
    .sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));
  for (const page of (copy.pages as JsonObject[] | undefined) ?? []) {
    for (const element of (page.elements as JsonObject[] | undefined) ?? []) {
      if (element.choicesFromReference === 'local-authorities') {
        element.choices = [...las, ...((element.choices as unknown[] | undefined) ?? [])];
      }
    }
  }
  return copy;
}

interface ItemLike {
  value: ChoiceValue;
  text: string;
  programmes?: string[];
}
const toChoice = (item: ItemLike): Choice =>
  item.programmes && item.programmes.length > 0 ? { value: item.value, text: item.text, programmes: [...item.programmes] } : { value: item.value, text: item.text };

function describeQuestion(question: Record<string, unknown> & { getType(): string }): SurveyQuestion {
  const q = question as unknown as {
    name: string;
    title: string;
    description: string;
    isRequired: boolean;
    requiredErrorText: string;
    visibleIf: string;
    choices?: ItemLike[];
    showNoneItem?: boolean;
    noneItem?: ItemLike;
    showOtherItem?: boolean;
    otherItem?: ItemLike;
    rows?: ItemLike[];
    columns?: ItemLike[];
    visibleRateValues?: ItemLike[];
    maxLength?: number;
    inputType?: string;
    labelTrue?: string;
    labelFalse?: string;
    html?: string;
    dimension?: string;
    themes?: string[];
    freeText?: boolean;
  };
  const type = question.getType();
  const choices = type === 'rating' ? (q.visibleRateValues ?? []).map(toChoice) : (q.choices ?? []).map(toChoice);
  const maxLength = q.maxLength && q.maxLength > 0 ? q.maxLength : undefined;
  return {
    name: q.name,
    type,
    title: q.title,
    description: q.description || undefined,
    isRequired: Boolean(q.isRequired),
    requiredErrorText: q.requiredErrorText || undefined,
    visibleIf: q.visibleIf || undefined,
    choices,
    noneChoice: q.showNoneItem && q.noneItem ? toChoice(q.noneItem) : undefined,
    otherChoice: q.showOtherItem && q.otherItem ? toChoice(q.otherItem) : undefined,
    rows: type === 'matrix' ? (q.rows ?? []).map(toChoice) : [],
    columns: type === 'matrix' ? (q.columns ?? []).map(toChoice) : [],
    maxLength: type === 'text' || type === 'comment' || q.showOtherItem ? Math.min(maxLength ?? DEFAULT_MAX_LENGTH, DEFAULT_MAX_LENGTH) : undefined,
    inputType: type === 'text' ? q.inputType || 'text' : undefined,
    labelTrue: type === 'boolean' ? q.labelTrue : undefined,
    labelFalse: type === 'boolean' ? q.labelFalse : undefined,
    html: type === 'html' ? q.html : undefined,
    dimension: q.dimension || undefined,
    themes: [...(q.themes ?? [])],
    freeText: Boolean(q.freeText) || type === 'comment' || type === 'text',
  };
}

export class SurveyDefinitionError extends Error {}

/** Parses and checks one question set; throws SurveyDefinitionError naming what is wrong. */
export function compileSurvey(fileName: string, source: string): SurveyDefinition {
  registerSurveyProperties();
  const match = FILE_NAME.exec(fileName);
  if (!match) throw new SurveyDefinitionError(`${fileName}: name must be <id>.v<version>.json`);
  let raw: JsonObject;
  try {
    raw = JSON.parse(source) as JsonObject;
  } catch (error) {
    throw new SurveyDefinitionError(`${fileName}: not valid JSON (${(error as Error).message})`);
  }
  const json = fillReferenceChoices(raw);
  const model = new Model(json);
  const errors = (model.jsonErrors ?? []).map((error) => error.message);
  if (errors.length > 0) throw new SurveyDefinitionError(`${fileName}: ${errors.join('; ')}`);

  const names = new Set<string>();
  const problems: string[] = [];
  for (const question of model.getAllQuestions(false, false, true)) {
    if (names.has(question.name)) problems.push(`duplicate question name "${question.name}"`);
    names.add(question.name);
    const themes = ((question as unknown as { themes?: string[] }).themes ?? []) as string[];
    for (const theme of themes) if (!(THEMES as readonly string[]).includes(theme)) problems.push(`"${question.name}": unknown theme "${theme}"`);
    const dimension = (question as unknown as { dimension?: string }).dimension;
    if (dimension && !(DIMENSIONS as readonly string[]).includes(dimension)) problems.push(`"${question.name}": unknown dimension "${dimension}"`);
  }
  if (problems.length > 0) throw new SurveyDefinitionError(`${fileName}: ${problems.join('; ')}`);

  const locales = ['en', ...model.getUsedLocales().filter((locale) => locale !== 'en' && locale !== '')];
  const text: Record<string, LocalisedSurvey> = {};
  for (const locale of locales) {
    model.locale = locale === 'en' ? '' : locale;
    text[locale] = {
      title: model.title,
      description: model.description || undefined,
      pages: model.pages.map((page) => ({
        name: page.name,
        title: page.title,
        description: page.description || undefined,
        visibleIf: page.visibleIf || undefined,
        questions: page.questions.map((question) => describeQuestion(question as never)),
      })),
    };
  }
  model.locale = '';
  const unsupportedTypes = [...new Set(model.getAllQuestions().map((q) => q.getType()).filter((type) => !SERVER_RENDERED_TYPES.has(type)))];
  const renderer = (model as unknown as { renderer?: string }).renderer === 'surveyjs' || unsupportedTypes.length > 0 ? 'surveyjs' : 'govuk';
  return { id: match[1]!, version: Number(match[2]), renderer, locales, text, json, unsupportedTypes };
}

let catalogue: Map<string, SurveyDefinition> | undefined;

/** Every question set in surveys/, the latest version of each id. */
export function loadSurveys(dir = projectPath('surveys')): Map<string, SurveyDefinition> {
  const surveys = new Map<string, SurveyDefinition>();
  for (const fileName of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const survey = compileSurvey(fileName, readFileSync(`${dir}/${fileName}`, 'utf8'));
    const existing = surveys.get(survey.id);
    if (!existing || existing.version < survey.version) surveys.set(survey.id, survey);
  }
  return surveys;
}

export function getSurvey(id: string): SurveyDefinition | undefined {
  catalogue ??= loadSurveys();
  return catalogue.get(id);
}

/** Lets tests add a question set (a translated one, say) without shipping it. */
export function addSurveyForTests(survey: SurveyDefinition): void {
  catalogue ??= loadSurveys();
  catalogue.set(survey.id, survey);
}

export function listSurveys(): SurveyDefinition[] {
  catalogue ??= loadSurveys();
  return [...catalogue.values()];
}

const conditions = new Map<string, ConditionRunner>();
/** Evaluates a SurveyJS `visibleIf` expression with survey-core's own expression engine. */
export function conditionHolds(expression: string | undefined, values: Record<string, unknown>): boolean {
  if (!expression) return true;
  let runner = conditions.get(expression);
  if (!runner) {
    runner = new ConditionRunner(expression);
    conditions.set(expression, runner);
  }
  return runner.runValues(values);
}
