import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { researchDb } from '#db/research/client';
import { ehsgAssessments, events, guideRatings, guides, guideVersions, responseTallies, surveyDrafts, surveyResponses } from '#db/research/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import type { Role } from '~/auth/roles';
import { signInStaff } from '../setup/sign-in';
import { createStaffUser } from '~/auth/staff-users.server';
import { kpiLines } from '~/reports/kpi-table';
import { quarterKpis } from '~/reports/kpis.server';
import { previousQuarter, quarterOf } from '~/reports/quarters';
import { setSupported } from '~/research/direct-support.server';
import { createEvent, makeEventCodes } from '~/research/events.server';
import { action as assessAction, loader as assessLoader } from '~/routes/staff.direct-support.$laCode';
import { action as supportAction } from '~/routes/staff.direct-support._index';
import { action as newEventAction } from '~/routes/staff.events.new';
import { action as startAction } from '~/routes/surveys.$slug._index';
import { action as submitAction } from '~/routes/surveys.$slug.submit';
import { getSurvey } from '~/surveys/definitions.server';
import { submitResponse } from '~/surveys/responses.server';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const random = createRandom(1416);
async function staff(role: Role, extra: { laCode?: string; regionCodes?: string[] } = {}): Promise<string> {
  const user = buildStaffUser(random, { role, ...extra });
  await createStaffUser(user);
  const session = await signInStaff({ email: user.email, password: user.password, address: '192.0.2.32' });
  if (!session.ok) throw new Error('sign-in failed');
  return session.token;
}

const start = async (fields: Record<string, string>) => outcome(async () => startAction({ request: await formRequest('/surveys/event-feedback', { lang: 'en', ...fields }), params: { slug: 'event-feedback' }, context: testContext() }));

describe(`workshops and their feedback (${testStoreKind})`, () => {
  it('takes feedback only through the event’s link or an unused single-use code, kept with the event and out of the families’ reports', async () => {
    const withLink = await createEvent({ kind: 'workshop', title: 'Using feedback', heldOn: new Date(), laCodes: ['E08000003', 'E09000033'], attendees: 14, singleUse: false });
    if (!withLink.ok) throw new Error('not created');
    expect((await start({ event: withLink.event.feedbackToken! })).status).toBe(302);
    const [draft] = await researchDb().select().from(surveyDrafts).where(eq(surveyDrafts.surveyId, 'event-feedback'));
    expect(draft?.source).toEqual({ event: withLink.event.id });

    // No event, a forged link, a code that was never made: refused, nothing started.
    const drafts = await researchDb().$count(surveyDrafts);
    expect((await start({})).status).toBe(410);
    expect((await start({ event: 'x'.repeat(43) })).status).toBe(410);
    expect((await start({ ecode: 'y'.repeat(43) })).status).toBe(410);
    expect(await researchDb().$count(surveyDrafts)).toBe(drafts);

    const byCodes = await createEvent({ kind: 'training', title: 'Training', heldOn: new Date(), laCodes: ['E08000003'], attendees: 2, singleUse: true });
    if (!byCodes.ok) throw new Error('not created');
    expect(byCodes.event.feedbackToken).toBeNull();
    const [code] = await makeEventCodes(byCodes.event.id, 2);
    expect((await start({ ecode: code! })).status).toBe(302);
    // The same code again, on another device: used.
    expect((await start({ ecode: code! })).status).toBe(410);

    // Answers sent as JSON, past the pages where the link is checked, are refused.
    const json = await outcome(async () =>
      submitAction({
        request: new Request('http://localhost/surveys/event-feedback/submit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ csrf: 'x', responseId: randomUUID(), answers: { quality: 5, usefulness: 5 }, source: { event: withLink.event.id } }) }),
        params: { slug: 'event-feedback' },
        context: testContext(),
      }),
    );
    expect(json.status).toBe(403);

    const survey = getSurvey('event-feedback')!;
    const stored = await submitResponse({ survey, responseId: randomUUID(), answers: { quality: 4, usefulness: 5, will_change: 'Ask families first. Call me on 07700 900123' }, source: { event: withLink.event.id } });
    expect(stored.ok).toBe(true);
    const [row] = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.surveyId, 'event-feedback'));
    expect(row).toMatchObject({ eventId: withLink.event.id, answers: { quality: 4, usefulness: 5, will_change: 'Ask families first. Call me on [phone number removed]' } });
    expect(await researchDb().$count(responseTallies, eq(responseTallies.surveyId, 'event-feedback'))).toBe(0);
  });

  it('records an event from the form, refusing bad input and other roles', async () => {
    const facilitator = await staff('facilitator', { regionCodes: ['E12000002'] });
    const post = async (token: string, fields: Record<string, string | string[]>) =>
      outcome(async () => newEventAction({ request: await formRequest('/staff/events/new', fields, { sessionToken: token }), params: {}, context: testContext() }));
    const good = { kind: 'workshop', title: 'Regional workshop', day: '2', month: '11', year: '2026', laCodes: ['E08000003'], attendees: '12', feedback: 'link' };
    const bad = await post(facilitator, { ...good, kind: 'party', day: '31', month: '2', laCodes: ['nowhere'], attendees: '0', feedback: '' });
    expect((bad.body as { errors: { field: string }[] }).errors.map((error) => error.field).sort()).toEqual(['attendees', 'day', 'feedback', 'kind', 'laCodes']);
    const unknownLa = await post(facilitator, { ...good, laCodes: ['E08999999'] });
    expect(unknownLa.body).toMatchObject({ errors: [{ field: 'laCodes', message: 'Choose local authorities from the list' }] });
    expect((await post(facilitator, { ...good, year: '2099' })).body).toMatchObject({ errors: [{ field: 'day' }] });
    const created = await post(facilitator, { ...good, title: 'Regional workshop, ask jo.bloggs@example.org' });
    expect(created.status).toBe(302);
    const [stored] = await researchDb().select({ title: events.title }).from(events).where(eq(events.id, created.headers.get('Location')!.split('/')[3]!.split('?')[0]!));
    expect(stored?.title).toBe('Regional workshop, ask [email removed]');
    expect(created.headers.get('Location')).toMatch(/^\/staff\/events\/[0-9a-f-]{36}\?recorded=1$/);
    expect((await post(await staff('la_officer', { laCode: 'E08000003' }), good)).status).toBe(403);
  });
});

describe(`direct support and self-assessments (${testStoreKind})`, () => {
  const levels = (level: number) => Object.fromEntries(['gathering', 'decisions', 'coproduction', 'lived_experience', 'forums', 'peer_support'].map((name) => [`level_${name}`, String(level)]));

  it('lets an officer record their own authority’s self-assessment, scored from the levels, and nobody else’s', async () => {
    const officer = await staff('la_officer', { laCode: 'E08000003' });
    const post = async (token: string, code: string, fields: Record<string, string>) =>
      outcome(async () => assessAction({ request: await formRequest(`/staff/direct-support/${code}`, fields, { sessionToken: token }), params: { laCode: code }, context: testContext() }));
    const refused = await post(officer, 'E08000003', { ...levels(3), level_forums: '7' });
    expect(refused.status).toBe(200);
    expect(await researchDb().$count(ehsgAssessments)).toBe(0);
    expect((await post(officer, 'E08000003', { ...levels(2), level_forums: '4', evidence_forums: 'Monthly forum run by Jo Bloggs, jo@example.org' })).status).toBe(302);
    const [saved] = await researchDb().select().from(ehsgAssessments);
    expect(saved).toMatchObject({ laCode: 'E08000003', quarter: quarterOf(new Date()).key });
    expect(saved!.score).toBeCloseTo((2 * 5 + 4) / 6, 5);
    expect((saved!.answers as Record<string, string>).evidence_forums).toBe('Monthly forum run by Jo Bloggs, [email removed]');
    // Another authority: 403 to read and to write.
    expect((await post(officer, 'E09000033', levels(4))).status).toBe(403);
    expect((await outcome(async () => assessLoader({ request: await pageRequest('/staff/direct-support/E09000033', { sessionToken: officer }), params: { laCode: 'E09000033' }, context: testContext() }))).status).toBe(403);
    // A facilitator outside the authority's region, and a programme lead: not allowed to record.
    expect((await post(await staff('facilitator', { regionCodes: ['E12000007'] }), 'E08000003', levels(4))).status).toBe(403);
    expect((await post(await staff('programme_lead'), 'E08000003', levels(4))).status).toBe(403);
    expect(await researchDb().$count(ehsgAssessments)).toBe(1);
  });

  it('lets only an administrator set the authorities given direct support, all or nothing', async () => {
    const admin = await staff('administrator');
    const post = async (token: string, laCodes: string[]) => outcome(async () => supportAction({ request: await formRequest('/staff/direct-support', { laCodes }, { sessionToken: token }), params: {}, context: testContext() }));
    expect((await post(admin, ['E08000003', 'E08999999'])).body).toEqual({ errors: [{ field: 'laCodes', message: 'Choose local authorities from the list' }] });
    expect((await post(await staff('facilitator', { regionCodes: ['E12000002'] }), ['E08000003'])).status).toBe(403);
    expect((await post(admin, ['E08000003', 'E09000033'])).status).toBe(302);
  });
});

describe(`the KPI figures, worked out by hand (${testStoreKind})`, () => {
  const quarter = quarterOf(new Date());
  beforeAll(async () => {
    await researchDb().delete(ehsgAssessments);
    await researchDb().delete(surveyResponses).where(eq(surveyResponses.surveyId, 'event-feedback'));
    await researchDb().delete(guides);
  });

  it('gives each indicator exactly, with the 75% edge', async () => {
    // 7.1.1.a: 12 answers, 9 rate quality 4 or 5 (75% exactly: not met), 10 usefulness (83.3%: met).
    // A peer support group's feedback does not count.
    const workshop = await createEvent({ kind: 'workshop', title: 'W', heldOn: new Date(), laCodes: ['E08000003'], attendees: 20, singleUse: false });
    const peer = await createEvent({ kind: 'peer-support', title: 'P', heldOn: new Date(), laCodes: ['E08000003'], attendees: 5, singleUse: false });
    if (!workshop.ok || !peer.ok) throw new Error('not created');
    const survey = getSurvey('event-feedback')!;
    const scores: [number, number][] = [[5, 5], [5, 5], [4, 4], [4, 4], [4, 4], [4, 4], [4, 4], [5, 4], [4, 5], [3, 4], [2, 2], [1, 3]];
    for (const [quality, usefulness] of scores) await submitResponse({ survey, responseId: randomUUID(), answers: { quality, usefulness }, source: { event: workshop.event.id } });
    await submitResponse({ survey, responseId: randomUUID(), answers: { quality: 1, usefulness: 1 }, source: { event: peer.event.id } });

    // 7.1.1.b: 10 ratings, 8 quality 4+ (80%: met), 7 usefulness 4+ (70%: not met).
    const [guide] = await researchDb().insert(guides).values({ slug: 'g', title: 'G', summary: 'S', themes: ['principles'], programmes: ['family-hubs'], audiences: ['local-authorities'], isPublic: true }).returning();
    const [version] = await researchDb().insert(guideVersions).values({ guideId: guide!.id, version: '1', format: 'markdown', fileName: 'g.md', sizeBytes: 1, sha256: 'a'.repeat(64), content: new Uint8Array([35]) }).returning();
    const ratings: [number, number][] = [[5, 5], [5, 5], [4, 4], [4, 4], [4, 4], [4, 4], [4, 4], [4, 3], [3, 2], [2, 1]];
    await researchDb().insert(guideRatings).values(ratings.map(([quality, usefulness], index) => ({ versionId: version!.id, rater: `r${index}`.padEnd(64, '0') as never, laCode: 'E08000003', quality, usefulness })));

    // 7.1.1.c: A (supported) 1.5 → 2.0; B (not) 2.0 → 1.5; C only a baseline this quarter (not counted).
    await setSupported(['E08000003']);
    const before = previousQuarter(quarter).key;
    await researchDb().insert(ehsgAssessments).values([
      { laCode: 'E08000003', quarter: before, surveyVersion: 1, answers: {}, score: 1.5 },
      { laCode: 'E08000003', quarter: quarter.key, surveyVersion: 1, answers: {}, score: 2 },
      { laCode: 'E09000033', quarter: before, surveyVersion: 1, answers: {}, score: 2 },
      { laCode: 'E09000033', quarter: quarter.key, surveyVersion: 1, answers: {}, score: 1.5 },
      { laCode: 'E06000001', quarter: quarter.key, surveyVersion: 1, answers: {}, score: 3 },
    ]);

    const kpis = await quarterKpis(quarter);
    expect(kpis.supportQuality).toEqual({ n: 12, positive: 9, share: 0.75, status: 'not-met' });
    expect(kpis.supportUsefulness).toMatchObject({ n: 12, positive: 10, status: 'met' });
    expect(kpis.guideQuality).toEqual({ n: 10, positive: 8, share: 0.8, status: 'met' });
    expect(kpis.guideUsefulness).toEqual({ n: 10, positive: 7, share: 0.7, status: 'not-met' });
    expect(kpis.descriptorsSupported).toEqual({ n: 1, change: 0.5, status: 'met' });
    expect(kpis.descriptorsAll).toEqual({ n: 2, change: 0, status: 'not-met' });
    expect(kpis.peerSupport).toMatchObject({ count: 1, status: 'met' });
    expect(kpis.guides.count).toBe(1);
    expect(kpis.guidesThisYear).toMatchObject({ count: 1, target: 4, status: 'not-met' });
    expect(kpis.workshops.count).toBeGreaterThanOrEqual(1);

    const lines = kpiLines([kpis]);
    expect(lines.find((line) => line.id === '7.1.1.a-quality')!.cells[0]).toMatchObject({ n: '12 answered', value: '75% (9 of 12)', statusLabel: 'Not met' });
    expect(lines.find((line) => line.id === '7.1.1.c-supported')!.cells[0]).toMatchObject({ value: '+0.50', statusLabel: 'Met' });
  });
});
