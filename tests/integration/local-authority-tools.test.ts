import { eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents } from '#db/identity/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import type { Role } from '~/auth/roles';
import { signInStaff } from '../setup/sign-in';
import { createStaffUser } from '~/auth/staff-users.server';
import { loader as planLoader } from '~/routes/plan';
import { action as editAction, loader as editLoader } from '~/routes/staff.site.$page';
import { loader as linkLoader } from '~/routes/staff.surveys.$slug.link';
import { loader as qrLoader } from '~/routes/staff.surveys.$slug.qr[.svg]';
import { loader as docxLoader } from '~/routes/staff.surveys.$slug[.docx]';
import { loader as jsonLoader } from '~/routes/staff.surveys.$slug[.json]';
import { loader as surveysLoader } from '~/routes/staff.surveys._index';
import { getSurvey } from '~/surveys/definitions.server';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const random = createRandom(1415);
async function staff(role: Role, laCode?: string): Promise<string> {
  const user = buildStaffUser(random, { role, ...(laCode ? { laCode } : {}) });
  await createStaffUser(user);
  const session = await signInStaff({ email: user.email, password: user.password, address: '192.0.2.31' });
  if (!session.ok) throw new Error('sign-in failed');
  return session.token;
}
const get = async (path: string, params: Record<string, string>, loader: (args: never) => Promise<unknown>, token?: string) =>
  outcome(async () => (loader as (args: unknown) => Promise<unknown>)({ request: await pageRequest(path, token ? { sessionToken: token } : {}), params, context: testContext() }));

describe(`the common question set for local authorities (${testStoreKind})`, () => {
  it('gives an officer the JSON and a Word form for paper, and links and QR codes for their own authority only', async () => {
    const officer = await staff('la_officer', 'E08000003');
    const list = (await get('/staff/surveys', {}, surveysLoader, officer)).body as { surveys: { id: string; canMakeLinks: boolean }[] };
    expect(list.surveys.map((survey) => survey.id).sort()).toEqual(['common-question-set', 'young-people']);

    const json = (await jsonLoader({ request: await pageRequest('/staff/surveys/common-question-set.json', { sessionToken: officer }), params: { slug: 'common-question-set' }, context: testContext() })) as Response;
    expect(JSON.parse(await json.text())).toEqual(getSurvey('common-question-set')!.json);
    const docx = (await docxLoader({ request: await pageRequest('/staff/surveys/common-question-set.docx', { sessionToken: officer }), params: { slug: 'common-question-set' }, context: testContext() })) as Response;
    const { value: paperText } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    const survey = getSurvey('common-question-set')!;
    const firstQuestion = survey.text[survey.locales[0]!]!.pages[0]!.questions.find((question) => question.type !== 'html')!;
    expect(paperText).toContain(`1. ${firstQuestion.title}`);
    expect(paperText).toContain('Please do not write your name on this form.');
    // The list of 153 authorities is written in, not printed as boxes to tick.
    expect(paperText).not.toContain('☐ Westmorland and Furness');

    const own = (await get('/staff/surveys/common-question-set/link?make=1&channel=', { slug: 'common-question-set' }, linkLoader, officer)).body as { link: { url: string } | null; las: { code: string }[] };
    expect(own.las.map((la) => la.code)).toEqual(['E08000003']);
    expect(own.link?.url).toContain('la=E08000003');
    expect((await get('/staff/surveys/common-question-set/link?make=1&la=E09000033', { slug: 'common-question-set' }, linkLoader, officer)).status).toBe(403);
    expect((await get('/staff/surveys/common-question-set/qr.svg?la=E09000033', { slug: 'common-question-set' }, qrLoader, officer)).status).toBe(403);
    const qr = await get('/staff/surveys/common-question-set/qr.svg', { slug: 'common-question-set' }, qrLoader, officer);
    expect(qr.status).toBe(200);
    expect(String(qr.body)).toContain('<svg');
    expect((await get('/staff/surveys/session-feedback/link', { slug: 'session-feedback' }, linkLoader, officer)).status).toBe(403);
    expect((await get('/staff/surveys/common-question-set/qr.svg', { slug: 'common-question-set' }, qrLoader, await staff('analyst'))).status).toBe(403);
  });
});

describe(`the public site's delivery plan (${testStoreKind})`, () => {
  it('is written by an administrator in Markdown, audited, and shown to everyone with HTML made inert', async () => {
    const admin = await staff('administrator');
    const save = async (token: string, markdown: string) =>
      outcome(async () => editAction({ request: await formRequest('/staff/site/delivery-plan', { markdown }, { sessionToken: token }), params: { page: 'delivery-plan' }, context: testContext() }));
    expect((await save(admin, '   ')).body).toMatchObject({ errors: [{ field: 'markdown', message: 'Enter the page’s text' }] });
    expect((await save(admin, '## Quarter 1\n\n<iframe src="https://evil.example"></iframe>\n\n[x](javascript:alert(1))')).status).toBe(302);
    const page = (await get('/plan', {}, planLoader)).body as { html: string };
    expect(page.html).toContain('<h2 class="govuk-heading-l">Quarter 1</h2>');
    expect(page.html).toContain('&lt;iframe');
    expect(page.html).not.toMatch(/<iframe|href="javascript/);
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'site.page-edit'));
    expect(audit).toMatchObject({ subjectType: 'site_page', subjectId: 'delivery-plan' });
    for (const role of ['analyst', 'la_officer', 'facilitator'] as const) {
      const token = await staff(role, role === 'la_officer' ? 'E08000003' : undefined);
      expect((await save(token, '# Taken over')).status).toBe(403);
      expect((await get('/staff/site/delivery-plan', { page: 'delivery-plan' }, editLoader, token)).status).toBe(403);
    }
    expect((await get('/staff/site/home', { page: 'home' }, editLoader, admin)).status).toBe(404);
    expect(((await get('/plan', {}, planLoader)).body as { html: string }).html).toContain('Quarter 1');
  });
});
