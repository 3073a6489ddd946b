import { randomUUID } from 'node:crypto';
import type { LoaderFunctionArgs } from '@remix-run/node';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { referencePopulations } from '#db/reference/populations';
import { researchDb } from '#db/research/client';
import { panelMembers, panels, panelSessions, participantProfiles, sessionParticipation } from '#db/research/schema';
import { parseQuarter } from '~/reports/quarters';
import { PREFER_NOT, UNANSWERED, wilson } from '~/reports/representation';
import { buildRepresentation } from '~/reports/representation.server';
import { getSurvey } from '~/surveys/definitions.server';
import { importResponses } from '~/surveys/import.server';
import { createStaffUser } from '~/auth/staff-users.server';
import { signInStaff } from '../setup/sign-in';
import { reachNext } from '~/reports/reach-next.server';
import { footprintOf, setFootprint } from '~/research/footprints.server';
import { REPRESENTATION_COLUMNS } from '~/reports/representation-files.server';
import { loader as pageLoader } from '~/routes/staff.representation';
import { loader as csvLoader } from '~/routes/staff.representation[.csv]';
import { loader as xlsxLoader } from '~/routes/staff.representation[.xlsx]';
import { buildStaffUser } from '#db/seed/staff';
import { createRandom } from '#db/seed/random';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { action as footprintAction } from '~/routes/staff.footprints';
import { auditEvents } from '#db/identity/schema';
import { identityDb } from '#db/identity/client';
import { eq } from 'drizzle-orm';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const quarter = parseQuarter('2026-27-Q3')!;
const NW = 'E12000002';
const LONDON = 'E12000007';
const wilsonLow = (count: number, n: number) => wilson(count, n)[0];
const wilsonHigh = (count: number, n: number) => wilson(count, n)[1];
const reference = (area: string, category: string) => referencePopulations().find((row) => row.areaCode === area && row.dimension === 'sex' && row.category === category)!.share;

/** Rows of one authority: so many of each sex answer ('' for none). */
function rows(la: string, spread: Record<string, number>): string[][] {
  return Object.entries(spread).flatMap(([sex, count]) => Array.from({ length: count }, () => [randomUUID(), la, '2026-10-15', sex]));
}

describe(`representation (${testStoreKind})`, () => {
  beforeAll(async () => {
    // Worked out by hand. Manchester (North West): 60 women, 30 men, 12 prefer not to say, 11 no
    // answer: 113 people, 90 answered. Westminster (London): 40, 24, 10, 10: 84 people, 64 answered.
    const result = await importResponses({
      survey: getSurvey('common-question-set')!,
      header: ['response_id', 'la_code', 'submitted_at', 'sex'],
      rows: [...rows('E08000003', { female: 60, male: 30, [PREFER_NOT]: 12, '': 11 }), ...rows('E09000033', { female: 40, male: 24, [PREFER_NOT]: 10, '': 10 })],
      now: new Date('2026-11-28T12:00:00Z'),
    });
    expect(result).toMatchObject({ ok: true, stored: 197 });
  });

  it('gives counts, shares of those who answered, the Census share, ratios and flags by region', async () => {
    const report = await buildRepresentation({ quarter, programme: 'all', level: 'region', source: 'respondents' });
    const sex = report.tables.find((table) => table.dimension === 'sex')!;
    const row = (area: string) => sex.rows.find((entry) => entry.areaCode === area)!;
    const cell = (area: string, category: string) => row(area).cells.find((entry) => entry.category === category)!;
    expect(row(NW).total).toBe(113);
    expect(cell(NW, 'female')).toMatchObject({ count: 60, share: 60 / 90, suppressed: false });
    expect(cell(NW, 'female').referenceShare).toBeCloseTo(reference(NW, 'female'), 6);
    expect(cell(NW, 'female').ratio).toBeCloseTo(60 / 90 / reference(NW, 'female'), 6);
    // Wilson(60, 90) is 0.5644–0.7554 and Wilson(30, 90) 0.2446–0.4356: against about 0.51 and 0.49
    // neither interval lies wholly beyond 1.25 or below 0.8 of the population's share.
    expect(cell(NW, 'female').ratioLow).toBeCloseTo(0.5644 / reference(NW, 'female'), 2);
    expect(cell(NW, 'female').flag).toBe('in line');
    expect(cell(NW, 'male').flag).toBe('in line');
    expect(cell(NW, PREFER_NOT)).toMatchObject({ count: 12, share: null, referenceShare: null });
    expect(cell(NW, UNANSWERED)).toMatchObject({ count: 11 });
    expect(cell(LONDON, 'male')).toMatchObject({ count: 24, share: 24 / 64 });
    // London's 10 prefer not to say and 10 no answer are shown (10 is not fewer than 10).
    expect(cell(LONDON, UNANSWERED)).toMatchObject({ count: 10, suppressed: false });
    // The other seven regions had no one: every cell hidden, nothing to compare.
    const empty = sex.rows.filter((entry) => entry.areaCode !== NW && entry.areaCode !== LONDON);
    expect(empty).toHaveLength(7);
    expect(empty.every((entry) => entry.total === null && entry.cells.every((one) => one.suppressed && one.ratio === null))).toBe(true);
    // Coverage: 151 authorities and 7 regions with no one taking part.
    expect(report.coverage.regionsWithNone).toHaveLength(7);
    expect(report.coverage.lasWithNone).toHaveLength(151);
    expect(report.coverage.lasWithNone.map((la) => la.code)).not.toContain('E08000003');
    // A dimension no one answered (family make-up): every cell hidden.
    const family = report.tables.find((table) => table.dimension === 'family_type')!;
    expect(family.rows.flatMap((entry) => entry.cells.filter((one) => one.category !== UNANSWERED)).every((one) => one.suppressed)).toBe(true);
    // The figure to follow: England's lowest ratio for sex is the men's, 54 of 154 against 49%; no one took part in the three quarters before.
    const sexTrend = report.trend.find((line) => line.dimension === 'sex')!;
    expect(sexTrend.points.map((point) => point.quarter)).toEqual(['2025-26-Q4', '2026-27-Q1', '2026-27-Q2', '2026-27-Q3']);
    expect(sexTrend.points.slice(0, 3).every((point) => point.lowestRatio === null)).toBe(true);
    expect(sexTrend.points[3]!.lowestRatio).toBeCloseTo(54 / 154 / reference('E92000001', 'male'), 6);
    expect(report.trend.map((line) => line.dimension)).not.toContain('family_type');
    // No young people answered their own set; no one answered the services question (so no one is counted as not using services).
    expect(report.youngPeople).toBeNull();
    const services = report.tables.find((table) => table.dimension === 'services_used')!;
    expect(services.label).toBe('Families who have not used services');
    expect(services.rows.find((entry) => entry.areaCode === NW)!.cells.map((one) => [one.category, one.count])).toEqual([['none', null], [PREFER_NOT, null], [UNANSWERED, 113]]);
    // The place mix: Manchester and Westminster are both predominantly urban.
    const urban = report.tables.find((table) => table.dimension === 'rural_urban')!;
    expect(urban.rows.find((entry) => entry.areaCode === NW)!.cells.find((one) => one.category === 'Predominantly Urban')).toMatchObject({ count: 113, share: 1 });
  });

  it('counts panel members and session attendees by their profile, and adds the sources together for all', async () => {
    const [panel] = await researchDb().insert(panels).values({ name: 'North West parents', level: 'regional', regionCode: NW, programmeCodes: ['family-hubs'], audience: 'parents-carers', recruitmentTarget: 20 }).returning();
    const people = Array.from({ length: 22 }, () => `p-${randomUUID()}`);
    await researchDb().insert(participantProfiles).values(people.map((pseudonym, index) => ({ pseudonym, answers: { sex: index < 12 ? 'female' : 'male' }, laCode: 'E08000003', regionCode: NW })) as never);
    await researchDb().insert(panelMembers).values(people.map((pseudonym) => ({ pseudonym, panelId: panel!.id, joinedAt: new Date('2026-09-01T00:00:00Z') })) as never);
    const members = await buildRepresentation({ quarter, programme: 'family-hubs', level: 'england', source: 'members' });
    const sex = members.tables.find((table) => table.dimension === 'sex')!.rows[0]!;
    expect(sex.total).toBe(22);
    expect(sex.cells.find((one) => one.category === 'female')).toMatchObject({ count: 12, share: 12 / 22 });
    // Attendees: the 15 who came to a session held in the quarter (not the one who was invited and did not come, nor a cancelled session's).
    const [held, cancelled] = await researchDb()
      .insert(panelSessions)
      .values([
        { panelId: panel!.id, title: 'Autumn', startsAt: new Date('2026-10-20T17:00:00Z'), endsAt: new Date('2026-10-20T18:30:00Z'), mode: 'online', capacity: 30 },
        { panelId: panel!.id, title: 'Called off', startsAt: new Date('2026-11-20T17:00:00Z'), endsAt: new Date('2026-11-20T18:30:00Z'), mode: 'online', capacity: 30, cancelledAt: new Date('2026-11-01T09:00:00Z') },
      ])
      .returning();
    await researchDb().insert(sessionParticipation).values([
      ...people.slice(0, 15).map((pseudonym) => ({ pseudonym, sessionId: held!.id, attended: true })),
      { pseudonym: people[15]!, sessionId: held!.id, attended: false },
      ...people.slice(16).map((pseudonym) => ({ pseudonym, sessionId: cancelled!.id, attended: true })),
    ] as never);
    const attendees = await buildRepresentation({ quarter, programme: 'family-hubs', level: 'england', source: 'attendees' });
    expect(attendees.tables.find((table) => table.dimension === 'sex')!.rows[0]!).toMatchObject({ source: 'attendees', total: 15 });
    const all = await buildRepresentation({ quarter, programme: 'all', level: 'england', source: 'all' });
    expect(all.tables.find((table) => table.dimension === 'sex')!.rows[0]!).toMatchObject({ source: 'all', total: 197 + 22 + 15 });
  });

  it('lists a facilitator’s largest gaps in their own regions, with the panels that could close them', async () => {
    const gaps = await reachNext([NW], { now: new Date('2026-11-15T12:00:00Z') });
    // No sex group is beyond chance in the North West (see above), so the five are the most
    // populous authorities there with no one yet, Lancashire first.
    expect(gaps).toHaveLength(5);
    expect(gaps.every((gap) => gap.regionCode === NW && gap.who.startsWith('Families in'))).toBe(true);
    expect(gaps[0]!.who).toBe('Families in Lancashire');
    expect(gaps.map((gap) => gap.who)).not.toContain('Families in Manchester');
    expect(gaps[0]!.panels.map((panel) => panel.name)).toContain('North West parents');
    expect(await reachNext([])).toEqual([]);
  });

  it('serves the page and downloads within the reader’s scope, and refuses beyond it', async () => {
    const random = createRandom(31);
    const facilitator = buildStaffUser(random, { role: 'facilitator', regionCodes: [NW] });
    await createStaffUser(facilitator);
    const session = await signInStaff({ email: facilitator.email, password: facilitator.password, address: '192.0.2.10' });
    if (!session.ok) throw new Error('sign-in failed');
    const get = async (path: string, loader: (args: LoaderFunctionArgs) => Promise<unknown>) => outcome(async () => loader({ request: await pageRequest(path, { sessionToken: session.token }), params: {}, context: testContext() }));
    expect((await get('/staff/representation?quarter=2026-27-Q3&level=region&region=E12000007', pageLoader)).status).toBe(403);
    expect((await get('/staff/representation.csv?quarter=2026-27-Q3&level=england', csvLoader)).status).toBe(403);
    const own = await get('/staff/representation?quarter=2026-27-Q3&level=la&region=E12000002&source=respondents', pageLoader);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ errors: [], report: { level: 'la', source: 'respondents' } });
    const csv = await get('/staff/representation.csv?quarter=2026-27-Q3&level=region&region=E12000002&source=respondents', csvLoader);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe(REPRESENTATION_COLUMNS.join(','));
    expect(lines).toContain(`2026-27-Q3,all,region,${NW},North West,respondents,sex,female,60,0.6667,${(Math.round(reference(NW, 'female') * 10_000) / 10_000).toString()},${(Math.round((60 / 90 / reference(NW, 'female')) * 10_000) / 10_000).toString()},${(Math.round((wilsonLow(60, 90) / reference(NW, 'female')) * 10_000) / 10_000).toString()},${(Math.round((wilsonHigh(60, 90) / reference(NW, 'female')) * 10_000) / 10_000).toString()},in line,false`);
    const bad = await get('/staff/representation?quarter=2026-27-Q3&level=region&region=E12000002&source=everyone', pageLoader);
    expect(bad.body).toMatchObject({ errors: [{ field: 'source' }], report: null });
    const xlsx = (await xlsxLoader({ request: await pageRequest('/staff/representation.xlsx?quarter=2026-27-Q3&level=region&region=E12000002', { sessionToken: session.token }), params: {}, context: testContext() })) as Response;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['About', '01 Sex', 'No one took part']));
  });

  it('compares with a programme’s footprint once an administrator sets it, all or nothing', async () => {
    expect(await footprintOf('start-for-life')).toBeNull();
    // An unknown authority refuses the whole change.
    expect(await setFootprint({ programme: 'start-for-life', laCodes: ['E08000003', 'E06999999'] })).toMatchObject({ ok: false, field: 'laCodes' });
    expect(await footprintOf('start-for-life')).toBeNull();
    expect(await setFootprint({ programme: 'astrology', laCodes: ['E08000003'] })).toMatchObject({ ok: false, field: 'programme' });
    expect(await setFootprint({ programme: 'start-for-life', laCodes: ['E08000003', 'E09000033', 'E06000001', 'E08000003'] })).toEqual({ ok: true, count: 3 });
    const report = await buildRepresentation({ quarter, programme: 'start-for-life', level: 'la', source: 'respondents' });
    // Only the footprint's authorities are rows and places with no one (the imported answers named
    // no programme, so no one has answered for this one yet); regions outside it are not listed.
    expect(report.footprint).toBe(3);
    expect(report.coverage.lasWithNone.map((la) => la.name)).toEqual(['Westminster', 'Hartlepool', 'Manchester']);
    expect(report.coverage.regionsWithNone.map((region) => region.name).sort()).toEqual(['London', 'North East', 'North West']);
    expect(report.tables.find((table) => table.dimension === 'sex')!.rows.map((row) => row.areaCode).sort()).toEqual(['E06000001', 'E08000003', 'E09000033']);
    // All programmes: any programme without a footprint means every authority counts.
    expect(await footprintOf(null)).toBeNull();
    expect(await setFootprint({ programme: 'start-for-life', laCodes: [] })).toEqual({ ok: true, count: 0 });
    expect(await footprintOf('start-for-life')).toBeNull();
  });

  it('lets only an administrator set a footprint from the page, audited, and answers a bad form with field errors', async () => {
    const random = createRandom(47);
    const admin = buildStaffUser(random, { role: 'administrator' });
    const analyst = buildStaffUser(random, { role: 'analyst' });
    await createStaffUser(admin);
    await createStaffUser(analyst);
    const token = async (user: { email: string; password: string }) => {
      const session = await signInStaff({ email: user.email, password: user.password, address: '192.0.2.11' });
      if (!session.ok) throw new Error('sign-in failed');
      return session.token;
    };
    const post = async (fields: Record<string, string | string[]>, sessionToken: string) =>
      outcome(async () => footprintAction({ request: await formRequest('/staff/footprints', fields, { sessionToken }), params: {}, context: testContext() }));
    expect((await post({ programme: 'family-hubs', laCodes: ['E08000003'] }, await token(analyst))).status).toBe(403);
    const adminToken = await token(admin);
    expect((await post({ programme: 'astrology', laCodes: ['E08000003'] }, adminToken)).body).toMatchObject({ errors: [{ field: 'programme', message: 'Choose a programme from the list' }] });
    expect((await post({ programme: 'family-hubs', laCodes: ['<script>'] }, adminToken)).body).toMatchObject({ errors: [{ field: 'laCodes' }] });
    expect(await footprintOf('family-hubs')).toBeNull();
    const saved = await post({ programme: 'family-hubs', laCodes: ['E08000003', 'E09000033'] }, adminToken);
    expect(saved.status).toBe(302);
    expect(saved.headers.get('Location')).toBe('/staff/footprints?programme=family-hubs&saved=1');
    expect(await footprintOf('family-hubs')).toEqual(new Set(['E08000003', 'E09000033']));
    const audited = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'footprints.set'));
    expect(audited.at(-1)!.details).toMatchObject({ programme: 'family-hubs', localAuthorities: 2 });
    await setFootprint({ programme: 'family-hubs', laCodes: [] });
  });
});
