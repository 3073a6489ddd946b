import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { invitations, outboxMessages, participants, withdrawnLinks, type StaffUser } from '#db/identity/schema';
import { withdrawParticipant } from '~/panels/withdraw.server';
import { hashToken } from '~/utils/tokens.server';
import { buildParticipant } from '#db/seed/panels';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import type { Panel } from '#db/research/schema';
import { signInStaff } from '../setup/sign-in';
import { createStaffUser } from '~/auth/staff-users.server';
import { createParticipant } from '~/identity/participants.server';
import { createPanel } from '~/research/panels.server';
import { action as invitationAction, loader as invitationLoader } from '~/routes/invitations.$token';
import { loader as feedbackLoader } from '~/routes/staff.session-feedback';
import { londonDateTime } from '~/scheduling/notice';
import { scheduleSession } from '~/scheduling/schedule.server';
import { insertSession } from '~/research/sessions.server';
import { joinPanel } from '../setup/join-panel';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(59);

describe(`a member's personal link and the feedback page, through their routes (${testStoreKind})`, () => {
  let panel: Panel;
  let facilitator: StaffUser & { password: string };
  const sessionIds: string[] = [];

  beforeAll(async () => {
    panel = await createPanel(
      { name: 'Links panel', level: 'regional', regionCode: 'E12000005', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    const details = buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000005'] });
    facilitator = { ...(await createStaffUser(details)), password: details.password };
    for (let n = 701; n <= 702; n += 1) {
      await createParticipant({ details: { ...buildParticipant(random, n), preferredContact: 'email' }, panelId: panel.id });
    }
    for (const [title, day] of [['First talk', '10'], ['Second talk', '17']] as const) {
      const form = new FormData();
      for (const [key, value] of Object.entries({ title, day, month: '12', year: '2030', startTime: '19:00', endTime: '20:00', mode: 'online', onlineDetails: 'Video link', capacity: '10', confirmWarnings: '1', facilitators: facilitator.id })) form.append(key, value);
      const result = await scheduleSession({ panel, user: facilitator, form, now: londonDateTime({ day: '1', month: '11', year: '2030', time: '10:00' })! });
      if (result.status !== 'scheduled') throw new Error(JSON.stringify(result));
      sessionIds.push(result.session.id);
    }
  });

  it('lists the other session, takes a reply to it, and gives 404 for someone else’s invitation', async () => {
    const [message] = await identityDb().select().from(outboxMessages).orderBy(outboxMessages.id).limit(1);
    const token = /invitations\/([A-Za-z0-9_-]{43})/.exec(message!.body ?? '')![1]!;
    const page = (await outcome(() => invitationLoader({ request: new Request(`http://localhost/invitations/${token}`), params: { token }, context: testContext() }))) as {
      status: number;
      body: { session: { title: string }; otherSessions: { invitationId: string; title: string; status: string }[] };
    };
    expect(page.status).toBe(200);
    expect(page.body.session.title).toBe('First talk');
    expect(page.body.otherSessions.map((item) => [item.title, item.status])).toEqual([['Second talk', 'invited']]);
    const mine = page.body.otherSessions[0]!.invitationId;
    const [someoneElses] = (await identityDb().select().from(invitations).where(eq(invitations.sessionId, sessionIds[1]!))).filter((row) => row.id !== mine);

    const tampered = await outcome(async () =>
      invitationAction({ request: await formRequest(`/invitations/${token}`, { intent: 'reply-other', invitationId: someoneElses!.id, response: 'decline' }), params: { token }, context: testContext() }),
    );
    expect(tampered.status).toBe(404);
    const garbled = await outcome(async () =>
      invitationAction({ request: await formRequest(`/invitations/${token}`, { intent: 'reply-other', invitationId: 'not-an-id', response: 'accept' }), params: { token }, context: testContext() }),
    );
    expect(garbled.status).toBe(404);
    const [untouched] = await identityDb().select().from(invitations).where(eq(invitations.id, someoneElses!.id));
    expect(untouched!.status).toBe('invited');

    const replied = await outcome(async () =>
      invitationAction({ request: await formRequest(`/invitations/${token}`, { intent: 'reply-other', invitationId: mine, response: 'accept' }), params: { token }, context: testContext() }),
    );
    expect(replied).toMatchObject({ status: 200, body: { saved: 'other-accepted' } });
    const [accepted] = await identityDb().select().from(invitations).where(eq(invitations.id, mine));
    expect(accepted!.status).toBe('accepted');
  });

  it('shows the feedback report to a facilitator and refuses an analyst', async () => {
    const facilitatorSignIn = await signInStaff({ email: facilitator.email, password: facilitator.password, address: '192.0.2.9' });
    if (!facilitatorSignIn.ok) throw new Error('sign-in failed');
    const shown = await outcome(async () => feedbackLoader({ request: await pageRequest('/staff/session-feedback', { sessionToken: facilitatorSignIn.token }), params: {}, context: testContext() }));
    expect(shown).toMatchObject({ status: 200, body: { scoped: true, report: { overall: { total: 0 } } } });

    const analyst = buildStaffUser(random, { role: 'analyst' });
    await createStaffUser(analyst);
    const analystSignIn = await signInStaff({ email: analyst.email, password: analyst.password, address: '192.0.2.10' });
    if (!analystSignIn.ok) throw new Error('sign-in failed');
    const refused = await outcome(async () => feedbackLoader({ request: await pageRequest('/staff/session-feedback', { sessionToken: analystSignIn.token }), params: {}, context: testContext() }));
    expect(refused.status).toBe(403);
  });

  it('invites someone who joins later to the sessions that still give 4 weeks’ notice, once', async () => {
    // A session in 10 days' time is too soon to offer to a newcomer.
    await insertSession({
      panelId: panel.id,
      title: 'Soon talk',
      theme: null,
      startsAt: new Date(Date.now() + 10 * 86_400_000),
      endsAt: new Date(Date.now() + 10 * 86_400_000 + 3_600_000),
      mode: 'online',
      venueAccess: [],
      capacity: 10,
      invitationsSentAt: new Date(Date.now() - 30 * 86_400_000),
      noticeOverrideReason: null,
    });
    const fields = {
      fullName: 'Ray Latejoiner',
      email: 'ray.latejoiner@example.com',
      phone: '',
      preferredContact: 'email',
      age: '18-plus',
      accessNeeds: '',
      caringCommitments: '',
      attendanceMode: 'online',
      consentResearch: 'yes',
      consentContact: 'yes',
    };
    expect(await joinPanel(panel.id, fields)).toMatchObject({ status: 302, location: `/panels/${panel.id}/joined` });
    const [ray] = await identityDb().select().from(participants).where(eq(participants.email, 'ray.latejoiner@example.com'));
    const rays = await identityDb().select().from(invitations).where(eq(invitations.participantId, ray!.id));
    expect(rays.map((row) => row.sessionId).sort()).toEqual([...sessionIds].sort());
    expect(await identityDb().$count(outboxMessages, eq(outboxMessages.recipient, 'ray.latejoiner@example.com'))).toBe(2);

    // Signing up again changes nothing and sends no new invitations: only a message asking the
    // member, at the address on file, to confirm.
    expect(await joinPanel(panel.id, fields)).toMatchObject({ location: `/panels/${panel.id}/joined` });
    expect(await identityDb().$count(outboxMessages, eq(outboxMessages.recipient, 'ray.latejoiner@example.com'))).toBe(3);
    expect(await identityDb().$count(invitations, eq(invitations.participantId, ray!.id))).toBe(2);
  });

  it('tells someone who has left, through their old link, that they left and how to come back', async () => {
    const [message] = await identityDb().select().from(outboxMessages).orderBy(outboxMessages.id).limit(1);
    const token = /invitations\/([A-Za-z0-9_-]{43})/.exec(message!.body ?? '')![1]!;
    const [invitation] = await identityDb().select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
    await withdrawParticipant({ participantId: invitation!.participantId, deleteAnswers: true });
    const old = await outcome(() => invitationLoader({ request: new Request(`http://localhost/invitations/${token}`), params: { token }, context: testContext() }));
    expect(old).toMatchObject({ status: 302 });
    expect(old.headers.get('Location')).toBe('/withdrawn?link=old');
    // Only the link's hash and the day are kept; a made-up link is still a plain 404.
    const [kept] = await identityDb().select().from(withdrawnLinks).where(eq(withdrawnLinks.tokenHash, hashToken(token)));
    expect(Object.keys(kept!).sort()).toEqual(['tokenHash', 'withdrawnOn']);
    const other = 'x'.repeat(43);
    expect(await outcome(() => invitationLoader({ request: new Request(`http://localhost/invitations/${other}`), params: { token: other }, context: testContext() }))).toMatchObject({ status: 404 });
  });
});
