import { pseudonymFor } from '~/identity/pseudonym.server';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeCode } from '#db/reference/programmes';
import { researchDb } from '#db/research/client';
import { sessionParticipation, surveyResponses } from '#db/research/schema';
import { createPanel } from '~/research/panels.server';
import { sessionFeedbackReport } from '~/research/session-feedback.server';
import { insertSession } from '~/research/sessions.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const ALL_AGREE = { professional: 'strongly-agree', safe: 'agree', heard: 'agree', 'able-to-take-part': 'neither', accessible: 'agree', empowered: 'agree' };

async function panelWithSession(name: string, regionCode: string, programmeCodes: ProgrammeCode[]) {
  const panel = await createPanel(
    { name, level: 'regional', regionCode, laCode: null, programmeCodes, audience: 'parents-carers', focus: null, recruitmentTarget: 20, existingGroup: false },
    { regionCodes: 'all' },
  );
  const session = await insertSession({
    panelId: panel.id,
    title: `${name} session`,
    theme: null,
    startsAt: new Date('2026-06-01T17:00:00Z'),
    endsAt: new Date('2026-06-01T18:30:00Z'),
    mode: 'online',
    venueAccess: [],
    capacity: 20,
    invitationsSentAt: new Date('2026-04-01T09:00:00Z'),
    noticeOverrideReason: null,
  });
  return { panel, session };
}

async function feedback(sessionId: string, quality: Record<string, string>) {
  await researchDb()
    .insert(surveyResponses)
    .values({ id: randomUUID(), pseudonym: `anon-${randomUUID()}`, surveyId: 'session-feedback', surveyVersion: 1, answers: { session_quality: quality }, sessionId });
}

describe(`session feedback against KPI 7.1.2.b (${testStoreKind})`, () => {
  beforeAll(async () => {
    const north = await panelWithSession('North East panel', 'E12000001', ['family-hubs']);
    const south = await panelWithSession('South West panel', 'E12000009', ['start-for-life']);
    for (let n = 0; n < 10; n += 1) await feedback(north.session.id, ALL_AGREE);
    await feedback(north.session.id, { ...ALL_AGREE, safe: 'disagree' });
    // Answered only the statement outside the KPI: counted, but not positive.
    await feedback(north.session.id, { accessible: 'agree' });
    for (let n = 0; n < 3; n += 1) await feedback(south.session.id, ALL_AGREE);
    // Other question sets and feedback without the matrix are not counted.
    await researchDb().insert(surveyResponses).values({ id: randomUUID(), pseudonym: 'anon-x', surveyId: 'common-question-set', surveyVersion: 1, answers: { session_quality: ALL_AGREE }, sessionId: north.session.id });
    await researchDb().insert(surveyResponses).values({ id: randomUUID(), pseudonym: 'anon-y', surveyId: 'session-feedback', surveyVersion: 1, answers: { session_change: 'More breaks' }, sessionId: north.session.id });
    await researchDb()
      .insert(sessionParticipation)
      .values([
        ...Array.from({ length: 15 }, (_, n) => ({ pseudonym: pseudonymFor(`north-${n}`), sessionId: north.session.id, attended: true })),
        { pseudonym: pseudonymFor('north-absent'), sessionId: north.session.id, attended: false },
        ...Array.from({ length: 4 }, (_, n) => ({ pseudonym: pseudonymFor(`south-${n}`), sessionId: south.session.id, attended: true })),
      ]);
  });

  it('counts positive responses in SQL (agreeing with all five KPI statements), out of everyone who attended', async () => {
    const report = await sessionFeedbackReport({ kind: 'all' });
    // 13 of the 19 who attended: under the 75% target, though 13 of the 15 who answered were positive.
    expect(report.overall).toEqual({ total: 15, positive: 13, rate: 13 / 19, attendees: 19, metTarget: false });
    expect(report.statements.find((statement) => statement.key === 'safe')).toMatchObject({ total: 14, positive: 13 });
    expect(report.statements.find((statement) => statement.key === 'empowered')).toMatchObject({ total: 14, positive: 14 });
    expect(report.statements.find((statement) => statement.key === 'able-to-take-part')).toMatchObject({ total: 14, positive: 0 });
    expect(report.panels).toEqual([
      { panelId: expect.any(String), panelName: 'North East panel', attendees: 15, responses: { total: 12, positive: 10, rate: 10 / 15 } },
      // Fewer than 10 responses: the count of positives is not shown.
      { panelId: expect.any(String), panelName: 'South West panel', attendees: 4, responses: { total: 3, positive: null, rate: null } },
    ]);
  });

  it('shows each reader only their panels, and hides small totals', async () => {
    const south = await sessionFeedbackReport({ kind: 'regions', regionCodes: ['E12000009'] });
    expect(south.overall).toEqual({ total: 3, positive: null, rate: null, attendees: 4, metTarget: null });
    expect(south.panels.map((panel) => panel.panelName)).toEqual(['South West panel']);
    expect(south.statements.every((statement) => statement.positive === null)).toBe(true);
    const hubs = await sessionFeedbackReport({ kind: 'programmes', programmeCodes: ['family-hubs'] });
    expect(hubs.panels.map((panel) => panel.panelName)).toEqual(['North East panel']);
    expect(hubs.overall).toMatchObject({ positive: 10, rate: 10 / 15, metTarget: false });
    const none = await sessionFeedbackReport({ kind: 'regions', regionCodes: [] });
    expect(none.overall).toMatchObject({ total: 0, attendees: 0, metTarget: null });
  });

  it('counts only sessions held in the chosen period', async () => {
    const spring = await sessionFeedbackReport({ kind: 'all' }, { from: new Date('2026-03-31T23:00:00Z'), to: new Date('2026-06-30T23:00:00Z') });
    expect(spring.overall).toMatchObject({ total: 15, attendees: 19 });
    const summer = await sessionFeedbackReport({ kind: 'all' }, { from: new Date('2026-06-30T23:00:00Z'), to: new Date('2026-09-30T23:00:00Z') });
    expect(summer.overall).toMatchObject({ total: 0, attendees: 0, metTarget: null });
    expect(summer.panels).toEqual([]);
  });
});
