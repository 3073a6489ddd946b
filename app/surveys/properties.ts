import { Serializer } from 'survey-core';
import { CHOICE_SOURCES, DIMENSIONS } from './vocabulary';

let registered = false;

/**
 * Our SurveyJS custom properties, registered wherever survey-core loads a question set (the server
 * and the React UI), so survey-core accepts and keeps them.
 */
export function registerSurveyProperties(): void {
  if (registered) return;
  Serializer.addProperty('question', { name: 'dimension', type: 'string', choices: [...DIMENSIONS] });
  Serializer.addProperty('question', { name: 'themes:string[]' });
  Serializer.addProperty('question', { name: 'freeText:boolean', default: false });
  Serializer.addProperty('question', { name: 'choicesFromReference', type: 'string', choices: [...CHOICE_SOURCES] });
  // The national programmes a service choice belongs to, so answers are attributed without
  // hard-coding question names.
  Serializer.addProperty('itemvalue', { name: 'programmes:string[]' });
  Serializer.addProperty('survey', { name: 'renderer', type: 'string', choices: ['govuk', 'surveyjs'], default: 'govuk' });
  // Who answers the set: young people get their own thank-you page, helplines and panels.
  Serializer.addProperty('survey', { name: 'audience', type: 'string', choices: ['families', 'young-people', 'local-authorities'], default: 'families' });
  // How the set is answered: by anyone with its link, only through an event's link or code, or
  // recorded by signed-in staff (never offered at /surveys).
  Serializer.addProperty('survey', { name: 'access', type: 'string', choices: ['open', 'event', 'staff'], default: 'open' });
  registered = true;
}
