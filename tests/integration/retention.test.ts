import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, invitations, outboxMessages, participants, sessionReminders, signInAttempts } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { surveyDrafts } from '#db/research/schema';
import { buildParticipant } from '#db/seed/panels';
import { createRandom } from '#db/seed/random';
import { lastRetentionRun, runRetention, stayAfterNotice } from '~/governance/retention.server';
import { createParticipant } from '~/identity/participants.server';
import { createPanel } from '~/research/panels.server';
import { action as stayAction, loader as stayLoader } from '~/routes/panels.stay.$token';
import { formRequest, outcome, testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(53);

const daysAgo = (days: number) => sql`now() - make_interval(days => ${days})`;

/** Makes a member look as if they joined, agreed and last did anything `days` ago. */
async function ageMember(id: string, days: number) {
  await identityDb().update(participants).set({ createdAt: daysAgo(days), updatedAt: daysAgo(days) }).where(eq(participants.id, id));
  await identityDb().execute(sql`update consents set consented_at = now() - make_interval(days => ${days}) where participant_id = ${id}`);
}

const stayLink = async (participantId: string) => {
  const [message] = await identityDb().select().from(outboxMessages).where(eq(outboxMessages.participantId, participantId));
  return /\/panels\/stay\/([A-Za-z0-9_-]{43})/.exec(message?.body ?? '')?.[1];
};

describe(`the retention schedule (${testStoreKind})`, () => {
  it('deletes what is past its time, keeps what is not, and records the counts', async () => {
    const panel = await createPanel(
      { name: 'Retention panel', level: 'regional', regionCode: 'E12000002', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    const member = await createParticipant({ details: buildParticipant(random, 1), panelId: panel.id });
    // Messages: an old sent one goes; an old one still queued and a recent sent one stay.
    await identityDb().insert(outboxMessages).values([
      { channel: 'email', status: 'sent', createdAt: daysAgo(91) },
      { channel: 'email', status: 'queued', recipient: 'waiting@example.com', createdAt: daysAgo(91) },
      { channel: 'email', status: 'sent', createdAt: daysAgo(89) },
    ]);
    // Invitations: one to a session 181 days ago (with its reminder) goes; one 179 days ago stays.
    const [old] = await identityDb()
      .insert(invitations)
      .values({ sessionId: randomUUID(), participantId: member.id, tokenHash: `old-${randomUUID()}`, expiresAt: daysAgo(181) })
      .returning();
    await identityDb().insert(sessionReminders).values({ invitationId: old!.id, daysBefore: 2, startsAt: daysAgo(181) });
    await identityDb().insert(invitations).values({ sessionId: randomUUID(), participantId: member.id, tokenHash: `recent-${randomUUID()}`, expiresAt: daysAgo(179) });
    await researchDb().insert(surveyDrafts).values([
      { id: randomUUID(), responseId: randomUUID(), surveyId: 'common-question-set', surveyVersion: 1, updatedAt: daysAgo(8) },
      { id: randomUUID(), responseId: randomUUID(), surveyId: 'common-question-set', surveyVersion: 1, updatedAt: daysAgo(6) },
    ]);
    await identityDb().insert(signInAttempts).values([
      { accountKey: 'a', addressKey: 'b', succeeded: false, attemptedAt: daysAgo(2) },
      { accountKey: 'a', addressKey: 'b', succeeded: false },
    ]);
    await identityDb().insert(auditEvents).values([
      { who: 'system', what: 'test.ancient', occurredAt: daysAgo(6 * 366 + 1) },
      // Six years are calendar years: 2,190 days and a bit is not yet six years (there is a 29 February in any six).
      { who: 'system', what: 'test.old-but-kept', occurredAt: sql`now() - make_interval(days => ${6 * 365}, hours => 12)` },
    ]);

    const counts = await runRetention();
    expect(counts).toMatchObject({ outboxMessages: 1, pastInvitations: 1, surveyDrafts: 1, signInAttempts: 1, auditEvents: 1, inactiveMembers: 0, inactivityNotices: 0 });
    expect(await identityDb().$count(outboxMessages)).toBe(2);
    expect(await identityDb().$count(invitations)).toBe(1);
    expect(await identityDb().$count(sessionReminders)).toBe(0);
    expect(await researchDb().$count(surveyDrafts)).toBe(1);
    expect(await identityDb().$count(auditEvents, eq(auditEvents.what, 'test.old-but-kept'))).toBe(1);
    expect(await identityDb().$count(auditEvents, eq(auditEvents.what, 'test.ancient'))).toBe(0);
    // The run is in the audit trail, by count only; a second run finds nothing more.
    const run = await lastRetentionRun();
    expect(run).toMatchObject({ trigger: 'schedule', counts: { outboxMessages: 1, pastInvitations: 1 } });
    expect(await runRetention({ trigger: 'administrator', by: 'admin-id' })).toMatchObject({ outboxMessages: 0, pastInvitations: 0, surveyDrafts: 0, auditEvents: 0 });
    expect(await lastRetentionRun()).toMatchObject({ trigger: 'administrator', counts: { outboxMessages: 0 } });
  });

  it('tells a member inactive for 2 years, removes them 30 days later unless they choose to stay, and leaves active members alone', async () => {
    const panel = await createPanel(
      { name: 'Inactivity panel', level: 'regional', regionCode: 'E12000002', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    const quiet = await createParticipant({ details: buildParticipant(random, 2), panelId: panel.id });
    const staying = await createParticipant({ details: buildParticipant(random, 3), panelId: panel.id });
    const active = await createParticipant({ details: buildParticipant(random, 4), panelId: panel.id });
    await ageMember(quiet.id, 731);
    await ageMember(staying.id, 731);
    await ageMember(active.id, 700);

    expect(await runRetention()).toMatchObject({ inactivityNotices: 2, inactiveMembers: 0 });
    const token = await stayLink(staying.id);
    expect(token).toBeTruthy();
    expect(await stayLink(active.id)).toBeUndefined();
    // Told once, not every night.
    expect(await runRetention()).toMatchObject({ inactivityNotices: 0, inactiveMembers: 0 });

    // Opening the link changes nothing; the button keeps them. A made-up link is a 404.
    expect(await stayLoader({ request: new Request(`http://localhost/panels/stay/${token}`), params: { token: token! }, context: testContext() })).toBeNull();
    expect((await outcome(async () => stayLoader({ request: new Request('http://localhost/panels/stay/x'), params: { token: 'x'.repeat(43) }, context: testContext() }))).status).toBe(404);
    const [still] = await identityDb().select().from(participants).where(eq(participants.id, staying.id));
    expect(still!.keptAt).toBeNull();
    const stayed = await outcome(async () => stayAction({ request: await formRequest(`/panels/stay/${token}`, {}), params: { token: token! }, context: testContext() }));
    expect(stayed.body).toEqual({ stayed: true });
    expect(await stayAfterNotice('y'.repeat(43))).toBe(false);

    // Thirty days on: the quiet member is removed as if they had left; the one who stayed is kept.
    await identityDb().update(participants).set({ inactivityNoticeAt: daysAgo(31) }).where(eq(participants.id, quiet.id));
    expect(await runRetention()).toMatchObject({ inactiveMembers: 1, inactivityNotices: 0 });
    expect(await identityDb().$count(participants, eq(participants.id, quiet.id))).toBe(0);
    expect(await identityDb().$count(outboxMessages, eq(outboxMessages.participantId, quiet.id))).toBe(0);
    expect(await identityDb().$count(participants, eq(participants.id, staying.id))).toBe(1);
    expect(await identityDb().$count(participants, eq(participants.id, active.id))).toBe(1);
    expect(await identityDb().$count(auditEvents, eq(auditEvents.what, 'participants.stay'))).toBe(1);
  });

  it('does not remove a member who took part after the notice', async () => {
    const panel = await createPanel(
      { name: 'Came back panel', level: 'regional', regionCode: 'E12000002', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    const member = await createParticipant({ details: buildParticipant(random, 5), panelId: panel.id });
    await ageMember(member.id, 800);
    await runRetention();
    // They replied to an invitation after the notice, then the 30 days passed.
    await identityDb().insert(invitations).values({ sessionId: randomUUID(), participantId: member.id, tokenHash: `reply-${randomUUID()}`, expiresAt: sql`now() + interval '5 days'`, status: 'accepted', respondedAt: daysAgo(10) });
    await identityDb().update(participants).set({ inactivityNoticeAt: daysAgo(31) }).where(eq(participants.id, member.id));
    expect(await runRetention()).toMatchObject({ inactiveMembers: 0 });
    const [kept] = await identityDb().select().from(participants).where(eq(participants.id, member.id));
    expect(kept!.inactivityNoticeAt).toBeNull();
  });
});
