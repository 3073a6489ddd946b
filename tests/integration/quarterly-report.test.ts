import { randomUUID } from 'node:crypto';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { researchDb } from '#db/research/client';
import { codes, excerptCodes, excerpts, surveyResponses } from '#db/research/schema';
import { eq } from 'drizzle-orm';
import { setQuarterTheme, themesOfQuarters } from '~/research/quarter-themes.server';
import { parseQuarter } from '~/reports/quarters';
import { buildQuarterlyReport, type QuarterlyReport } from '~/reports/quarterly.server';
import { CODES_QUESTION, THEME_QUESTION, tidyRows, TIDY_COLUMNS } from '~/reports/tidy';
import { programmeComparison } from '~/reports/report-text';
import { createStaffUser } from '~/auth/staff-users.server';
import { signInStaff } from '../setup/sign-in';
import { loader as findingsLoader } from '~/routes/staff.findings';
import { loader as findingsCsvLoader } from '~/routes/staff.findings[.csv]';
import { action as findingsAction } from '~/routes/staff.findings';
import { loader as publishedLoader } from '~/routes/reports.$reportId';
import { loader as publishedListLoader } from '~/routes/reports._index';
import { loader as publishedFileLoader } from '~/routes/report-files.$reportId.$format';
import { publishReport } from '~/research/published-reports.server';
import { buildStaffUser } from '#db/seed/staff';
import { createRandom } from '#db/seed/random';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { TallyCounts, writeTallies } from '~/research/tallies.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const Q2 = parseQuarter('2026-27-Q2')!;
const NW = { la: 'E08000003', region: 'E12000002' };
const LONDON = { la: 'E09000033', region: 'E12000007' };

async function responses(count: number, area: { la: string; region: string }, wanted: boolean, day: string, programmes = ['family-hubs']) {
  const stored = await researchDb()
    .insert(surveyResponses)
    .values(Array.from({ length: count }, () => ({ id: randomUUID(), pseudonym: randomUUID(), surveyId: 'common-question-set', surveyVersion: 1, answers: { wanted_unavailable: wanted }, laCode: area.la, regionCode: area.region, programmeCodes: programmes, submittedAt: new Date(day) })))
    .returning();
  // Counted into the report tallies, as storing a response does.
  const counts = new TallyCounts();
  for (const row of stored) counts.add(row, new Set(['wanted_unavailable']));
  await writeTallies(researchDb(), counts);
}

const table = (report: QuarterlyReport) => report.sections[0]!.tables.find((entry) => entry.question === 'wanted_unavailable')!;
const drawn = (report: QuarterlyReport) => Object.fromEntries(table(report).rows.map((row) => [row.areaName, [row.base, ...row.cells.map((cell) => cell.count)]]));

describe(`the quarterly report's closed questions (${testStoreKind})`, () => {
  beforeAll(async () => {
    // Worked out by hand. Q2 (July to September 2026): North West 15 yes, 12 no; London 20 yes, 4 no;
    // so England 35 yes, 16 no of 51. Q1: North West 10 yes, 10 no. One Q2 response in another programme.
    await responses(15, NW, true, '2026-08-01T09:00:00Z');
    await responses(12, NW, false, '2026-08-02T09:00:00Z');
    await responses(20, LONDON, true, '2026-09-30T22:30:00Z'); // still 30 September in London
    await responses(4, LONDON, false, '2026-07-01T00:30:00+01:00');
    await responses(10, NW, true, '2026-05-01T09:00:00Z');
    await responses(10, NW, false, '2026-05-02T09:00:00Z');
    await responses(1, NW, true, '2026-08-03T09:00:00Z', ['start-for-life']);
  });

  it('for England: counts, shares and the change from the previous quarter', async () => {
    const report = await buildQuarterlyReport({ quarter: Q2, programme: 'family-hubs', level: 'england' });
    expect(drawn(report)).toEqual({ England: [51, 35, 16] });
    const [yes, no] = table(report).rows[0]!.cells;
    expect(yes!.share).toBeCloseTo(35 / 51, 10);
    expect(no!.share).toBeCloseTo(16 / 51, 10);
    expect(yes!.change).toBeCloseTo(35 / 51 - 0.5, 10);
    expect(report.reach.responses).toBe(51);
  });

  it('by region: London’s 4 is hidden, then what would give it away (London’s yes, and North West’s row, from England’s totals)', async () => {
    const report = await buildQuarterlyReport({ quarter: Q2, programme: 'family-hubs', level: 'region' });
    expect(drawn(report)).toEqual({ England: [51, 35, 16], London: [24, null, null], 'North West': [27, null, null] });
    expect(table(report).rows[1]!.cells.every((cell) => cell.share === null && cell.suppressed)).toBe(true);
    const rows = tidyRows(report).filter((row) => row[5] === 'wanted_unavailable');
    expect(rows).toEqual([
      ['2026-27-Q2', 'family-hubs', 'region', 'E92000001', 'England', 'wanted_unavailable', 'true', '35', '0.6863', 'false'],
      ['2026-27-Q2', 'family-hubs', 'region', 'E92000001', 'England', 'wanted_unavailable', 'false', '16', '0.3137', 'false'],
      ['2026-27-Q2', 'family-hubs', 'region', 'E12000007', 'London', 'wanted_unavailable', 'true', '', '', 'true'],
      ['2026-27-Q2', 'family-hubs', 'region', 'E12000007', 'London', 'wanted_unavailable', 'false', '', '', 'true'],
      ['2026-27-Q2', 'family-hubs', 'region', 'E12000002', 'North West', 'wanted_unavailable', 'true', '', '', 'true'],
      ['2026-27-Q2', 'family-hubs', 'region', 'E12000002', 'North West', 'wanted_unavailable', 'false', '', '', 'true'],
    ]);
    expect(TIDY_COLUMNS.join(',')).toBe('quarter,programme,level,area_code,area_name,question,answer,count,share,suppressed');
  });

  it('for all programmes the other programme’s response counts, and a lone small row hides itself whole', async () => {
    const report = await buildQuarterlyReport({ quarter: Q2, programme: 'all', level: 'england' });
    expect(drawn(report)).toEqual({ England: [52, 36, 16] });
    const one = await buildQuarterlyReport({ quarter: Q2, programme: 'start-for-life', level: 'england' });
    expect(drawn(one)).toEqual({ England: [null, null, null] });
    expect(one.reach.responses).toBeNull();
  });
});

describe(`reading the findings (${testStoreKind})`, () => {
  it('lets a programme lead read only their programmes, refuses a quarter not yet started, and downloads the tidy CSV', async () => {
    const random = createRandom(12);
    const lead = buildStaffUser(random, { role: 'programme_lead', programmeCodes: ['start-for-life'] });
    await createStaffUser(lead);
    const session = await signInStaff({ email: lead.email, password: lead.password, address: '192.0.2.9' });
    if (!session.ok) throw new Error('sign-in failed');
    const page = async (path: string, loader: (args: LoaderFunctionArgs) => Promise<unknown> = findingsLoader) => outcome(async () => loader({ request: await pageRequest(path, { sessionToken: session.token }), params: {}, context: testContext() }));
    expect((await page('/staff/findings?quarter=2026-27-Q2&programme=family-hubs')).status).toBe(403);
    expect((await page('/staff/findings?quarter=2026-27-Q2&programme=all')).status).toBe(403);
    expect((await page('/staff/findings.csv?quarter=2026-27-Q2&programme=family-hubs', findingsCsvLoader)).status).toBe(403);
    const future = await page('/staff/findings?quarter=2026-28-Q1&programme=start-for-life');
    expect(future.body).toMatchObject({ errors: [{ field: 'quarter', message: 'Enter a quarter like 2026-27-Q3' }], report: null });
    const notYet = await page('/staff/findings?quarter=2030-31-Q1&programme=start-for-life');
    expect(notYet.body).toMatchObject({ errors: [{ field: 'quarter', message: expect.stringMatching(/has not started yet/) }] });
    const own = await page('/staff/findings?quarter=2026-27-Q2&programme=start-for-life&level=region');
    expect(own.status).toBe(200);
    const csv = await page('/staff/findings.csv?quarter=2026-27-Q2&programme=start-for-life&level=region', findingsCsvLoader);
    expect(csv.status).toBe(200);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('quarter,programme,level,area_code,area_name,question,answer,count,share,suppressed');
    // One response in start-for-life that quarter: every cell hidden.
    expect(lines.slice(1).every((line) => line.endsWith(',,,true'))).toBe(true);
  });
});

describe(`an LA officer's own results (${testStoreKind})`, () => {
  it('shows only their authority, for every programme, whatever the address asks for', async () => {
    const random = createRandom(15);
    const officer = buildStaffUser(random, { role: 'la_officer', laCode: NW.la });
    await createStaffUser(officer);
    const session = await signInStaff({ email: officer.email, password: officer.password, address: '192.0.2.12' });
    if (!session.ok) throw new Error('sign-in failed');
    const result = await outcome(async () =>
      findingsLoader({ request: await pageRequest('/staff/findings?quarter=2026-27-Q2&level=england&programme=family-hubs&region=E12000007', { sessionToken: session.token }), params: {}, context: testContext() }),
    );
    const body = result.body as { report: QuarterlyReport; ownLaName: string };
    expect(body.ownLaName).toBe('Manchester');
    expect(body.report.level).toBe('la');
    expect(table(body.report).rows.map((row) => [row.areaName, row.base])).toEqual([['Manchester', 28]]);
  });
});

describe(`publishing the findings (${testStoreKind})`, () => {
  it('publishes for everyone, refuses a correction that does not say what changed, keeps earlier versions, and numbers versions safely at once', async () => {
    const random = createRandom(13);
    const admin = buildStaffUser(random, { role: 'administrator' });
    await createStaffUser(admin);
    const session = await signInStaff({ email: admin.email, password: admin.password, address: '192.0.2.10' });
    if (!session.ok) throw new Error('sign-in failed');
    const publish = async (fields: Record<string, string>) =>
      outcome(async () => findingsAction({ request: await formRequest('/staff/findings', fields, { sessionToken: session.token }), params: {}, context: testContext() }));
    const fields = { quarter: '2026-27-Q2', programme: 'family-hubs', level: 'region' };
    const first = await publish(fields);
    expect(first.status).toBe(302);
    const firstId = first.headers.get('location')!.match(/\/reports\/([0-9a-f-]{36})/)![1]!;
    expect((await publish(fields)).body).toMatchObject({ errors: [{ field: 'note', message: 'Say what was corrected' }] });
    expect((await publish({ ...fields, quarter: '2030-31-Q1' })).body).toMatchObject({ errors: [{ field: 'quarter', message: expect.stringMatching(/has not started/) }] });
    expect((await publish({ ...fields, level: 'la', region: 'E12000002' })).body).toMatchObject({ errors: [{ field: 'region', message: expect.stringMatching(/all regions/) }] });
    const second = await publish({ ...fields, note: 'A region was named wrongly' });
    const secondId = second.headers.get('location')!.match(/\/reports\/([0-9a-f-]{36})/)![1]!;

    // Anyone (no session) reads both; the first says it is an earlier version.
    const page = async (id: string) => (await outcome(() => publishedLoader({ request: new Request(`http://localhost/reports/${id}`), params: { reportId: id }, context: testContext() }))).body as { version: number; latestId: string | null; report: QuarterlyReport };
    expect(await page(firstId)).toMatchObject({ version: 1, latestId: secondId });
    const latest = await page(secondId);
    expect(latest).toMatchObject({ version: 2, latestId: null, note: 'A region was named wrongly' });
    expect(table(latest.report).rows.map((row) => row.base)).toEqual([51, 24, 27]);
    const list = (await outcome(() => publishedListLoader())).body as { reports: { id: string; latest: boolean }[] };
    expect(list.reports.filter((entry) => [firstId, secondId].includes(entry.id)).map((entry) => entry.latest)).toEqual([true, false]);
    const word = await outcome(() => publishedFileLoader({ request: new Request('http://localhost/'), params: { reportId: secondId, format: 'docx' }, context: testContext() }));
    expect(word.status).toBe(200);
    expect(word.headers.get('content-disposition')).toContain('family-voice-2026-27-Q2-family-hubs-region-v2.docx');
    const notFound = await outcome(() => publishedFileLoader({ request: new Request('http://localhost/'), params: { reportId: secondId, format: 'exe' }, context: testContext() }));
    expect(notFound.status).toBe(404);

    const versions = await Promise.all([1, 2, 3].map(() => publishReport({ quarter: '2026-27-Q1', programme: 'all', level: 'england', report: {}, note: 'x' })));
    expect(versions.map((entry) => entry.version).sort()).toEqual([1, 2, 3]);
  });

  it('lets only administrators publish', async () => {
    const random = createRandom(14);
    const analyst = buildStaffUser(random, { role: 'analyst' });
    await createStaffUser(analyst);
    const session = await signInStaff({ email: analyst.email, password: analyst.password, address: '192.0.2.11' });
    if (!session.ok) throw new Error('sign-in failed');
    const refused = await outcome(async () => findingsAction({ request: await formRequest('/staff/findings', { quarter: '2026-27-Q2', programme: 'all', level: 'england' }, { sessionToken: session.token }), params: {}, context: testContext() }));
    expect(refused.status).toBe(403);
  });
});

describe(`the quarter's theme (${testStoreKind})`, () => {
  it('defaults to Annex A’s suggestion, can be chosen, and flags one 0–2 quarter a year, which adds its own section', async () => {
    const defaults = await themesOfQuarters(['2026-27-Q1', '2026-27-Q3']);
    expect(defaults.get('2026-27-Q1')).toMatchObject({ name: 'Special educational needs and disabilities', isDefault: true, earlyYears: false });
    expect(defaults.get('2026-27-Q3')).toMatchObject({ name: 'Access to support and its barriers', isDefault: true });
    const [housing] = await researchDb().select().from(codes).where(eq(codes.seedKey, 'housing'));
    expect(await setQuarterTheme({ quarter: '2026-27-Q1', codeId: housing!.id, earlyYears: true })).toEqual({ ok: true });
    expect(await setQuarterTheme({ quarter: '2026-27-Q2', codeId: housing!.id, earlyYears: true })).toEqual({ ok: true });
    const chosen = await themesOfQuarters(['2026-27-Q1', '2026-27-Q2']);
    expect([chosen.get('2026-27-Q1')!.earlyYears, chosen.get('2026-27-Q2')!.earlyYears]).toEqual([false, true]);
    expect(await setQuarterTheme({ quarter: '2026-27-Q3', codeId: randomUUID(), earlyYears: false })).toMatchObject({ ok: false });

    // Q2's report leads with housing; the 0–2 section counts only those expecting or with a child under 2 (none here).
    const report = await buildQuarterlyReport({ quarter: Q2, programme: 'all', level: 'england' });
    expect(report.theme).toMatchObject({ name: 'Secure housing', chosen: true, total: null });
    expect(report.earlyYears).toBe(true);
    expect(report.sections.map((section) => section.audience)).toEqual(['families', 'early-years', 'young-people']);
    expect(report.sections[1]!.responses).toBeNull();
  });

  it('compares the programmes on the theme’s codes, every cell through the disclosure rule, in an all-programme report only', async () => {
    const [housing] = await researchDb().select().from(codes).where(eq(codes.seedKey, 'housing'));
    expect(await setQuarterTheme({ quarter: '2026-27-Q2', codeId: housing!.id, earlyYears: false })).toEqual({ ok: true });
    // Worked out by hand: housing excerpts in Q2 from Family Hubs 12, Start for Life 11, Supporting Families 3.
    const coded = async (count: number, programme: string) => {
      const rows = await researchDb()
        .insert(excerpts)
        .values(Array.from({ length: count }, (_, n) => ({ source: 'survey', text: `Our landlord will not fix the damp (${programme} ${n})`, occurredOn: new Date('2026-08-10T00:00:00+01:00'), programmeCodes: [programme], regionCode: NW.region, laCode: NW.la })))
        .returning({ id: excerpts.id });
      await researchDb().insert(excerptCodes).values(rows.map((row) => ({ excerptId: row.id, codeId: housing!.id })));
    };
    await coded(12, 'family-hubs');
    await coded(11, 'start-for-life');
    await coded(3, 'supporting-families');
    const report = await buildQuarterlyReport({ quarter: Q2, programme: 'all', level: 'england' });
    expect(report.theme!.byCodeAndProgramme).toEqual({
      programmes: ['Supporting Families', 'Family Hubs', 'Start for Life', 'Reducing Parental Conflict', 'Family Nurse Partnership'],
      // 3 and the two zeros are hidden; the row already has more than one hidden cell, so nothing more.
      rows: [{ name: 'Secure housing', depth: 0, counts: [null, 12, 11, null, null] }],
    });
    expect(programmeComparison(report.theme!.byCodeAndProgramme!)).toEqual(['No code of the theme has 10 or more excerpts from every programme.']);
    // The tidy CSV carries the theme's codes for England: 26 housing excerpts, all of the theme's.
    expect(tidyRows(report).filter((row) => row[5] === THEME_QUESTION)).toEqual([['2026-27-Q2', 'all', 'england', 'E92000001', 'England', THEME_QUESTION, 'Secure housing', '26', '1', 'false']]);
    expect(tidyRows(report).filter((row) => row[5] === CODES_QUESTION && row[6] === 'Secure housing')).toHaveLength(1);
    const one = await buildQuarterlyReport({ quarter: Q2, programme: 'family-hubs', level: 'england' });
    expect(one.theme!.byCodeAndProgramme).toBeNull();
  });
});
