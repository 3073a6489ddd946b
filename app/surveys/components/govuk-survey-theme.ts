import type { Model, Question, surveyLocalization as Localization } from 'survey-core';

/**
 * SurveyJS's React UI dressed as a GOV.UK service: the GOV.UK typeface stack, its blue for choices
 * and buttons (white text on #1d70b8 is 5.2:1), its red for errors, and errors worded as on the
 * server-drawn pages. The focus style is in main.scss.
 */
export const GOVUK_SURVEY_THEME = {
  themeName: 'govuk',
  colorPalette: 'light',
  isPanelless: true,
  cssVariables: {
    '--sjs2-color-project-brand-600': '#1d70b8',
    '--sjs2-color-project-brand-700': '#0f385c',
    '--sjs2-color-project-brand-800': '#0b2a45',
    '--sjs2-color-fg-alert-primary': '#ca3535',
    '--sjs2-color-fg-brand-on-primary': '#ffffff',
    '--sjs2-typography-font-family-text': 'arial, sans-serif',
    '--sjs2-typography-font-family-component-label-content': 'arial, sans-serif',
    '--sjs2-typography-font-family-component-input-content': 'arial, sans-serif',
    '--sjs2-typography-font-family-component-page-title': 'arial, sans-serif',
    '--sjs2-typography-font-family-component-question-title': 'arial, sans-serif',
    '--sjs2-typography-font-family-component-survey-header-title': 'arial, sans-serif',
    '--sjs2-color-bg-basic-secondary': '#ffffff',
  },
};

const TYPED = new Set(['text', 'comment', 'multipletext']);

/** "Select an answer to …" or "Enter your answer to …", as the GOV.UK pages say it. */
export function requiredErrorFor(question: Pick<Question, 'getType' | 'title' | 'name'>): string {
  const title = question.title || question.name;
  return TYPED.has(question.getType()) ? `Enter your answer to “${title}”` : `Select an answer to “${title}”`;
}

export function applyGovukTheme(
  model: Model,
  { json, localization, preview = false }: { json: Record<string, unknown>; localization: typeof Localization; preview?: boolean },
): void {
  model.applyTheme(GOVUK_SURVEY_THEME as Parameters<Model['applyTheme']>[0]);
  // Matrix cells and anything else without a title of its own.
  const english = localization.locales.en as Record<string, string> | undefined;
  if (english) english.requiredError = 'Answer this question';
  // The set's own button words win.
  if (preview) model.completeText = 'Finish the preview';
  else if (!('completeText' in json)) model.completeText = 'Send my answers';
  if (!('pageNextText' in json)) model.pageNextText = 'Continue';
  if (!('pagePrevText' in json)) model.pagePrevText = 'Back';
  // A set's own wording wins; otherwise the GOV.UK pages' wording (questions in panels included).
  for (const question of model.getAllQuestions(false, false, true)) {
    if (!question.requiredErrorText) question.requiredErrorText = requiredErrorFor(question);
  }
  model.onDynamicPanelAdded.add((_, options) => {
    for (const question of options.panel.questions) if (!question.requiredErrorText) question.requiredErrorText = requiredErrorFor(question);
  });
}
