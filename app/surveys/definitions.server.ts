import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConditionRunner, Model } from 'survey-core';
import { projectPath } from '#db/paths';
import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { registerSurveyProperties } from './properties';
import { DIMENSIONS, THEMES } from './vocabulary';
import { getEnv } from '~/env.server';
import { logger as surveyLog } from '~/utils/logger.server';

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
  /** Who answers it (the survey's `audience` property). */
  audience: 'families' | 'young-people' | 'local-authorities';
  /** How it is answered (the `access` property): by anyone with the link, through an event's link or code, or by staff. */
  access: 'open' | 'event' | 'staff';
  locales: string[];
  /** Texts per locale; the first locale is the default. */
  text: Record<string, LocalisedSurvey>;
  /** The JSON with reference choices filled in, for the SurveyJS React UI. */
  json: Record<string, unknown>;
  /** Question types the server renderer does not draw (the set then needs the React UI). */
  unsupportedTypes: string[];
  /** Properties the GOV.UK pages do not apply (validators, enableIf…): the set then uses the React UI too. */
  surveyJsFeatures: string[];
  /**
   * Whether the GOV.UK pages can also draw it, for families without JavaScript, when the React UI
   * is its usual way (a ranking drawn with drag and drop, or a set that asks for the React UI).
   */
  plainPages: boolean;
}

/** Types the server-rendered GOV.UK pages draw by default. */
export const SERVER_RENDERED_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'tagbox', 'boolean', 'rating', 'text', 'comment', 'matrix', 'html']);
/** Types the GOV.UK pages can also draw, for families without JavaScript (ranking: a numbered select per item). */
export const PLAIN_PAGE_TYPES = new Set([...SERVER_RENDERED_TYPES, 'ranking']);
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
        // The set's own answers ("I don't know", "Prefer not to say") first, where people look.
        element.choices = [...((element.choices as unknown[] | undefined) ?? []), ...las];
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
  // Names must be unique among the set's own questions; those inside a dynamic panel's template or a
  // matrix's cells are scoped to it (SurveyJS stores them inside the parent's value).
  for (const question of model.getAllQuestions(false, false, false)) {
    if (names.has(question.name)) problems.push(`duplicate question name "${question.name}"`);
    names.add(question.name);
  }
  for (const question of model.getAllQuestions(false, false, true)) {
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
  const surveyJsFeatures = featuresOnlySurveyJsApplies(model);
  const renderer =
    (model as unknown as { renderer?: string }).renderer === 'surveyjs' || unsupportedTypes.length > 0 || surveyJsFeatures.length > 0 ? 'surveyjs' : 'govuk';
  const declared = model as unknown as { audience?: string; access?: string };
  const audience = declared.audience === 'young-people' || declared.audience === 'local-authorities' ? declared.audience : 'families';
  const access = declared.access === 'event' || declared.access === 'staff' ? declared.access : 'open';
  const plainPages = surveyJsFeatures.length === 0 && model.getAllQuestions().every((q) => PLAIN_PAGE_TYPES.has(q.getType()) && !(q as unknown as { selectToRankEnabled?: boolean }).selectToRankEnabled);
  return { id: match[1]!, version: Number(match[2]), renderer, audience, access, locales, text, json, unsupportedTypes, surveyJsFeatures, plainPages };
}

/**
 * SurveyJS properties the server-rendered pages do not apply. A set using any of them is drawn and
 * checked by SurveyJS itself, so families and the stored answers get SurveyJS's own behaviour.
 */
function featuresOnlySurveyJsApplies(model: Model): string[] {
  const found = new Set<string>();
  for (const question of model.getAllQuestions(false, false, true)) {
    const q = question as unknown as Record<string, unknown> & { validators?: unknown[] };
    if ((q.validators?.length ?? 0) > 0) found.add('validators');
    for (const property of ['enableIf', 'requiredIf', 'choicesVisibleIf', 'choicesEnableIf', 'setValueIf', 'resetValueIf']) if (q[property]) found.add(property);
    if (q.defaultValue !== undefined && q.defaultValue !== null) found.add('defaultValue');
    if (question.getType() === 'expression') found.add('expression');
    const items = (q.choices as { visibleIf?: string; enableIf?: string }[] | undefined) ?? [];
    if (items.some((item) => item.visibleIf || item.enableIf)) found.add('choice visibleIf');
  }
  if (model.calculatedValues.length > 0) found.add('calculatedValues');
  if (model.triggers.length > 0) found.add('triggers');
  return [...found].sort();
}

/** A question set that could not be loaded, and why: shown to staff, reported by /healthz and the check. */
export interface UnavailableSurvey {
  id: string;
  fileName: string;
  reason: string;
}

export interface SurveyCatalogue {
  surveys: Map<string, SurveyDefinition>;
  unavailable: Map<string, UnavailableSurvey>;
}

/**
 * Every question set in surveys/, the latest version of each id. Each file is checked on its own: a
 * faulty one is set aside with its reason and every other set still loads, so one bad file never
 * stops the service. An id whose latest file is faulty is unavailable rather than falling back to an
 * older version families might not be meant to see any more.
 */
export function loadSurveyCatalogue(dirs: string | string[] = projectPath('surveys')): SurveyCatalogue {
  const surveys = new Map<string, SurveyDefinition>();
  const unavailable = new Map<string, UnavailableSurvey>();
  const latest = new Map<string, number>();
  const files = [dirs].flat().flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((fileName) => ({ dir, fileName })));
  for (const { dir, fileName } of files) {
    const match = FILE_NAME.exec(fileName);
    const id = match?.[1] ?? fileName.replace(/\.json$/, '');
    const version = Number(match?.[2] ?? 0);
    if ((latest.get(id) ?? -1) > version) continue;
    latest.set(id, version);
    try {
      const survey = compileSurvey(fileName, readFileSync(`${dir}/${fileName}`, 'utf8'));
      surveys.set(id, survey);
      unavailable.delete(id);
    } catch (error) {
      const reason = error instanceof SurveyDefinitionError ? error.message.replace(`${fileName}: `, '') : `could not be loaded (${(error as Error).message})`;
      surveys.delete(id);
      unavailable.set(id, { id, fileName, reason });
    }
  }
  return { surveys, unavailable };
}

/** The sets that loaded (for scripts and tests that want only those). */
export function loadSurveys(dirs: string | string[] = projectPath('surveys')): Map<string, SurveyDefinition> {
  return loadSurveyCatalogue(dirs).surveys;
}

/** The folders SURVEYS_DIR names, from the project's root. */
export function configuredSurveyFolders(): string[] {
  return getEnv()
    .SURVEYS_DIR.split(',')
    .map((folder) => folder.trim())
    .filter(Boolean)
    .map((folder) => (path.isAbsolute(folder) ? folder : projectPath(folder)));
}

let catalogue: SurveyCatalogue | undefined;
function currentCatalogue(): SurveyCatalogue {
  if (!catalogue) {
    catalogue = loadSurveyCatalogue(configuredSurveyFolders());
    for (const problem of catalogue.unavailable.values()) {
      // Question sets are project files, not personal data: the reason is logged whole.
      surveyLog.error({ survey: problem.fileName, reason: problem.reason }, 'question set unavailable');
    }
  }
  return catalogue;
}

export function getSurvey(id: string): SurveyDefinition | undefined {
  return currentCatalogue().surveys.get(id);
}

/** Why a question set cannot be used, when it is one we have but could not load. */
export function unavailableSurvey(id: string): UnavailableSurvey | undefined {
  return currentCatalogue().unavailable.get(id);
}

export function unavailableSurveys(): UnavailableSurvey[] {
  return [...currentCatalogue().unavailable.values()];
}

/** Lets tests add a question set (a translated one, say) without shipping it. */
export function addSurveyForTests(survey: SurveyDefinition): void {
  currentCatalogue().surveys.set(survey.id, survey);
}

export function listSurveys(): SurveyDefinition[] {
  return [...currentCatalogue().surveys.values()];
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
