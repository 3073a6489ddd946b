import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { projectPath } from '#db/paths';
import { researchDb } from '#db/research/client';
import { surveyDrafts, surveyResponses } from '#db/research/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { commitCsrfToken } from '~/auth/csrf.server';
import { sessionCookie } from '~/auth/session.server';
import { signInStaff } from '../setup/sign-in';
import { createStaffUser } from '~/auth/staff-users.server';
import { action as previewAction } from '~/routes/staff.surveys.$slug.preview';
import { action as pageAction } from '~/routes/surveys.$slug.$page';
import { loader as checkLoader } from '~/routes/surveys.$slug.check';
import { action as submitAction } from '~/routes/surveys.$slug.submit';
import { compileSurvey, getSurvey } from '~/surveys/definitions.server';
import { submitResponse } from '~/surveys/responses.server';
import { Browser } from '../setup/browser';
import { testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const fixture = (fileName: string) => compileSurvey(fileName, readFileSync(projectPath('tests', 'fixtures', 'surveys', fileName), 'utf8'));

describe(`answers to sets the React UI draws are checked by SurveyJS itself (${testStoreKind})`, () => {
  const survey = fixture('family-services.v1.json');

  it('draws a set with matrices, nested dynamic panels, multiple text and validators with the React UI', () => {
    expect(survey).toMatchObject({ renderer: 'surveyjs', surveyJsFeatures: ['validators'] });
    expect(survey.unsupportedTypes.sort()).toEqual(['matrixdropdown', 'multipletext', 'paneldynamic']);
  });

  it('stores what survey.data holds: hidden cells and panels removed, nested text scrubbed', async () => {
    const responseId = randomUUID();
    const result = await submitResponse({
      survey,
      responseId,
      answers: {
        services: { 'family-hub': { used: true, rating: 4 }, 'health-visitor': { used: false } },
        children_count: 2,
        children: [
          { age: '0-4', needs: 'Speech help, call 07700 900321', schools: [{ kind: 'Nursery' }] },
          { age: '11-15', schools: [] },
        ],
        contact_times: { weekday: 'After 6pm' },
      },
    });
    expect(result).toMatchObject({ ok: true });
    const [stored] = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.id, responseId));
    expect(stored!.answers).toEqual({
      services: { 'family-hub': { used: true, rating: 4 }, 'health-visitor': { used: false } },
      children_count: 2,
      children: [{ age: '0-4', needs: 'Speech help, call [phone number removed]', schools: [{ kind: 'Nursery' }] }, { age: '11-15', schools: [] }],
      contact_times: { weekday: 'After 6pm' },
    });
  });

  it('removes a whole page the branching hides', async () => {
    const responseId = randomUUID();
    expect(await submitResponse({ survey, responseId, answers: { children_count: 0, children: [{ age: '0-4' }] } })).toMatchObject({ ok: true });
    const [stored] = await researchDb().select().from(surveyResponses).where(eq(surveyResponses.id, responseId));
    expect(stored!.answers).toEqual({ children_count: 0 });
  });

  it.each([
    ['a validator', { children_count: 40 }, /Enter a number from 0 to 20/],
    ['a required question', { services: {} }, /children_count|required/i],
    ['a required question inside a dynamic panel', { children_count: 1, children: [{}] }, /required/i],
    ['a value outside the choices', { children_count: 1, children: [{ age: '99' }] }, /not one of the options/],
    ['a matrix cell value outside its column’s choices', { children_count: 0, services: { 'family-hub': { used: true, rating: 9 } } }, /not one of the options/],
    ['a matrix row that does not exist', { children_count: 0, services: { 'job-centre': { used: true } } }, /not one of the options/],
    ['a key that is not a question', { children_count: 0, admin: true }, /not in this survey/],
  ])('refuses %s and stores nothing', async (_label, answers, message) => {
    const before = await researchDb().$count(surveyResponses);
    const result = await submitResponse({ survey, responseId: randomUUID(), answers });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => `${error.field} ${error.message}`).join('\n')).toMatch(message);
    expect(await researchDb().$count(surveyResponses)).toBe(before);
  });
});

describe(`the staff preview (${testStoreKind})`, () => {
  it('shows what would be stored for a walk through the set, and stores nothing', async () => {
    const staff = buildStaffUser(createRandom(5), { role: 'analyst' });
    await createStaffUser(staff);
    const session = await signInStaff({ email: staff.email, password: staff.password, address: '192.0.2.40' });
    if (!session.ok) throw new Error('sign-in failed');
    const [csrf, csrfCookie] = await commitCsrfToken(new Request('http://localhost/'));
    const post = async (answers: Record<string, unknown>) =>
      previewAction({
        request: new Request('http://localhost/staff/surveys/priorities/preview', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Cookie: [String(csrfCookie).split(';')[0], (await sessionCookie().serialize(session.token)).split(';')[0]].join('; '),
          },
          body: JSON.stringify({ csrf, answers }),
        }),
        params: { slug: 'priorities' },
        context: testContext(),
      }) as Promise<{ init: { status: number }; data: { ok: boolean; answers?: unknown; errors?: unknown[] } }>;
    const before = await researchDb().$count(surveyResponses);
    const priorities = getSurvey('priorities')!;
    const ranking = priorities.text.en!.pages.flatMap((page) => page.questions).find((question) => question.type === 'ranking')!;
    const order = ranking.choices.map((choice) => choice.value).reverse();
    const shown = await post({ [ranking.name]: order });
    expect(shown.init.status).toBe(200);
    expect(shown.data).toEqual({ ok: true, answers: expect.objectContaining({ [ranking.name]: order }) });
    const refused = await post({ [ranking.name]: ['not-a-choice'] });
    expect(refused.data.ok).toBe(false);
    expect(await researchDb().$count(surveyResponses)).toBe(before);
  });

  it('walks the families’ own pages on a preview draft that shows what would be stored and can never be sent', async () => {
    const staff = buildStaffUser(createRandom(6), { role: 'analyst' });
    await createStaffUser(staff);
    const session = await signInStaff({ email: staff.email, password: staff.password, address: '192.0.2.41' });
    if (!session.ok) throw new Error('sign-in failed');
    const browser = await new Browser().init();
    browser.take(await sessionCookie().serialize(session.token));
    const params = { slug: 'young-people' };
    const started = await browser.post(previewAction, '/staff/surveys/young-people/preview', params);
    expect(started.location).toBe('/surveys/young-people/you');
    const [draft] = await researchDb().select().from(surveyDrafts).where(eq(surveyDrafts.preview, true));
    expect(draft).toMatchObject({ surveyId: 'young-people', preview: true, source: {} });
    // The same page checks as a family's.
    expect((await browser.post(pageAction, '/x', { ...params, page: 'you' })).value).toMatchObject({ init: { status: 400 } });
    expect((await browser.post(pageAction, '/x', { ...params, page: 'you' }, { young_person_age: '14-15' })).location).toBe('/surveys/young-people/services');
    await browser.post(pageAction, '/x', { ...params, page: 'better' }, { yp_make_better: 'Ring 07700 900789' });

    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const check = (await checkLoader({ request: new Request('http://localhost/surveys/young-people/check', { headers: { Cookie: cookie } }), params, context: testContext() })) as {
      stored: { ok: boolean; answers?: Record<string, unknown> } | null;
    };
    expect(check.stored).toEqual({ ok: true, answers: { young_person_age: '14-15', yp_make_better: 'Ring [phone number removed]' } });

    const before = await researchDb().$count(surveyResponses);
    const sent = await browser.post(submitAction, '/surveys/young-people/submit', params, { responseId: draft!.responseId });
    expect(sent.location).toBe('/surveys/young-people/check');
    expect(await researchDb().$count(surveyResponses)).toBe(before);
  });

  it('starts a preview of the families’ pages only for staff', async () => {
    const before = await researchDb().$count(surveyDrafts);
    const browser = await new Browser().init();
    const refused = await browser.post(previewAction, '/staff/surveys/young-people/preview', { slug: 'young-people' });
    expect(refused.location).toMatch(/^\/sign-in\?/);
    expect(await researchDb().$count(surveyDrafts)).toBe(before);
  });
});
