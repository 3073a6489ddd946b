import { describe, expect, it } from 'vitest';
import { researchDb } from '#db/research/client';
import { surveyResponses } from '#db/research/schema';
import { eq } from 'drizzle-orm';
import { action as pageAction, loader as pageLoader } from '~/routes/surveys.$slug.$page';
import { action as startAction } from '~/routes/surveys.$slug._index';
import { action as submitAction } from '~/routes/surveys.$slug.submit';
import { addSurveyForTests, compileSurvey } from '~/surveys/definitions.server';
import { Browser } from '../setup/browser';
import { testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

// A set nobody here wrote might put a required follow-up on the same page, below the question that
// reveals it or above it.
const followUps = compileSurvey(
  'hub-help.v1.json',
  JSON.stringify({
    title: 'Help from family hubs',
    pages: [
      {
        name: 'hub',
        elements: [
          { type: 'radiogroup', name: 'got_help', title: 'Did your family get help from a family hub?', isRequired: true, choices: ['yes', 'no'] },
          { type: 'checkbox', name: 'kind', title: 'What kind of help was it?', isRequired: true, visibleIf: "{got_help} = 'yes'", choices: ['advice', 'groups', 'health'] },
        ],
      },
      {
        name: 'reasons',
        elements: [
          { type: 'comment', name: 'why_not', title: 'Why not?', isRequired: true, visibleIf: "{wanted} = true" },
          { type: 'boolean', name: 'wanted', title: 'Did you want help?', isRequired: true },
        ],
      },
    ],
  }),
);
addSurveyForTests(followUps);

async function questionsOn(browser: Browser, page: string): Promise<string[]> {
  const request = new Request(`http://localhost/surveys/hub-help/${page}`, { headers: { Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  const data = await pageLoader({ request, params: { slug: 'hub-help', page }, context: testContext() });
  return data.questions.map((question) => question.name);
}

async function revealedOn(browser: Browser, page: string) {
  const request = new Request(`http://localhost/surveys/hub-help/${page}`, { headers: { Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  const data = await pageLoader({ request, params: { slug: 'hub-help', page }, context: testContext() });
  return data.revealed.map((reveal) => ({ parent: reveal.parent, value: reveal.value, name: reveal.question.name }));
}

describe(`required follow-ups on the same page (${testStoreKind})`, () => {
  it('shows a follow-up an answer reveals, then requires it, below or above the question that reveals it', async () => {
    const browser = await new Browser().init();
    const params = { slug: 'hub-help' };
    expect((await browser.post(startAction, '/surveys/hub-help', params, { lang: 'en' })).location).toBe('/surveys/hub-help/hub');
    // "Yes" has a follow-up of its own: drawn inside that answer (a GOV.UK conditional reveal), so it
    // is on the page from the start and nothing needs the page again.
    expect(await questionsOn(browser, 'hub')).toEqual(['got_help']);
    expect(await revealedOn(browser, 'hub')).toEqual([{ parent: 'got_help', value: 'yes', name: 'kind' }]);
    // Chosen, it is required like any question shown.
    const missing = await browser.post(pageAction, '/x', { ...params, page: 'hub' }, { got_help: 'yes' });
    expect(missing.value).toMatchObject({ init: { status: 400 }, data: { errors: [{ field: 'kind' }] } });
    // "No", with the follow-up answered anyway (it stays open without scripts): what "No" hides is not kept.
    expect((await browser.post(pageAction, '/x', { ...params, page: 'hub' }, { got_help: 'no', kind: ['advice'] })).location).toBe('/surveys/hub-help/reasons');
    expect((await browser.post(pageAction, '/x', { ...params, page: 'hub' }, { got_help: 'yes', kind: ['advice', 'groups'] })).location).toBe('/surveys/hub-help/reasons');

    // The follow-up above its trigger.
    expect(await questionsOn(browser, 'reasons')).toEqual(['wanted']);
    expect((await browser.post(pageAction, '/x', { ...params, page: 'reasons' }, { wanted: 'true' })).location).toBe('/surveys/hub-help/reasons?added=why_not');
    expect(await questionsOn(browser, 'reasons')).toEqual(['why_not', 'wanted']);
    expect((await browser.post(pageAction, '/x', { ...params, page: 'reasons' }, { wanted: 'true' })).value).toMatchObject({ init: { status: 400 } });
    expect((await browser.post(pageAction, '/x', { ...params, page: 'reasons' }, { wanted: 'true', why_not: 'Too far away' })).location).toBe('/surveys/hub-help/check');

    const sent = await browser.post(submitAction, '/surveys/hub-help/submit', params, { responseId: 'from-the-page' });
    expect(sent.location).toBe('/surveys/hub-help/done');
    const [stored] = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.surveyId, 'hub-help'));
    // What SurveyJS's survey.data holds for the same answers.
    expect(stored!.answers).toEqual({ got_help: 'yes', kind: ['advice', 'groups'], wanted: true, why_not: 'Too far away' });
  });
});
