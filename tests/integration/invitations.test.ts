import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, invitations, outboxMessages, participants, type StaffUser } from '#db/identity/schema';
import { buildParticipant } from '#db/seed/panels';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import type { Panel, PanelSession } from '#db/research/schema';
import { createStaffUser } from '~/auth/staff-users.server';
import { panelPlanningSummary, createParticipant } from '~/identity/participants.server';
import { createPanel } from '~/research/panels.server';
import { cancelSession } from '~/scheduling/cancel.server';
import { findInvitation, respondToInvitation, sessionPeople } from '~/scheduling/invitations.server';
import { memberSessions, replyToOwnInvitation } from '~/scheduling/member-sessions.server';
import { londonDateTime } from '~/scheduling/notice';
import { scheduleSession } from '~/scheduling/schedule.server';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(31);

describe(`invitations and replies (${testStoreKind})`, () => {
  let panel: Panel;
  let session: PanelSession;
  let facilitator: StaffUser;
  const names: string[] = [];

  beforeAll(async () => {
    panel = await createPanel(
      { name: 'Invitation panel', level: 'regional', regionCode: 'E12000003', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    facilitator = await createStaffUser(buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000003'] }));
    for (let n = 901; n <= 903; n += 1) {
      const details = { ...buildParticipant(random, n), preferredContact: n === 903 ? ('text' as const) : ('email' as const) };
      names.push(details.fullName);
      await createParticipant({ details, panelId: panel.id });
    }
    const form = new FormData();
    for (const [key, value] of Object.entries({ title: 'Evening chat', day: '10', month: '12', year: '2030', startTime: '19:00', endTime: '20:00', mode: 'in-person', venue: 'Leeds Family Hub', capacity: '2', confirmWarnings: '1', facilitators: facilitator.id })) form.append(key, value);
    form.append('venueAccess', 'step-free');
    const result = await scheduleSession({ panel, user: facilitator, form, now: londonDateTime({ day: '1', month: '11', year: '2030', time: '10:00' })! });
    if (result.status !== 'scheduled') throw new Error(JSON.stringify(result));
    session = result.session;
  });

  it('invites every member with a personal link, by their preferred contact, with a calendar file by email', async () => {
    expect(await identityDb().$count(invitations, eq(invitations.sessionId, session.id))).toBe(3);
    const messages = await identityDb().select().from(outboxMessages).orderBy(outboxMessages.id);
    expect(messages).toHaveLength(3);
    expect(messages.map((message) => message.channel)).toEqual(['email', 'email', 'text']);
    expect(messages[0]!.body).toMatch(/Evening chat[\s\S]*Leeds Family Hub \(Step-free access\)[\s\S]*http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}/);
    expect(messages[0]!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    expect(messages[0]!.raw).toMatch(/BEGIN:VCALENDAR[\s\S]*DTSTART:20301210T190000Z/);
    expect(messages[2]!.raw).not.toMatch(/text\/calendar/);
  });

  it('gives the last place to one of two people taking it at once, and wait-lists the other; a declined place goes to the waiting list', async () => {
    const tokens = (await identityDb().select().from(outboxMessages).orderBy(outboxMessages.id)).map((message) => /invitations\/([A-Za-z0-9_-]{43})/.exec(message.body ?? '')![1]!);
    const found = await Promise.all(tokens.map((token) => findInvitation(token)));
    expect(found.every(Boolean)).toBe(true);
    const [first, second, third] = found.map((view) => view!.invitation);
    expect(await respondToInvitation({ invitation: first!, session, response: 'accept', accessNote: 'A hearing loop please' })).toEqual({ status: 'accepted', promoted: null });
    const race = await Promise.all([
      respondToInvitation({ invitation: second!, session, response: 'accept', accessNote: null }),
      respondToInvitation({ invitation: third!, session, response: 'accept', accessNote: null }),
    ]);
    expect(race.map((result) => result.status).sort()).toEqual(['accepted', 'waitlisted']);
    expect(await identityDb().$count(invitations, sql`status = 'accepted'`)).toBe(2);

    const declined = await respondToInvitation({ invitation: first!, session, response: 'decline', accessNote: null });
    expect(declined.status).toBe('declined');
    expect(declined.promoted).not.toBeNull();
    expect(await identityDb().$count(invitations, sql`status = 'accepted'`)).toBe(2);
    expect(await identityDb().$count(outboxMessages, sql`subject like 'A place has come up%'`)).toBe(1);

    // The facilitator planning the session sees who is coming and what they need; the view is audited.
    const people = await sessionPeople({ sessionId: session.id, viewerId: facilitator.id });
    expect(people.map((person) => person.status)).toEqual(['accepted', 'accepted']);
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'session.people.view'));
    expect(audit).toMatchObject({ who: facilitator.id, subjectId: session.id, details: { count: 2 } });
  });

  it("lists a member's sessions across their invitations, and lets them reply only to their own", async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ title: 'Morning chat', day: '11', month: '12', year: '2030', startTime: '10:00', endTime: '11:00', mode: 'online', onlineDetails: 'Video link', capacity: '10', confirmWarnings: '1', facilitators: facilitator.id })) form.append(key, value);
    const second = await scheduleSession({ panel, user: facilitator, form, now: londonDateTime({ day: '1', month: '11', year: '2030', time: '10:00' })! });
    if (second.status !== 'scheduled') throw new Error(JSON.stringify(second));
    const [mine, theirs] = await identityDb().select().from(invitations).where(eq(invitations.sessionId, second.session.id)).orderBy(invitations.id).limit(2);

    const listed = await memberSessions(mine!.participantId);
    expect(listed.map((item) => [item.title, item.state])).toEqual([
      ['Evening chat', 'upcoming'],
      ['Morning chat', 'upcoming'],
    ]);
    expect(listed[1]).toMatchObject({ invitationId: mine!.id, status: 'invited', when: 'Wednesday 11 December 2030 at 10:00am' });

    // Someone else's invitation is refused and left as it was.
    expect(await replyToOwnInvitation({ participantId: mine!.participantId, invitationId: theirs!.id, response: 'decline' })).toBeUndefined();
    const [untouched] = await identityDb().select().from(invitations).where(eq(invitations.id, theirs!.id));
    expect(untouched!.status).toBe('invited');
    expect(await replyToOwnInvitation({ participantId: mine!.participantId, invitationId: mine!.id, response: 'accept' })).toEqual({ status: 'accepted' });
    // Not once the session has started.
    expect(await replyToOwnInvitation({ participantId: mine!.participantId, invitationId: mine!.id, response: 'decline', now: new Date('2030-12-11T10:00:00Z') })).toBeUndefined();
  });

  it('tells everyone invited who has not declined when the session is cancelled', async () => {
    const before = await identityDb().$count(outboxMessages, sql`subject like 'Cancelled:%'`);
    const declined = await identityDb().$count(invitations, sql`status = 'declined'`);
    const notified = await cancelSession({ session, userId: facilitator.id });
    expect(notified).toBe(3 - declined);
    expect(await identityDb().$count(outboxMessages, sql`subject like 'Cancelled:%'`)).toBe(before + notified);
    expect(await cancelSession({ session, userId: facilitator.id })).toBe(0);
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'sessions.cancel'));
    expect(audit).toMatchObject({ who: facilitator.id, subjectId: session.id, details: { notified } });
  });

  it('summarises the members’ needs for planning in counts only', async () => {
    const summary = await panelPlanningSummary(panel.id);
    const members = await identityDb().select().from(participants);
    expect(summary.members).toBe(3);
    expect(summary.inPerson + summary.online + summary.either).toBe(3);
    expect(summary.inPerson).toBe(members.filter((member) => member.attendanceMode === 'in-person').length);
    expect(summary.accessNeeds).toBe(members.filter((member) => member.accessNeeds).length);
    expect(Object.values(summary.availability).reduce((sum, count) => sum + count, 0)).toBe(members.reduce((sum, member) => sum + member.availability.length, 0));
  });

  it('refuses forged and expired links', async () => {
    expect(await findInvitation('x'.repeat(43))).toBeUndefined();
    expect(await findInvitation("'; drop table invitations; --")).toBeUndefined();
    const [message] = await identityDb().select().from(outboxMessages).orderBy(outboxMessages.id).limit(1);
    const token = /invitations\/([A-Za-z0-9_-]{43})/.exec(message!.body ?? '')![1]!;
    await identityDb().update(invitations).set({ expiresAt: sql`now() - interval '1 minute'` });
    expect(await findInvitation(token)).toBeUndefined();
  });

  it('keeps names, contact details and needs out of the research store', async () => {
    const text = await allResearchText();
    for (const name of names) expect(text).not.toContain(name);
    expect(text).not.toMatch(/@example\.com|07700 900|hearing loop/i);
  });
});
