import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { researchDb } from '#db/research/client';
import { surveyDrafts } from '#db/research/schema';
import { action as pageAction } from '~/routes/surveys.$slug.$page';
import { action as startAction, loader as startLoader } from '~/routes/surveys.$slug._index';
import { Browser } from '../setup/browser';
import { testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const slug = 'common-question-set';
const params = { slug };

async function startedJourney() {
  const browser = await new Browser().init();
  const started = await browser.post(startAction, `/surveys/${slug}`, params, { lang: 'en' });
  expect(started.location).toBe(`/surveys/${slug}/services`);
  return browser;
}

const answer = (browser: Browser, page: string, fields: Record<string, string | string[]>, query = '') =>
  browser.post(pageAction, `/surveys/${slug}/${page}${query}`, { ...params, page }, fields);

const startPage = async (browser: Browser) =>
  (await startLoader({
    request: new Request(`http://localhost/surveys/${slug}`, { headers: { Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } }),
    params,
    context: testContext(),
  })) as { resume: string | null };

describe(`changing an answer from check your answers (${testStoreKind})`, () => {
  it('goes straight back to check your answers when the change opens nothing new', async () => {
    const browser = await startedJourney();
    await answer(browser, 'services', { services_used: ['none'] });
    expect((await answer(browser, 'overall', { overall_experience: '4' }, '?change=1')).location).toBe(`/surveys/${slug}/check`);
  });

  it('asks the questions a change opens first, then goes back', async () => {
    const browser = await startedJourney();
    expect((await answer(browser, 'services', { services_used: ['none'] })).location).toBe(`/surveys/${slug}/not-used`);
    // "None" changed to a service: the page about the support received is new, so it is asked.
    const changed = await answer(browser, 'services', { services_used: ['family-hub'] }, '?change=1');
    expect(changed.location).toBe(`/surveys/${slug}/support-received?change=1`);
    expect((await answer(browser, 'support-received', { support_helpfulness: '5' }, '?change=1')).location).toBe(`/surveys/${slug}/check`);
  });

  it('shows a follow-up on the same page first, keeping the way back', async () => {
    const browser = await startedJourney();
    // A follow-up that depends on more than one answer cannot sit inside an answer: the page comes back with it.
    const changed = await answer(browser, 'about-you-family', { family_type: 'couple', children_count: '2' }, '?change=1');
    expect(changed.location).toBe(`/surveys/${slug}/about-you-family?change=1&added=children_ages`);
    expect((await answer(browser, 'about-you-family', { family_type: 'couple', children_count: '2', children_ages: ['3-4'] }, '?change=1')).location).toBe(`/surveys/${slug}/check`);
  });

  it('goes straight back when the follow-up sits inside the answer that shows it, already on the page', async () => {
    const browser = await startedJourney();
    const changed = await answer(browser, 'support-wanted', { wanted_unavailable: 'true', wanted_support: 'Evening groups' }, '?change=1');
    expect(changed.location).toBe(`/surveys/${slug}/check`);
  });

  it('ignores pages in the address that are not in the family’s flow', async () => {
    const browser = await startedJourney();
    const changed = await answer(browser, 'overall', { overall_experience: '3' }, '?change=1&then=https://evil.example,not-a-page');
    expect(changed.location).toBe(`/surveys/${slug}/check`);
  });
});

describe(`coming back to unsent answers (${testStoreKind})`, () => {
  it('offers to continue from the page after the last one answered, or to start again', async () => {
    const browser = await startedJourney();
    expect((await startPage(browser)).resume).toBe(`/surveys/${slug}/services`);
    await answer(browser, 'services', { services_used: ['family-hub'] });
    await answer(browser, 'support-received', { support_helpfulness: '4' });
    expect((await startPage(browser)).resume).toBe(`/surveys/${slug}/support-wanted`);

    const [before] = await researchDb().select().from(surveyDrafts).where(sql`${surveyDrafts.answers}->>'support_helpfulness' = '4'`);
    const again = await browser.post(startAction, `/surveys/${slug}`, params, { lang: 'en' });
    expect(again.location).toBe(`/surveys/${slug}/services`);
    // The unsent answers are gone from the store, not just from this device.
    expect(await researchDb().$count(surveyDrafts, eq(surveyDrafts.id, before!.id))).toBe(0);
    expect((await startPage(browser)).resume).toBe(`/surveys/${slug}/services`);
  });

  it('offers nothing to a device with no answers saved', async () => {
    const browser = await new Browser().init();
    expect((await startPage(browser)).resume).toBeNull();
  });
});
