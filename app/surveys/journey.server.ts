import { signedCookie } from '~/utils/cookies.server';
import { checkAnswers, visiblePages, visibleQuestions, type AnswerError, type Answers } from './answers';
import { conditionHolds, type LocalisedSurvey, type SurveyDefinition, type SurveyPage } from './definitions.server';
import { getDraft, saveDraftAnswers } from './drafts.server';
import { answersFromForm } from './form-data';
import { revealsOn } from './reveals';
import { scrubFreeText } from './scrub-answers';
import type { SurveyDraft } from '#db/research/schema';

let cookie: ReturnType<typeof signedCookie> | undefined;

/**
 * The family's journey cookie: which draft belongs to this browser, per question set. It holds
 * only random draft ids, lasts a week, and is never stored with the answers.
 */
export function journeyCookie() {
  cookie ??= signedCookie('fv_journey', { path: '/surveys', maxAge: 7 * 24 * 60 * 60 });
  return cookie;
}

type JourneyMap = Record<string, string>;

export async function readJourneys(request: Request): Promise<JourneyMap> {
  const value: unknown = await journeyCookie().parse(request.headers.get('Cookie'));
  return value && typeof value === 'object' ? (value as JourneyMap) : {};
}

export async function journeyCookieWith(request: Request, surveyId: string, draftId: string | null): Promise<string> {
  const journeys = { ...(await readJourneys(request)) };
  if (draftId) journeys[surveyId] = draftId;
  else delete journeys[surveyId];
  return journeyCookie().serialize(journeys);
}

/** This browser's draft for the survey, if it has one that still exists. */
export async function currentDraft(request: Request, survey: SurveyDefinition): Promise<SurveyDraft | undefined> {
  const draftId = (await readJourneys(request))[survey.id];
  if (!draftId || !/^[0-9a-f-]{36}$/.test(draftId)) return undefined;
  const draft = await getDraft(draftId);
  return draft && draft.surveyId === survey.id ? draft : undefined;
}

export function textFor(survey: SurveyDefinition, locale: string): LocalisedSurvey {
  return survey.text[locale] ?? survey.text[survey.locales[0]!]!;
}

/** The pages this family will see, given their answers so far (the branching). */
export function pageFlow(text: LocalisedSurvey, answers: Answers): SurveyPage[] {
  return visiblePages(text, answers, conditionHolds);
}

/** Where a family coming back goes: the page after the last one they answered, or check your answers. */
export function resumePage(text: LocalisedSurvey, answers: Answers): string {
  const flow = pageFlow(text, answers);
  const answered = flow.map((page) => pageQuestions(page, answers).some((question) => answers[question.name] !== undefined));
  const last = answered.lastIndexOf(true);
  return flow[last + 1]?.name ?? (last < 0 ? (flow[0]?.name ?? 'check') : 'check');
}

export function neighbours(flow: SurveyPage[], pageName: string) {
  const index = flow.findIndex((page) => page.name === pageName);
  return {
    index,
    previous: index > 0 ? flow[index - 1]!.name : null,
    next: index >= 0 && index < flow.length - 1 ? flow[index + 1]!.name : null,
  };
}

export function pageQuestions(page: SurveyPage, answers: Answers) {
  return visibleQuestions(page, answers, conditionHolds);
}

/**
 * What a page draws: the questions these answers show, and every follow-up that sits inside its
 * answer as a reveal (drawn whatever the answer, so a family sees it as soon as they choose).
 */
export function drawnQuestions(page: SurveyPage, answers: Answers) {
  const visible = new Set(pageQuestions(page, answers).map((question) => question.name));
  const reveals = revealsOn(page);
  return page.questions.filter((question) => visible.has(question.name) || reveals.has(question.name));
}

export type SavePageResult = { ok: true; next: string | null; opened: string[]; added: string[]; answers: Answers } | { ok: false; errors: AnswerError[]; values: Answers };

export interface ChangeMode {
  /** Pages an earlier change opened, still to be asked before going back. */
  pending: string[];
}

/** Reads `?change=1&then=a,b` (pages only from this family's flow, so nothing else passes through). */
export function changeMode(url: URL, flow: SurveyPage[]): ChangeMode | null {
  if (url.searchParams.get('change') !== '1') return null;
  const names = new Set(flow.map((page) => page.name));
  const pending = (url.searchParams.get('then') ?? '').split(',').filter((name) => names.has(name)).slice(0, flow.length);
  return { pending };
}

export function withChangeMode(path: string, change: ChangeMode | null): string {
  if (!change) return path;
  const params = new URLSearchParams({ change: '1' });
  if (change.pending.length > 0) params.set('then', change.pending.join(','));
  return `${path}?${params.toString().replace(/%2C/g, ',')}`;
}

/** `?added=a,b`: the questions an answer just added to the page, to point them out. */
export function withAdded(path: string, added: string[]): string {
  if (added.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}added=${added.map(encodeURIComponent).join(',')}`;
}

/** Whether answers can change which pages or questions a family sees. */
export function hasBranching(text: LocalisedSurvey): boolean {
  return text.pages.some((page) => Boolean(page.visibleIf) || page.questions.some((question) => Boolean(question.visibleIf)));
}

/** The names of the questions these answers show, page by page. */
function shownQuestionNames(text: LocalisedSurvey, answers: Answers): Set<string> {
  return new Set(pageFlow(text, answers).flatMap((page) => pageQuestions(page, answers).filter((question) => question.type !== 'html').map((question) => question.name)));
}

/**
 * Where a family changing an answer from check your answers goes next: straight back, unless the
 * change opened questions on other pages (asked first, in order). `pending` are pages an earlier
 * change opened that are still to be asked.
 */
export function afterChange(text: LocalisedSurvey, answers: Answers, current: string, opened: string[], pending: string[]): { page: string | null; pending: string[] } {
  const flow = pageFlow(text, answers).map((page) => page.name);
  const toAsk = flow.filter((name) => name !== current && (opened.includes(name) || pending.includes(name)));
  return { page: toAsk[0] ?? null, pending: toAsk.slice(1) };
}

/**
 * Checks one page's answers and keeps them in the draft. Answers elsewhere in the draft that the
 * new answers hide are dropped by the check; nothing is kept if the page has an error.
 */
export async function savePage({
  survey,
  draft,
  page,
  form,
}: {
  survey: SurveyDefinition;
  draft: SurveyDraft;
  page: SurveyPage;
  form: FormData;
}): Promise<SavePageResult> {
  const text = textFor(survey, draft.locale);
  const shown = new Set(drawnQuestions(page, draft.answers).map((question) => question.name));
  // Every question on the page is read: one shown by an answer on this same page may arrive too.
  const questions = page.questions;
  const { answers: pageAnswers, unknownFields } = answersFromForm(questions, form);
  if (unknownFields.length > 0) {
    return { ok: false, errors: [{ field: questions[0]?.name ?? 'main-content', message: 'The form had fields that are not on this page. Reload the page and try again.' }], values: pageAnswers };
  }
  const merged: Answers = { ...draft.answers };
  for (const [name, value] of Object.entries(pageAnswers)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  // A required follow-up that an answer on this page has just revealed has not been seen yet: the
  // page is shown again with it (below) rather than refused for an answer nobody could give.
  const notYetShown = new Set(page.questions.map((question) => question.name).filter((name) => !shown.has(name)));
  const checked = checkAnswers(text, merged, { requiredPages: [page.name], condition: conditionHolds, notYetShown });
  if (!checked.ok) {
    const onPage = new Set(questions.flatMap((question) => [question.name, ...question.rows.map((row) => `${question.name}.${row.value}`)]));
    const errors = checked.errors.filter((error) => onPage.has(error.field) || error.field.endsWith('-Comment'));
    return { ok: false, errors: errors.length > 0 ? errors : checked.errors, values: pageAnswers };
  }
  await saveDraftAnswers(draft.id, scrubFreeText(survey, checked.answers));
  // Pages holding questions these answers have just opened (for a change made from check your answers).
  const before = shownQuestionNames(text, draft.answers);
  const opened = pageFlow(text, checked.answers)
    .filter((candidate) => candidate.name !== page.name && pageQuestions(candidate, checked.answers).some((question) => question.type !== 'html' && !before.has(question.name)))
    .map((candidate) => candidate.name);
  // Without JavaScript a follow-up question (say, "What support did you want?" after "Yes") can
  // only appear on the next load: show the page again while it has new, unanswered questions.
  const appeared = pageQuestions(page, checked.answers).filter((question) => !shown.has(question.name) && checked.answers[question.name] === undefined);
  if (appeared.length > 0 && appeared.some((question) => question.type !== 'html')) return { ok: true, next: page.name, opened, added: appeared.filter((question) => question.type !== 'html').map((question) => question.name), answers: checked.answers };
  return { ok: true, next: neighbours(pageFlow(text, checked.answers), page.name).next, opened, added: [], answers: checked.answers };
}
