import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { researchDb } from '#db/research/client';
import { panelSessions } from '#db/research/schema';
import { identityDb } from '#db/identity/client';
import { signUpDrafts } from '#db/identity/schema';
import { pruneSignUpDrafts } from '~/panels/sign-up-drafts.server';
import { createPanel, type PanelInput } from '~/research/panels.server';
import { insertSession } from '~/research/sessions.server';
import { loader as panelsLoader } from '~/routes/panels._index';
import { action as stepAction, loader as stepLoader } from '~/routes/panels.$panelId.join.$step';
import { action as checkAction, loader as checkLoader } from '~/routes/panels.$panelId.join.check';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

/** One browser joining a panel page by page, keeping the sign-up cookie as a browser would. */
function browser(panelId: string) {
  let cookie: string | undefined;
  const keep = (headers: Headers) => {
    const set = headers.get('Set-Cookie');
    if (set) cookie = set.split(';')[0];
  };
  return {
    async post(step: string, fields: Record<string, string | string[]>, query = '') {
      const run = step === 'check' ? checkAction : stepAction;
      const result = await outcome(async () => run({ request: await formRequest(`/panels/${panelId}/join/${step}${query}`, fields, { cookie }), params: { panelId, step }, context: testContext() }));
      keep(result.headers);
      return { status: result.status, location: result.headers.get('Location'), body: result.body as { errors?: { field: string }[] } };
    },
    async open(step: string, query = '') {
      const run = step === 'check' ? checkLoader : stepLoader;
      const result = await outcome(async () => run({ request: await pageRequest(`/panels/${panelId}/join/${step}${query}`, { cookie }), params: { panelId, step }, context: testContext() }));
      return { status: result.status, location: result.headers.get('Location'), body: result.body as Record<string, unknown> };
    },
  };
}

const details = { fullName: 'Robin Pagetester', age: '25-34', email: 'robin.pagetester@example.com', phone: '', preferredContact: 'email' };
const takingPart = { accessNeeds: 'Robin Pagetester needs a ramp', caringCommitments: '', availability: ['weekends'], attendanceMode: 'online' };
const agreement = { consentResearch: 'yes', consentContact: 'yes' };

describe(`joining a panel one short page at a time (${testStoreKind})`, () => {
  let parentsId: string;
  let youngId: string;
  beforeAll(async () => {
    const base: Omit<PanelInput, 'name' | 'audience'> = { level: 'regional', regionCode: 'E12000004', laCode: null, programmeCodes: ['family-hubs'], focus: null, recruitmentTarget: 10, existingGroup: false };
    parentsId = (await createPanel({ ...base, name: 'Pages parents panel', audience: 'parents-carers' }, { regionCodes: 'all' })).id;
    youngId = (await createPanel({ ...base, name: 'Pages young panel', audience: 'young-people' }, { regionCodes: 'all' })).id;
  });

  it('goes page by page, refuses to skip ahead, and comes straight back to check your answers after a change', async () => {
    const family = browser(parentsId);
    // Check your answers before anything is answered sends the family to the first page.
    expect(await family.open('check')).toMatchObject({ status: 302, location: `/panels/${parentsId}/join/details` });
    expect(await family.post('details', details)).toMatchObject({ status: 302, location: `/panels/${parentsId}/join/taking-part` });
    // The guardian page does not apply to an adult; skipping ahead lands on the page still to answer.
    expect(await family.open('guardian')).toMatchObject({ status: 302, location: `/panels/${parentsId}/join/taking-part` });
    expect(await family.open('agreement')).toMatchObject({ status: 302, location: `/panels/${parentsId}/join/taking-part` });
    expect(await family.post('taking-part', takingPart)).toMatchObject({ location: `/panels/${parentsId}/join/about-you` });
    expect(await family.post('about-you', {})).toMatchObject({ location: `/panels/${parentsId}/join/agreement` });
    expect(await family.post('agreement', agreement)).toMatchObject({ location: `/panels/${parentsId}/join/check` });

    // Until they join, what they typed is only in the identity store.
    expect(await allResearchText()).not.toContain('Pagetester');
    const check = await family.open('check');
    expect(JSON.stringify(check.body)).toContain('robin.pagetester@example.com');

    // A change goes back to check your answers, not on through every page.
    expect(await family.post('taking-part', { ...takingPart, attendanceMode: 'either' }, '?change=1')).toMatchObject({ location: `/panels/${parentsId}/join/check` });
    // A bad change is refused on its page and the saved answer stays.
    const refused = await family.post('details', { ...details, email: 'not an email' }, '?change=1');
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.field).toBe('email');

    expect(await family.post('check', {})).toMatchObject({ status: 302, location: `/panels/${parentsId}/joined` });
    expect(await allResearchText()).not.toContain('Pagetester');
    // The draft is gone: sending again starts over instead of joining twice.
    expect(await family.post('check', {})).toMatchObject({ status: 302, location: `/panels/${parentsId}/join/details` });
  });

  it('asks for a guardian only when a young person is under 16, and forgets the guardian when the age changes', async () => {
    const young = browser(youngId);
    expect(await young.post('details', { ...details, fullName: 'Kit Pagetester', email: 'kit.pagetester@example.com', age: 'under-16' })).toMatchObject({ location: `/panels/${youngId}/join/guardian` });
    expect((await young.post('guardian', { guardianName: '', guardianContact: 'nobody' })).status).toBe(400);
    expect(await young.post('guardian', { guardianName: 'Lee Pagetester', guardianContact: 'lee.pagetester@example.com' })).toMatchObject({ location: `/panels/${youngId}/join/taking-part` });
    await young.post('taking-part', takingPart);
    await young.post('about-you', {});
    await young.post('agreement', agreement);
    expect(JSON.stringify((await young.open('check')).body)).toContain('Lee Pagetester');

    // Now 16: the guardian's details are dropped, and the change comes straight back.
    expect(await young.post('details', { ...details, fullName: 'Kit Pagetester', email: 'kit.pagetester@example.com', age: '16-17' }, '?change=1')).toMatchObject({ location: `/panels/${youngId}/join/check` });
    expect(JSON.stringify((await young.open('check')).body)).not.toContain('Lee Pagetester');
    // Back to under 16: the guardian page is asked again before check your answers.
    expect(await young.post('details', { ...details, fullName: 'Kit Pagetester', email: 'kit.pagetester@example.com', age: 'under-16' }, '?change=1')).toMatchObject({ location: `/panels/${youngId}/join/guardian?change=1` });
  });

  it('keeps one browser’s answers to one panel, and forgets unfinished sign-ups after a day', async () => {
    const family = browser(parentsId);
    await family.post('details', { ...details, fullName: 'Sol Pagetester', email: 'sol.pagetester@example.com' });
    // The same cookie on another panel's pages starts afresh.
    const elsewhere = await outcome(async () => stepLoader({ request: await pageRequest(`/panels/${youngId}/join/taking-part`), params: { panelId: youngId, step: 'taking-part' }, context: testContext() }));
    expect(elsewhere.headers.get('Location')).toBe(`/panels/${youngId}/join/details`);
    expect(await identityDb().$count(signUpDrafts)).toBeGreaterThan(0);
    await pruneSignUpDrafts(new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect(await identityDb().$count(signUpDrafts)).toBe(0);
  });

  it('shows on each panel’s card what a family would want to know: how and how often it meets, sessions planned, expenses', async () => {
    const panel = await createPanel(
      { level: 'regional', regionCode: 'E12000004', laCode: null, programmeCodes: ['family-hubs'], focus: 'Dads', recruitmentTarget: 10, existingGroup: false, name: 'Card panel', audience: 'parents-carers', meets: 'Every 3 months', format: 'online', thanks: 'A £25 voucher' },
      { regionCodes: 'all' },
    );
    const day = (days: number) => new Date(Date.UTC(2031, 5, days, 17));
    const session = { panelId: panel.id, title: 'Talk', theme: null, mode: 'online', venueAccess: [], capacity: 10, invitationsSentAt: new Date(), noticeOverrideReason: null };
    await insertSession({ ...session, startsAt: day(10), endsAt: day(10) });
    const cancelled = await insertSession({ ...session, startsAt: day(3), endsAt: day(3) });
    await researchDb().update(panelSessions).set({ cancelledAt: new Date() }).where(eq(panelSessions.id, cancelled.id));
    await insertSession({ ...session, startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() - 86_400_000) });
    const page = (await panelsLoader({ request: new Request('http://localhost/panels?region=E12000004'), params: {}, context: testContext() })) as Awaited<ReturnType<typeof panelsLoader>>;
    const card = page.panels.find((candidate) => candidate.id === panel.id);
    // Cancelled and past sessions are not "planned".
    expect(card).toMatchObject({ format: 'Online', meets: 'Every 3 months', planned: '10 June 2031', thanks: 'A £25 voucher', audience: 'Parents and carers', focus: 'Dads' });
    const bare = page.panels.find((candidate) => candidate.name === 'Pages parents panel');
    expect(bare).toMatchObject({ meets: 'To be agreed with members', planned: expect.stringMatching(/None yet/) });
  });
});
