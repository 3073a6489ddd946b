import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { researchDb } from '#db/research/client';
import { surveyDrafts, surveyResponses } from '#db/research/schema';
import { queryRows } from '#db/store';
import { action as pageAction } from '~/routes/surveys.$slug.$page';
import { action as startAction } from '~/routes/surveys.$slug._index';
import { action as submitAction } from '~/routes/surveys.$slug.submit';
import { getSurvey } from '~/surveys/definitions.server';
import { journeyCookieWith } from '~/surveys/journey.server';
import { submitResponse } from '~/surveys/responses.server';
import { Browser } from '../setup/browser';
import { testContext } from '../setup/requests';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const common = getSurvey('common-question-set')!;

/** A browser's cookies across requests, enough to drive the journey's actions. */
const identityRowCount = async () => {
  const rows = await queryRows<{ total: number }>(
    identityDb(),
    sql`select (select count(*) from staff_users) + (select count(*) from staff_sessions) + (select count(*) from audit_events) + (select count(*) from sign_in_attempts) as total`,
  );
  return Number(rows[0]!.total);
};

describe(`storing survey responses (${testStoreKind})`, () => {
  let identityBefore: number;
  beforeAll(async () => {
    identityBefore = await identityRowCount();
  });

  it('stores a response once, with its local authority’s region, programmes and channel, and scrubbed text', async () => {
    const responseId = randomUUID();
    const answers = {
      services_used: ['family-hub', 'relationship-support'],
      support_received: 'Ring me on 07700 900123 or jo@example.com, I live at M1 1AE',
      la: 'E08000003',
    };
    const first = await submitResponse({ survey: common, responseId, answers, source: { programme: 'start-for-life', channel: 'hub-poster' } });
    const second = await submitResponse({ survey: common, responseId, answers, source: { channel: 'hub-poster' } });
    expect(first).toEqual({ ok: true, responseId, duplicate: false });
    expect(second).toEqual({ ok: true, responseId, duplicate: true });
    const rows = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.id, responseId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      surveyId: 'common-question-set',
      surveyVersion: 1,
      laCode: 'E08000003',
      regionCode: 'E12000002',
      programmeCodes: ['family-hubs', 'reducing-parental-conflict', 'start-for-life'],
      channel: 'hub-poster',
      answers: { support_received: 'Ring me on [phone number removed] or [email removed], I live at [postcode removed]' },
    });
    expect(rows[0]!.pseudonym).toMatch(/^[0-9a-f]{64}$/);
  });

  it('uses the link’s local authority when the family does not give one', async () => {
    const responseId = randomUUID();
    await submitResponse({ survey: common, responseId, answers: { la: 'prefer-not-to-say' }, source: { la: 'E09000033' } });
    const [row] = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.id, responseId));
    expect(row).toMatchObject({ laCode: 'E09000033', regionCode: 'E12000007' });
  });

  it('refuses hostile submissions and stores nothing', async () => {
    const before = await researchDb().$count(surveyResponses);
    for (const answers of [{ is_admin: true }, { support_helpfulness: 'DROP TABLE' }, { anything_else: 'x'.repeat(1_000_000) }, null]) {
      expect((await submitResponse({ survey: common, responseId: randomUUID(), answers })).ok).toBe(false);
    }
    expect((await submitResponse({ survey: common, responseId: "1'; drop table x; --", answers: {} })).ok).toBe(false);
    expect(await researchDb().$count(surveyResponses)).toBe(before);
  });

  it('takes a family through the server-rendered journey, stores once on a double submit, and keeps the draft scrubbed', async () => {
    const browser = await new Browser().init();
    const params = { slug: 'young-people' };
    const started = await browser.post(startAction, '/surveys/young-people', params, { lang: 'en', la: 'E08000003', channel: 'school-link' });
    expect(started.location).toBe('/surveys/young-people/you');

    const missing = await browser.post(pageAction, '/surveys/young-people/you', { ...params, page: 'you' });
    expect(missing.value).toMatchObject({ init: { status: 400 }, data: { errors: [{ field: 'young_person_age', message: 'Select how old you are' }] } });

    expect((await browser.post(pageAction, '/x', { ...params, page: 'you' }, { young_person_age: '14-15' })).location).toBe('/surveys/young-people/services');
    expect((await browser.post(pageAction, '/x', { ...params, page: 'services' }, { yp_services_used: ['family-hub'], yp_helpfulness: '4' })).location).toBe(
      '/surveys/young-people/help',
    );
    const tampered = await browser.post(pageAction, '/x', { ...params, page: 'help' }, { help_sources: ['friend'], admin: 'yes' });
    expect(tampered.value).toMatchObject({ init: { status: 400 } });
    await browser.post(pageAction, '/x', { ...params, page: 'help' }, { help_sources: ['friend'] });
    await browser.post(pageAction, '/x', { ...params, page: 'home' }, { 'home_relationships.siblings': 'well' });
    await browser.post(pageAction, '/x', { ...params, page: 'better' }, { yp_make_better: 'Text me on 07700 900456' });

    const [draft] = await researchDb().select().from(surveyDrafts);
    expect(draft!.answers).toMatchObject({ yp_make_better: 'Text me on [phone number removed]' });

    const before = await researchDb().$count(surveyResponses);
    const sent = await browser.post(submitAction, '/surveys/young-people/submit', params, { responseId: draft!.responseId });
    expect(sent.location).toBe('/surveys/young-people/done');
    const again = await browser.post(submitAction, '/surveys/young-people/submit', params, { responseId: draft!.responseId });
    expect(again.location).toBe('/surveys/young-people/done?already=1');
    expect(await researchDb().$count(surveyResponses)).toBe(before + 1);
    expect(await researchDb().$count(surveyDrafts)).toBe(0);

    const [stored] = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.id, draft!.responseId));
    expect(stored).toMatchObject({
      surveyId: 'young-people',
      laCode: 'E08000003',
      channel: 'school-link',
      programmeCodes: ['family-hubs'],
      answers: {
        young_person_age: '14-15',
        yp_services_used: ['family-hub'],
        yp_helpfulness: 4,
        help_sources: ['friend'],
        home_relationships: { siblings: 'well' },
        yp_make_better: 'Text me on [phone number removed]',
      },
    });

    // The React UI posts the same answers as JSON to the same action: the same row results.
    const jsonId = randomUUID();
    const request = new Request('http://localhost/surveys/young-people/submit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({
        csrf: browser.csrf,
        responseId: jsonId,
        locale: 'en',
        source: { la: 'E08000003', channel: 'school-link' },
        answers: {
          young_person_age: '14-15',
          yp_services_used: ['family-hub'],
          yp_helpfulness: 4,
          help_sources: ['friend'],
          home_relationships: { siblings: 'well' },
          yp_make_better: 'Text me on 07700 900456',
        },
      }),
    });
    const viaJson = (await submitAction({ request, context: testContext(), params })) as { init: { status: number } };
    expect(viaJson.init.status).toBe(200);
    const [fromReactUi] = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.id, jsonId));
    const comparable = (row: typeof stored) => ({ ...row, id: undefined, pseudonym: undefined, submittedAt: undefined });
    expect(comparable(fromReactUi!)).toEqual(comparable(stored!));
  });

  it('never says "sent" for answers it did not store: an expired draft or a forged journey cookie gets a 410 and the way back', async () => {
    const params = { slug: 'young-people' };
    const before = await researchDb().$count(surveyResponses);
    // No draft at all (it expired), with a response id the page once carried.
    const expired = await new Browser().init();
    const noDraft = await expired.post(submitAction, '/surveys/young-people/submit', params, { responseId: randomUUID() });
    expect(noDraft.location).toBeNull();
    expect(noDraft.value).toMatchObject({ init: { status: 410 }, data: { ok: false, kind: 'not-found', errors: [{ field: 'start', message: expect.stringMatching(/could not find your answers/) }] } });
    // A journey cookie naming a draft that does not exist.
    const forged = await new Browser().init();
    forged.cookies.set('fv_journey', encodeURIComponent(JSON.stringify({ 'young-people': randomUUID() })));
    expect((await forged.post(submitAction, '/surveys/young-people/submit', params, { responseId: randomUUID() })).value).toMatchObject({ init: { status: 410 } });
    // A properly signed cookie whose draft has gone (removed after 7 days).
    forged.take(await journeyCookieWith(new Request('http://localhost/'), 'young-people', randomUUID()));
    const withForgedCookie = await forged.post(submitAction, '/surveys/young-people/submit', params, { responseId: randomUUID() });
    expect(withForgedCookie.value).toMatchObject({ init: { status: 410 } });
    // The "Try sending again" form, with nothing left to send.
    expect((await forged.post(submitAction, '/surveys/young-people/submit', params, { responseId: 'retry' })).value).toMatchObject({ init: { status: 410 } });
    expect(await researchDb().$count(surveyResponses)).toBe(before);
  });

  it('refuses a JSON submission without the CSRF token', async () => {
    const request = new Request('http://localhost/surveys/young-people/submit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ csrf: 'forged', responseId: randomUUID(), answers: {} }),
    });
    await expect(submitAction({ request, context: testContext(), params: { slug: 'young-people' } })).rejects.toMatchObject({ status: 403 });
  });

  it('keeps every identifier out: no network address, device or cookie value in the research store, nothing in the identity store', async () => {
    const text = await allResearchText();
    expect(text).not.toMatch(/07700 900|@example\.com|M1 1AE|192\.0\.2|fv_journey|fv_csrf/);
    expect(await identityRowCount()).toBe(identityBefore);
    const columns = await queryRows<{ column_name: string }>(
      researchDb(),
      sql`select column_name from information_schema.columns where table_name = 'survey_responses'`,
    );
    expect(columns.map((column) => column.column_name)).not.toEqual(expect.arrayContaining(['ip', 'ip_address', 'user_agent', 'cookie']));
    expect(columns.map((column) => column.column_name).some((name) => /ip|agent|cookie|email|phone|name$/.test(name))).toBe(false);
  });
});

describe(`when the research store is down (${testStoreKind})`, () => {
  it('tells the family their answers are kept and to try again (503)', async () => {
    const { closeResearchStore, openResearchStore } = await import('#db/research/client');
    await closeResearchStore();
    await openResearchStore({ url: 'postgres://postgres@127.0.0.1:1/research' });
    const browser = await new Browser().init();
    const request = new Request('http://localhost/surveys/young-people/submit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({ csrf: browser.csrf, responseId: randomUUID(), answers: { young_person_age: '11-13' } }),
    });
    const result = (await submitAction({ request, context: testContext(), params: { slug: 'young-people' } })) as { init: { status: number }; data: unknown };
    expect(result.init.status).toBe(503);
    expect(JSON.stringify(result.data)).toMatch(/kept on this device\. Try again/);
    // The form journey's answers are in its saved draft, not on the device, and it is told so.
    browser.take(await journeyCookieWith(new Request('http://localhost/'), 'young-people', randomUUID()));
    const form = await browser.post(submitAction, '/surveys/young-people/submit', { slug: 'young-people' }, { responseId: 'retry' });
    expect(form.value).toMatchObject({ init: { status: 503 } });
    expect(JSON.stringify((form.value as { data: unknown }).data)).toMatch(/Your answers are saved\. Try again/);
  });
});
