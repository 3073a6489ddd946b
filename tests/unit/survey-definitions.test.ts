import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { projectPath } from '#db/paths';
import { compileSurvey, listSurveys, loadSurveyCatalogue, registerSurveyProperties, SurveyDefinitionError } from '~/surveys/definitions.server';
import { aboutYouQuestions } from '~/panels/sign-up-steps.server';
import { visibleQuestions } from '~/surveys/answers';
import { conditionHolds, getSurvey } from '~/surveys/definitions.server';

const files = readdirSync(projectPath('surveys')).filter((name) => name.endsWith('.json'));

describe('question sets in surveys/', () => {
  it.each(files)('%s loads in survey-core with no JSON error, duplicate name or unknown tag', (fileName) => {
    const source = readFileSync(projectPath('surveys', fileName), 'utf8');
    registerSurveyProperties();
    expect(new Model(JSON.parse(source)).jsonErrors ?? []).toEqual([]);
    expect(() => compileSurvey(fileName, source)).not.toThrow();
  });

  it('include the common set and the young people’s set, both server-rendered', () => {
    const surveys = Object.fromEntries(listSurveys().map((survey) => [survey.id, survey]));
    expect(surveys['common-question-set']).toMatchObject({ version: 1, renderer: 'govuk', unsupportedTypes: [] });
    expect(surveys['young-people']).toMatchObject({ version: 1, renderer: 'govuk', unsupportedTypes: [] });
  });

  it('ask every About-you question with a “Prefer not to say” answer and never ask for identifiers', () => {
    for (const survey of listSurveys()) {
      const questions = survey.text.en!.pages.flatMap((page) => page.questions);
      for (const question of questions.filter((q) => q.dimension && q.dimension !== 'programme_use' && q.type !== 'checkbox')) {
        expect(question.choices.map((choice) => choice.value), question.name).toContain('prefer-not-to-say');
      }
      const names = questions.map((question) => `${question.name} ${question.title}`).join('\n').toLowerCase();
      expect(names).not.toMatch(/your name|email|phone number|postcode|date of birth/);
    }
  });

  it('offer all 153 upper-tier local authorities in the council question', () => {
    const common = listSurveys().find((survey) => survey.id === 'common-question-set')!;
    const la = common.text.en!.pages.flatMap((page) => page.questions).find((question) => question.dimension === 'la')!;
    expect(la.choices.filter((choice) => /^E\d{8}$/.test(String(choice.value)))).toHaveLength(153);
  });
});

describe('compileSurvey refuses a broken question set', () => {
  const page = (elements: unknown[]) => JSON.stringify({ pages: [{ name: 'p', elements }] });
  it.each([
    ['not JSON', 'broken.v1.json', '{ "pages": [', /not valid JSON/],
    ['a bad file name', 'Broken.json', page([]), /name must be/],
    ['a duplicate name', 'dup.v1.json', page([{ type: 'text', name: 'a' }, { type: 'comment', name: 'a' }]), /duplicate question name "a"/],
    ['an unknown theme', 'theme.v1.json', page([{ type: 'text', name: 'a', themes: ['astrology'] }]), /unknown theme "astrology"/],
    ['an unknown dimension', 'dim.v1.json', page([{ type: 'text', name: 'a', dimension: 'star-sign' }]), /dimension/],
    ['an unknown property', 'prop.v1.json', page([{ type: 'text', name: 'a', colour: 'red' }]), /colour/],
  ])('with %s', (_label, fileName, source, message) => {
    expect(() => compileSurvey(fileName, source)).toThrow(SurveyDefinitionError);
    expect(() => compileSurvey(fileName, source)).toThrow(message);
  });

  it('reads translations', () => {
    const survey = compileSurvey('translated.v1.json', readFileSync(projectPath('tests', 'fixtures', 'surveys', 'translated.v1.json'), 'utf8'));
    expect(survey.locales).toEqual(['en', 'cy']);
    expect(survey.text.cy!.title).toBe('Dywedwch wrthym');
    expect(survey.text.cy!.pages[0]!.questions[0]!.title).toBe("Ydych chi'n hapus?");
    expect(survey.text.en!.pages[0]!.questions[0]!.title).toBe('Are you happy?');
    expect(survey).toMatchObject({ renderer: 'govuk', unsupportedTypes: [] });
  });

  it('sends question sets with types the GOV.UK pages cannot draw to the React UI', () => {
    expect(listSurveys().find((survey) => survey.id === 'priorities')).toMatchObject({ renderer: 'surveyjs', unsupportedTypes: ['ranking'] });
  });
});

describe('question sets with nested names', () => {
  it('accept a matrixdropdown whose columns repeat on every row, and dynamic panels whose names are scoped to the panel', () => {
    const source = JSON.stringify({
      pages: [
        {
          name: 'services',
          elements: [
            {
              type: 'matrixdropdown',
              name: 'services',
              title: 'The services you used',
              rows: ['family-hub', 'health-visitor'],
              columns: [
                { name: 'used', cellType: 'boolean' },
                { name: 'rating', cellType: 'dropdown', choices: [1, 2, 3] },
              ],
            },
            { type: 'paneldynamic', name: 'children', templateElements: [{ type: 'text', name: 'age' }, { type: 'paneldynamic', name: 'needs', templateElements: [{ type: 'text', name: 'need' }] }] },
            { type: 'paneldynamic', name: 'carers', templateElements: [{ type: 'text', name: 'age' }] },
          ],
        },
      ],
    });
    expect(compileSurvey('nested.v1.json', source)).toMatchObject({ id: 'nested', renderer: 'surveyjs' });
  });
});

describe('a faulty question set beside good ones', () => {
  it('is set aside with its reason while every other set loads', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fv-surveys-'));
    const good = JSON.stringify({ title: 'Good', pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }] }] });
    writeFileSync(path.join(dir, 'good.v1.json'), good);
    writeFileSync(path.join(dir, 'broken.v1.json'), '{ "pages": [');
    writeFileSync(path.join(dir, 'clash.v1.json'), JSON.stringify({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }, { type: 'comment', name: 'a' }] }] }));
    // A newer version that is broken makes the set unavailable rather than quietly serving the old one.
    writeFileSync(path.join(dir, 'moved.v1.json'), good);
    writeFileSync(path.join(dir, 'moved.v2.json'), JSON.stringify({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', colour: 'red' }] }] }));
    const { surveys, unavailable } = loadSurveyCatalogue(dir);
    expect([...surveys.keys()]).toEqual(['good']);
    expect([...unavailable.values()]).toEqual([
      { id: 'broken', fileName: 'broken.v1.json', reason: expect.stringMatching(/not valid JSON/) },
      { id: 'clash', fileName: 'clash.v1.json', reason: 'duplicate question name "a"' },
      { id: 'moved', fileName: 'moved.v2.json', reason: expect.any(String) },
    ]);
  });
});

describe('the young people’s question set follows the Census 2021 age rules', () => {
  it.each([
    ['11-13', false],
    ['14-15', false],
    ['prefer-not-to-say', false],
    ['16-17', true],
    ['22-25', true],
  ])('at %s, sexual orientation and marital status asked: %s', (age, asked) => {
    const survey = getSurvey('young-people')!;
    const shown = survey.text.en!.pages.flatMap((page) => visibleQuestions(page, { young_person_age: age }, conditionHolds)).map((question) => question.dimension);
    expect(shown.includes('sexual_orientation')).toBe(asked);
    expect(shown.includes('marital_status')).toBe(asked);
  });

  it('and the sign-up form for young people’s panels asks neither', () => {
    const dimensions = aboutYouQuestions({ youngPeople: true }).map((question) => question.dimension);
    expect(dimensions).not.toContain('sexual_orientation');
    expect(dimensions).not.toContain('marital_status');
    expect(aboutYouQuestions().map((question) => question.dimension)).toContain('sexual_orientation');
  });
});
