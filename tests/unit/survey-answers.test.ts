import { describe, expect, it } from 'vitest';
import { checkAnswers } from '~/surveys/answers';
import { conditionHolds, getSurvey } from '~/surveys/definitions.server';
import { answersFromForm } from '~/surveys/form-data';

const common = getSurvey('common-question-set')!;
const text = common.text.en!;
const check = (answers: unknown) => checkAnswers(text, answers, { requiredPages: 'all', condition: conditionHolds });
const questionsOn = (pageName: string) => text.pages.find((page) => page.name === pageName)!.questions;

describe('checking answers against the common question set', () => {
  it('accepts a valid set and keeps it as SurveyJS would', () => {
    const answers = {
      services_used: ['family-hub', 'health-visitor'],
      support_received: '  Weekly baby group  ',
      support_helpfulness: 4,
      wanted_unavailable: true,
      wanted_support: 'Evening sessions',
      service_experience: { 'easy-to-find': 'agree', send: 'not-applicable' },
      la: 'E08000003',
      ethnic_group: 'white',
      ethnicity_white: 'irish',
    };
    expect(check(answers)).toEqual({ ok: true, answers: { ...answers, support_received: 'Weekly baby group' } });
  });

  it('drops answers the branching hides', () => {
    const result = check({ services_used: ['none'], support_received: 'hidden page', ethnic_group: 'asian', ethnicity_white: 'irish' });
    expect(result).toEqual({ ok: true, answers: { services_used: ['none'], ethnic_group: 'asian' } });
  });

  it.each([
    ['an unknown question', { services_used: ['family-hub'], is_admin: true }, /not in this survey/],
    ['a value outside the choices', { la: 'E99999999' }, /Select one of the options/],
    ['a wrong type', { support_helpfulness: '4' }, /Select one of the options/],
    ['a string where a list belongs', { services_used: 'family-hub' }, /Select one of the options/],
    ['“None” with other services', { services_used: ['none', 'midwife'] }, /on its own/],
    ['a boolean as text', { wanted_unavailable: 'yes' }, /Select yes or no/],
    ['1 MB of text', { support_received: 'x'.repeat(1024 * 1024) }, /1200 characters or fewer/],
    ['an object as text', { anything_else: { $gt: '' } }, /as text/],
    ['a matrix row that does not exist', { service_experience: { 'drop table': 'agree' } }, /each statement/],
    ['an array instead of answers', [1, 2], /could not be read/],
    ['an “other” comment for a question with no other', { 'la-Comment': 'x' }, /not in this survey/],
  ])('refuses %s', (_label, answers, message) => {
    const result = check(answers);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.message).join(' | ')).toMatch(message);
  });

  it('keeps script tags and SQL metacharacters as inert text', () => {
    const hostile = `<script>alert(1)</script>'); drop table survey_responses; --`;
    expect(check({ anything_else: hostile })).toEqual({ ok: true, answers: { anything_else: hostile } });
  });

  it('enforces required questions only where asked', () => {
    const young = getSurvey('young-people')!.text.en!;
    const result = checkAnswers(young, {}, { requiredPages: ['you'], condition: conditionHolds });
    expect(result).toEqual({ ok: false, errors: [{ field: 'young_person_age', message: 'Select how old you are' }] });
    expect(checkAnswers(young, {}, { requiredPages: ['services'], condition: conditionHolds }).ok).toBe(true);
  });
});

describe('reading a posted page', () => {
  it('turns form fields into typed answers and reports fields from elsewhere', () => {
    const form = new FormData();
    form.append('support_helpfulness', '5');
    form.append('support_received', 'Good');
    form.append('csrf', 'token');
    form.append('is_admin', 'true');
    const { answers, unknownFields } = answersFromForm(questionsOn('support-received'), form);
    expect(answers).toEqual({ support_received: 'Good', support_helpfulness: 5 });
    expect(unknownFields).toEqual(['is_admin']);
  });

  it('reads checkboxes, an “other” comment, a yes/no and a matrix', () => {
    const form = new FormData();
    form.append('not_used_reasons', 'times');
    form.append('not_used_reasons', 'other');
    form.append('not_used_reasons-Comment', 'No bus');
    expect(answersFromForm(questionsOn('not-used'), form).answers).toEqual({ not_used_reasons: ['times', 'other'], 'not_used_reasons-Comment': 'No bus' });
    const wanted = new FormData();
    wanted.append('wanted_unavailable', 'false');
    expect(answersFromForm(questionsOn('support-wanted'), wanted).answers).toMatchObject({ wanted_unavailable: false });
    const matrix = new FormData();
    matrix.append('service_experience.joined-up', 'disagree');
    expect(answersFromForm(questionsOn('how-it-works'), matrix).answers).toEqual({ service_experience: { 'joined-up': 'disagree' } });
  });
});

describe('reading a ranking drawn as a numbered select per item', () => {
  const priorities = getSurvey('priorities')!.text.en!;
  const questions = priorities.pages[0]!.questions;
  const ranking = questions.find((question) => question.type === 'ranking')!;
  const post = (ranks: Record<string, string>) => {
    const form = new FormData();
    for (const [item, rank] of Object.entries(ranks)) form.append(`${ranking.name}.${item}`, rank);
    return answersFromForm(questions, form);
  };
  const checkPage = (answers: unknown) => checkAnswers(priorities, answers, { requiredPages: 'all', condition: conditionHolds });

  it('turns each item’s number into the order SurveyJS stores, and refuses anything but 1 to n once each', () => {
    const order = { 'close-to-home': '2', 'out-of-hours': '5', 'one-worker': '1', online: '4', 'peer-support': '3' };
    const { answers, unknownFields } = post(order);
    expect(unknownFields).toEqual([]);
    expect(answers[ranking.name]).toEqual(['one-worker', 'close-to-home', 'peer-support', 'online', 'out-of-hours']);
    expect(checkPage(answers).ok).toBe(true);

    for (const wrong of [{ ...order, online: '2' }, { ...order, online: '' }, { ...order, online: '9' }, { ...order, online: 'first' }]) {
      const read = post(wrong).answers;
      // Kept as typed so the page can show it again, and refused with words that say what to do.
      expect(read[ranking.name]).toEqual(wrong);
      const checked = checkPage(read);
      expect(checked.ok).toBe(false);
      expect(!checked.ok && checked.errors[0]).toEqual({ field: ranking.name, message: `Give each item in “${ranking.title}” a different number from 1 to 5` });
    }
    // Nothing numbered is no answer: the required-answer message, as SurveyJS gives it.
    const none = checkPage(post({}).answers);
    expect(!none.ok && none.errors[0]!.message).toMatch(/^Select an answer to/);
  });
});
