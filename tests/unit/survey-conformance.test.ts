import { readdirSync, readFileSync } from 'node:fs';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { projectPath } from '#db/paths';
import { createRandom } from '#db/seed/random';
import { answerFor } from '#db/seed/responses';
import { checkAnswers, type Answers } from '~/surveys/answers';
import { compileSurvey, conditionHolds, listSurveys, registerSurveyProperties, type SurveyDefinition } from '~/surveys/definitions.server';

// The conformance corpus: small sets, each exercising a group of SurveyJS features.
const folder = projectPath('tests', 'fixtures', 'surveys');
const corpus = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => compileSurvey(name, readFileSync(`${folder}/${name}`, 'utf8')));

/** What SurveyJS itself makes of an answer set: valid or not, and survey.data after completion. */
function surveyJsVerdict(survey: SurveyDefinition, answers: Answers): { valid: boolean; data: Answers } {
  registerSurveyProperties();
  const model = new Model(survey.json);
  model.data = structuredClone(answers);
  const valid = model.validate(true, false);
  if (valid) model.doComplete();
  return { valid, data: model.data as Answers };
}

/** Random answers to every question, shown or hidden, some left out: the branching decides what counts. */
function randomAnswers(survey: SurveyDefinition, seed: number): Answers {
  const random = createRandom(seed);
  const answers: Answers = {};
  for (const question of survey.text.en!.pages.flatMap((page) => page.questions)) {
    if (question.type === 'html' || random.chance(0.25)) continue;
    let value = question.type === 'text' && question.inputType === 'number' ? random.int(0, 9) : answerFor(random, question);
    // Only what a family could give in SurveyJS's UI, which stops typing at maxLength (the server
    // refuses longer text outright, a stricter rule for answers the UI could never send).
    if (typeof value === 'string' && question.maxLength) value = value.slice(0, question.maxLength);
    if (value !== undefined) answers[question.name] = value;
  }
  return answers;
}

describe('the conformance corpus', () => {
  it('has at least 15 sets, in both renderers', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    expect(corpus.filter((survey) => survey.renderer === 'govuk').length).toBeGreaterThan(5);
    expect(corpus.filter((survey) => survey.renderer === 'surveyjs').length).toBeGreaterThan(5);
  });

  // The GOV.UK pages' own checks (for every set they can draw, ranking sets included) must agree with
  // SurveyJS on every answer set: the same verdict, and
  // the same stored answers (what survey.data holds on completion).
  it.each([...corpus, ...listSurveys()].filter((survey) => survey.renderer === 'govuk' || survey.plainPages).map((survey) => [survey.id, survey] as const))(
    'checks answers to %s as SurveyJS does',
    (_id, survey) => {
      for (let seed = 1; seed <= 60; seed += 1) {
        const answers = randomAnswers(survey, seed);
        const ours = checkAnswers(survey.text.en!, answers, { requiredPages: 'all', condition: conditionHolds });
        const theirs = surveyJsVerdict(survey, answers);
        expect({ seed, valid: ours.ok }).toEqual({ seed, valid: theirs.valid });
        // One deliberate difference: typed text is stored without surrounding spaces.
        const trimmed = Object.fromEntries(Object.entries(theirs.data).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value]));
        if (ours.ok) expect({ seed, stored: ours.answers }).toEqual({ seed, stored: trimmed });
      }
    },
  );
});
