import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { guideDownloads, guideRatings, guides, guideVersions } from '#db/research/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { signInStaff } from '../setup/sign-in';
import { createStaffUser } from '~/auth/staff-users.server';
import type { Role } from '~/auth/roles';
import { loader as fileLoader } from '~/routes/guides.$slug.files.$versionId';
import { action as rateAction, loader as guideLoader } from '~/routes/guides.$slug';
import { loader as listLoader } from '~/routes/guides._index';
import { action as versionAction } from '~/routes/staff.guides.$slug.version';
import { action as publishAction } from '~/routes/staff.guides.new';
import { formRequest, outcome, pageRequest, testContext, uploadRequest } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const random = createRandom(1414);
const encoder = new TextEncoder();

async function staff(role: Role, laCode?: string): Promise<string> {
  const user = buildStaffUser(random, { role, ...(laCode ? { laCode } : {}) });
  await createStaffUser(user);
  const session = await signInStaff({ email: user.email, password: user.password, address: '192.0.2.30' });
  if (!session.ok) throw new Error('sign-in failed');
  return session.token;
}

const GUIDE_FIELDS = {
  title: 'Listening to fathers',
  summary: 'How areas reached fathers and male carers.',
  themes: ['reaching-families', 'principles'],
  programmes: ['family-hubs'],
  audiences: ['local-authorities'],
  isPublic: 'yes',
  version: '1.0',
};

async function publish(token: string, fields: Record<string, string | string[]>, file: { name: string; bytes: Uint8Array } | null) {
  return outcome(async () => publishAction({ request: await uploadRequest('/staff/guides/new', fields, file ? { file } : {}, { sessionToken: token }), params: {}, context: testContext() }));
}

const markdown = (text: string) => ({ name: 'guide.md', bytes: encoder.encode(text) });
const counts = async () => ({ guides: await researchDb().$count(guides), versions: await researchDb().$count(guideVersions) });

describe(`good-practice guides (${testStoreKind})`, () => {
  // Each case starts with an empty library (versions, downloads and ratings go with their guide).
  beforeEach(async () => {
    await researchDb().delete(guides);
  });

  it('publishes a guide from its file, shows it to the public, and serves the same bytes back, counted by authority and month', async () => {
    const admin = await staff('administrator');
    const bytes = encoder.encode('# Listening to fathers\n\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) and [good](/reports).\n');
    const published = await publish(admin, GUIDE_FIELDS, { name: 'fathers.md', bytes });
    expect(published.status).toBe(302);
    expect(published.headers.get('Location')).toBe('/guides/listening-to-fathers?published=1');
    const [version] = await researchDb().select().from(guideVersions);
    expect(version).toMatchObject({ version: '1.0', format: 'markdown', fileName: 'fathers.md', sizeBytes: bytes.length });
    expect(version!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'guides.publish'));
    expect(audit?.details).toMatchObject({ guide: 'listening-to-fathers', version: '1.0', sha256: version!.sha256 });

    // The public finds it by theme, not by another theme; the page shows the Markdown inert.
    const list = async (query: string) => (await outcome(async () => listLoader({ request: await pageRequest(`/guides?${query}`), params: {}, context: testContext() }))).body as { guides: { slug: string }[] };
    expect((await list('theme=reaching-families')).guides.map((guide) => guide.slug)).toEqual(['listening-to-fathers']);
    expect((await list('theme=pitfalls')).guides).toEqual([]);
    expect((await list('q=FATHERS&programme=family-hubs&audience=local-authorities')).guides).toHaveLength(1);
    expect((await list('q=%25')).guides).toEqual([]);
    const page = (await outcome(async () => guideLoader({ request: await pageRequest('/guides/listening-to-fathers'), params: { slug: 'listening-to-fathers' }, context: testContext() }))).body as { shown: { html: string } };
    expect(page.shown.html).toContain('&lt;script&gt;');
    expect(page.shown.html).not.toMatch(/<script|href="javascript:/);
    expect(page.shown.html).toContain('<a href="/reports" class="govuk-link">good</a>');

    // Downloads: byte-identical, counted for the officer's authority and for the public, never per person.
    const officer = await staff('la_officer', 'E08000003');
    const download = async (token?: string) => {
      const response = await fileLoader({ request: await pageRequest(`/guides/listening-to-fathers/files/${version!.id}`, token ? { sessionToken: token } : {}), params: { slug: 'listening-to-fathers', versionId: version!.id }, context: testContext() });
      return response as Response;
    };
    const first = await download(officer);
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(bytes);
    expect(first.headers.get('Content-Disposition')).toBe('attachment; filename="fathers.md"');
    await download(officer);
    await download();
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    const rows = await researchDb().select({ laCode: guideDownloads.laCode, month: guideDownloads.month, count: guideDownloads.count }).from(guideDownloads).orderBy(guideDownloads.laCode);
    expect(rows).toEqual([
      { laCode: '', month, count: 1 },
      { laCode: 'E08000003', month, count: 2 },
    ]);
  });

  it('refuses a missing, lying, empty or duplicate file and bad details, storing nothing', async () => {
    const analyst = await staff('analyst');
    const before = await counts();
    const refused = async (fields: Record<string, string | string[]>, file: { name: string; bytes: Uint8Array } | null) => {
      const result = await publish(analyst, fields, file);
      expect(result.status).toBe(200);
      return (result.body as { errors: { field: string; message: string }[] }).errors;
    };
    expect(await refused(GUIDE_FIELDS, null)).toEqual([{ field: 'file', message: 'Select the guide’s file' }]);
    expect(await refused(GUIDE_FIELDS, { name: 'guide.pdf', bytes: encoder.encode('# not a pdf') })).toEqual([{ field: 'file', message: expect.stringMatching(/named \.pdf/) }]);
    expect(await refused(GUIDE_FIELDS, { name: 'guide.md', bytes: new Uint8Array() })).toEqual([{ field: 'file', message: 'The selected file is empty' }]);
    const errors = await refused({ ...GUIDE_FIELDS, title: '', themes: ['not-a-theme'], isPublic: 'maybe', version: 'one' }, markdown('# ok'));
    expect(errors.map((error) => error.field)).toEqual(['title', 'themes', 'isPublic', 'version']);
    expect(await counts()).toEqual(before);

    expect((await publish(analyst, GUIDE_FIELDS, markdown('# Same file'))).status).toBe(302);
    const after = await counts();
    expect(await refused({ ...GUIDE_FIELDS, title: 'Another title' }, { name: 'copy.md', bytes: encoder.encode('# Same file') })).toEqual([
      { field: 'file', message: 'This file has already been published, as version 1.0 of “Listening to fathers”' },
    ]);
    expect(await counts()).toEqual(after);
  });

  it('lets only administrators and analysts publish', async () => {
    for (const role of ['la_officer', 'facilitator', 'programme_lead'] as const) {
      const token = await staff(role, role === 'la_officer' ? 'E09000033' : undefined);
      expect((await publish(token, GUIDE_FIELDS, markdown(`# By ${role}`))).status).toBe(403);
    }
    expect(await researchDb().$count(guides)).toBe(0);
  });

  it('keeps earlier versions reachable, shows the newest by default, and refuses a version number used before', async () => {
    const admin = await staff('administrator');
    await publish(admin, GUIDE_FIELDS, markdown('# Version one'));
    const addVersion = async (version: string, text: string) =>
      outcome(async () => versionAction({ request: await uploadRequest('/staff/guides/listening-to-fathers/version', { version, changes: 'Updated examples' }, { file: markdown(text) }, { sessionToken: admin }), params: { slug: 'listening-to-fathers' }, context: testContext() }));
    expect((await addVersion('1.0', '# Another text')).body).toEqual({ errors: [{ field: 'version', message: 'Version 1.0 has already been published: give the new version a new number' }], values: expect.anything() });
    expect((await addVersion('1.1', '# Version two')).status).toBe(302);
    const view = async (query = '') =>
      (await outcome(async () => guideLoader({ request: await pageRequest(`/guides/listening-to-fathers${query}`), params: { slug: 'listening-to-fathers' }, context: testContext() }))).body as { shown: { id: string; version: string; latest: boolean; html: string }; versions: { id: string; version: string }[] };
    const newest = await view();
    expect(newest.shown).toMatchObject({ version: '1.1', latest: true });
    expect(newest.versions.map((version) => version.version)).toEqual(['1.1', '1.0']);
    const earlier = await view(`?version=${newest.versions[1]!.id}`);
    expect(earlier.shown).toMatchObject({ version: '1.0', latest: false });
    expect(earlier.shown.html).toContain('Version one');
  });

  it('shows a guide for staff only to signed-in people', async () => {
    const admin = await staff('administrator');
    await publish(admin, { ...GUIDE_FIELDS, isPublic: 'no' }, markdown('# Staff only'));
    const [version] = await researchDb().select().from(guideVersions);
    const anonymous = await outcome(async () => guideLoader({ request: await pageRequest('/guides/listening-to-fathers'), params: { slug: 'listening-to-fathers' }, context: testContext() }));
    expect(anonymous.status).toBe(404);
    const file = await outcome(async () => fileLoader({ request: await pageRequest(`/guides/listening-to-fathers/files/${version!.id}`), params: { slug: 'listening-to-fathers', versionId: version!.id }, context: testContext() }));
    expect(file.status).toBe(404);
    const list = (await outcome(async () => listLoader({ request: await pageRequest('/guides'), params: {}, context: testContext() }))).body as { guides: unknown[] };
    expect(list.guides).toEqual([]);
    const officer = await staff('la_officer', 'E08000003');
    const seen = await outcome(async () => guideLoader({ request: await pageRequest('/guides/listening-to-fathers', { sessionToken: officer }), params: { slug: 'listening-to-fathers' }, context: testContext() }));
    expect(seen.status).toBe(200);
    expect(await researchDb().$count(guideDownloads)).toBe(0);
  });

  it('takes one rating per officer per version, changeable, refusing scores out of range and other roles', async () => {
    const admin = await staff('administrator');
    await publish(admin, GUIDE_FIELDS, markdown('# Rate me'));
    const [version] = await researchDb().select().from(guideVersions);
    const officer = await staff('la_officer', 'E08000003');
    const rate = async (token: string, fields: Record<string, string>) =>
      outcome(async () => rateAction({ request: await formRequest('/guides/listening-to-fathers', { versionId: version!.id, comment: '', ...fields }, { sessionToken: token }), params: { slug: 'listening-to-fathers' }, context: testContext() }));
    for (const bad of [{ quality: '6', usefulness: '4' }, { quality: '0', usefulness: '4' }, { quality: '4', usefulness: '4.5' }, { quality: 'x', usefulness: '' }]) {
      expect((await rate(officer, bad)).status).toBe(200);
    }
    expect((await rate(officer, { quality: '4', usefulness: '4', versionId: '00000000-0000-4000-8000-000000000000' })).body).toEqual({ errors: [{ field: 'quality', message: 'Choose a version of this guide' }] });
    expect(await researchDb().$count(guideRatings)).toBe(0);
    expect((await rate(officer, { quality: '5', usefulness: '3', comment: 'Ask Jo on 07700 900123' })).status).toBe(302);
    expect((await rate(officer, { quality: '2', usefulness: '4', comment: 'Changed my mind, email jo@example.org' })).status).toBe(302);
    const rows = await researchDb().select().from(guideRatings);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ quality: 2, usefulness: 4, laCode: 'E08000003', comment: 'Changed my mind, email [email removed]' });
    expect(rows[0]!.rater).toMatch(/^[0-9a-f]{64}$/);
    const second = await staff('la_officer', 'E09000033');
    expect((await rate(second, { quality: '5', usefulness: '5' })).status).toBe(302);
    expect(await researchDb().$count(guideRatings)).toBe(2);
    const facilitator = await staff('facilitator');
    expect((await rate(facilitator, { quality: '5', usefulness: '5' })).status).toBe(403);
    expect(await researchDb().$count(guideRatings)).toBe(2);
  });
});
