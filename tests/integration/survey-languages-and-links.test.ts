import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '#db/paths';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { signInStaff } from '../setup/sign-in';
import { createStaffUser } from '~/auth/staff-users.server';
import { loader as pageLoader } from '~/routes/surveys.$slug.$page';
import { action as startAction, loader as startLoader } from '~/routes/surveys.$slug._index';
import { loader as linkLoader } from '~/routes/staff.surveys.$slug.link';
import { loader as qrLoader } from '~/routes/staff.surveys.$slug.qr[.svg]';
import { addSurveyForTests, compileSurvey } from '~/surveys/definitions.server';
import { formRequest, pageRequest, testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

describe(`a question set in two languages (${testStoreKind})`, () => {
  addSurveyForTests(compileSurvey('translated.v1.json', readFileSync(projectPath('tests', 'fixtures', 'surveys', 'translated.v1.json'), 'utf8')));

  it('offers a language picker and runs the journey in the chosen language', async () => {
    const english = await startLoader({ request: new Request('http://localhost/surveys/translated'), params: { slug: 'translated' }, context: testContext() });
    expect(english).toMatchObject({ title: 'Tell us', lang: 'en', languages: [{ code: 'en', name: 'English' }, { code: 'cy', name: 'Cymraeg' }] });
    const welsh = await startLoader({ request: new Request('http://localhost/surveys/translated?lang=cy'), params: { slug: 'translated' }, context: testContext() });
    expect(welsh).toMatchObject({ title: 'Dywedwch wrthym', lang: 'cy' });

    const started = await startAction({ request: await formRequest('/surveys/translated', { lang: 'cy' }), params: { slug: 'translated' }, context: testContext() }).catch(
      (thrown: Response) => thrown,
    );
    expect(started).toBeInstanceOf(Response);
    const cookie = (started as Response).headers.get('Set-Cookie')!.split(';')[0]!;
    const page = await pageLoader({ request: await pageRequest('/surveys/translated/one', { cookie }), params: { slug: 'translated', page: 'one' }, context: testContext() });
    expect(page.pageTitle).toBe('Cyntaf');
    expect(page.questions.map((question) => question.title)).toEqual(["Ydych chi'n hapus?", 'Dywedwch fwy wrthym']);
  });
});

describe(`distribution links and QR codes (${testStoreKind})`, () => {
  it('lets a facilitator make a link for a local authority in their regions only, with its QR code', async () => {
    const facilitator = buildStaffUser(createRandom(5), { role: 'facilitator', regionCodes: ['E12000007'] });
    await createStaffUser(facilitator);
    const session = await signInStaff({ email: facilitator.email, password: facilitator.password, address: '192.0.2.9' });
    if (!session.ok) throw new Error('sign-in failed');
    const get = async (query: string) =>
      linkLoader({
        request: await pageRequest(`/staff/surveys/common-question-set/link?${query}`, { sessionToken: session.token }),
        params: { slug: 'common-question-set' },
        context: testContext(),
      });

    const form = await get('');
    expect(form.las).toHaveLength(33);
    const made = await get('make=1&la=E09000033&programme=family-hubs&channel=hub-poster');
    expect(made.errors).toEqual([]);
    expect(made.link?.url).toBe('http://localhost:3000/surveys/common-question-set?la=E09000033&programme=family-hubs&channel=hub-poster');
    expect(Buffer.from(made.link!.qr.split(',')[1]!, 'base64').toString()).toMatch(/^<svg/);

    expect((await get('make=1&la=E08000003')).errors).toEqual([{ field: 'la', message: 'Choose a local authority in your regions' }]);
    expect((await get('make=1&channel=<script>')).errors[0]).toMatchObject({ field: 'channel' });

    const qr = await qrLoader({
      request: await pageRequest('/staff/surveys/common-question-set/qr.svg?la=E08000003', { sessionToken: session.token }),
      params: { slug: 'common-question-set' },
      context: testContext(),
    });
    expect(qr.status).toBe(403);
  });
});
