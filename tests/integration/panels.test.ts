import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, consents, outboxMessages, panelMemberships, participants } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { panelMembers, participantProfiles } from '#db/research/schema';
import { tidyUp } from '~/jobs/housekeeping.server';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { signInStaff } from '../setup/sign-in';
import { createStaffUser } from '~/auth/staff-users.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { createPanel, PanelPlacementError, type PanelInput } from '~/research/panels.server';
import { answerConfirmation } from '~/panels/sign-up.server';
import { loader as panelLoader } from '~/routes/staff.panels.$panelId.members._index';
import { action as editAction } from '~/routes/staff.panels.$panelId.settings';
import { joinPanel } from '../setup/join-panel';
import { formRequest, pageRequest, testContext } from '../setup/requests';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(11);

const regional = (overrides: Partial<PanelInput> = {}): PanelInput => ({
  name: 'London parent panel',
  level: 'regional',
  regionCode: 'E12000007',
  laCode: null,
  programmeCodes: ['family-hubs'],
  audience: 'parents-carers',
  focus: null,
  recruitmentTarget: 20,
  existingGroup: false,
  ...overrides,
});

const family = {
  fullName: 'Jo Testparent',
  email: 'Jo.Testparent@example.com',
  phone: '07700 900123',
  preferredContact: 'email',
  age: '35-44',
  accessNeeds: 'Step-free access',
  caringCommitments: 'School pick-up at 3pm',
  availability: ['weekday-mornings', 'weekends'],
  attendanceMode: 'either',
  la: 'E09000033',
  ethnic_group: 'mixed',
  consentResearch: 'yes',
  consentContact: 'yes',
};

const join = joinPanel;

describe(`panels and sign-up (${testStoreKind})`, () => {
  let londonPanelId: string;
  let youngPanelId: string;
  beforeAll(async () => {
    londonPanelId = (await createPanel(regional(), { regionCodes: ['E12000007'] })).id;
    youngPanelId = (await createPanel(regional({ name: 'Young people', audience: 'young-people' }), { regionCodes: 'all' })).id;
  });

  it('lets a facilitator place panels only in their regions, and national panels are for administrators', async () => {
    await expect(createPanel(regional({ regionCode: 'E12000002' }), { regionCodes: ['E12000007'] })).rejects.toThrow(PanelPlacementError);
    await expect(createPanel(regional({ level: 'local', laCode: 'E08000003' }), { regionCodes: ['E12000007'] })).rejects.toThrow(/your regions/);
    await expect(createPanel(regional({ level: 'national' }), { regionCodes: ['E12000007'] })).rejects.toThrow(/your regions/);
    const local = await createPanel(regional({ level: 'local', laCode: 'E09000033', regionCode: 'E12000002' }), { regionCodes: ['E12000007'] });
    expect(local).toMatchObject({ laCode: 'E09000033', regionCode: 'E12000007' });
  });

  it('signs a family up: details and consent in the identity store, the profile under a pseudonym in the research store', async () => {
    const result = await join(londonPanelId, family);
    expect(result).toMatchObject({ status: 302, location: `/panels/${londonPanelId}/joined` });
    const [participant] = await identityDb().select().from(participants).where(eq(participants.email, 'jo.testparent@example.com'));
    expect(participant).toMatchObject({ fullName: 'Jo Testparent', accessNeeds: 'Step-free access', availability: ['weekday-mornings', 'weekends'] });
    expect(await identityDb().$count(consents, eq(consents.participantId, participant!.id))).toBe(1);
    expect(await identityDb().$count(panelMemberships, eq(panelMemberships.participantId, participant!.id))).toBe(1);
    const [profile] = await researchDb().select().from(participantProfiles).where(eq(participantProfiles.pseudonym, pseudonymFor(participant!.id)));
    expect(profile).toMatchObject({ laCode: 'E09000033', regionCode: 'E12000007', answers: { la: 'E09000033', ethnic_group: 'mixed', age_band: '35-44' } });
    expect(await researchDb().$count(panelMembers, eq(panelMembers.panelId, londonPanelId))).toBe(1);

    // Times about a person are kept to the UK day, so they cannot be matched with the identity store's.
    expect(await researchDb().$count(panelMembers, sql`${panelMembers.joinedAt} <> date_trunc('day', ${panelMembers.joinedAt}, 'Europe/London')`)).toBe(0);
    expect(await researchDb().$count(participantProfiles, sql`${participantProfiles.updatedAt} <> date_trunc('day', ${participantProfiles.updatedAt}, 'Europe/London')`)).toBe(0);

    const research = await allResearchText();
    for (const identifier of ['Jo Testparent', 'testparent@example.com', '07700 900123', 'Step-free', 'School pick-up', participant!.id]) {
      expect(research).not.toContain(identifier);
    }
  });

  it('never lets a sign-up with someone else’s email change their details: the member confirms through the contact on file', async () => {
    const [before] = await identityDb().select().from(participants).where(eq(participants.email, 'jo.testparent@example.com'));
    const profileBefore = await researchDb().select().from(participantProfiles).where(eq(participantProfiles.pseudonym, pseudonymFor(before!.id)));
    const otherPanelId = (await createPanel(regional({ name: 'Another London panel' }), { regionCodes: ['E12000007'] })).id;
    const takeover = { ...family, email: 'JO.TESTPARENT@example.com', fullName: 'Mallory Attacker', phone: '07700 900999', preferredContact: 'text', accessNeeds: 'None', ethnic_group: 'white' };
    const result = await join(otherPanelId, takeover);
    // The same answer a new family gets, so the page does not tell a stranger the email is known.
    expect(result).toMatchObject({ status: 302, location: `/panels/${otherPanelId}/joined` });
    const [after] = await identityDb().select().from(participants).where(eq(participants.id, before!.id));
    expect(after).toEqual(before);
    expect(await identityDb().$count(participants, eq(participants.fullName, 'Mallory Attacker'))).toBe(0);
    expect(await researchDb().select().from(participantProfiles).where(eq(participantProfiles.pseudonym, pseudonymFor(before!.id)))).toEqual(profileBefore);
    expect(await identityDb().$count(panelMemberships, and(eq(panelMemberships.participantId, before!.id), eq(panelMemberships.panelId, otherPanelId)))).toBe(0);

    // The real member is asked at the email we already hold, and joins only if they follow the link.
    const [message] = await identityDb().select().from(outboxMessages).where(eq(outboxMessages.recipient, 'jo.testparent@example.com')).orderBy(desc(outboxMessages.id)).limit(1);
    expect(message!.subject).toBe('Do you want to join Another London panel?');
    const token = /\/panels\/confirm\/([A-Za-z0-9_-]{43})/.exec(message!.body ?? '')![1]!;
    expect(await answerConfirmation({ token, agree: true })).toBe('joined');
    expect(await answerConfirmation({ token, agree: true })).toBe('not-found');
    expect(await identityDb().$count(panelMemberships, and(eq(panelMemberships.participantId, before!.id), eq(panelMemberships.panelId, otherPanelId)))).toBe(1);
    expect(await researchDb().$count(panelMembers, and(eq(panelMembers.pseudonym, pseudonymFor(before!.id)), eq(panelMembers.panelId, otherPanelId)))).toBe(1);
    const [unchanged] = await identityDb().select().from(participants).where(eq(participants.id, before!.id));
    expect(unchanged!.fullName).toBe('Jo Testparent');
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'email', /correct format/],
    ['an invalid phone number', { phone: '12345', preferredContact: 'text' }, 'phone', /UK phone number/],
    ['no way to contact them', { email: '', phone: '' }, 'email', /email address or a phone number/],
    ['missing consent', { consentResearch: '' }, 'consentResearch', /agree to take part/],
    ['an under-16 on a parents’ panel', { age: 'under-16' }, 'age', /young people’s panels only/],
    ['an answer outside the About-you choices', { ethnic_group: 'martian' }, 'ethnic_group', /Select one of the options/],
  ])('refuses %s with a clear message and writes nothing', async (_label, change, field, message) => {
    const counts = async () => [await identityDb().$count(participants), await identityDb().$count(consents), await researchDb().$count(participantProfiles)];
    const before = await counts();
    const result = await join(londonPanelId, { ...family, email: `other.${Math.random()}@example.com`, ...change });
    expect(result.status).toBe(400);
    const errors = result.errors ?? [];
    expect(errors.find((error) => error.field === field)?.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('lets an under-16 join a young people’s panel only when their parent or guardian agrees through their own contact', async () => {
    const young = { ...family, email: 'young.testperson@example.com', age: 'under-16' };
    const refused = await join(youngPanelId, young);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.errors)).toMatch(/parent or guardian’s name/);
    // A box the young person ticks is not agreement: the form no longer has one.
    expect((await join(youngPanelId, { ...young, guardianName: 'Pat Testparent', guardianContact: '07700 900456', guardianConsent: 'yes' })).status).toBe(400);
    const accepted = await join(youngPanelId, { ...young, guardianName: 'Pat Testparent', guardianContact: '07700 900456' });
    expect(accepted.status).toBe(302);
    const [participant] = await identityDb().select().from(participants).where(eq(participants.email, 'young.testperson@example.com'));
    const membership = () => identityDb().select({ status: panelMemberships.status }).from(panelMemberships).where(eq(panelMemberships.participantId, participant!.id));
    expect(await membership()).toEqual([{ status: 'awaiting-guardian' }]);
    // Not counted on the panel until the guardian agrees.
    const counted = () => researchDb().$count(panelMembers, eq(panelMembers.pseudonym, pseudonymFor(participant!.id)));
    expect(await counted()).toBe(0);
    expect((await identityDb().select().from(consents).where(eq(consents.participantId, participant!.id))).every((consent) => !consent.guardianConsent)).toBe(true);

    const [message] = await identityDb().select().from(outboxMessages).where(eq(outboxMessages.recipient, '07700 900456'));
    expect(message).toMatchObject({ channel: 'text', participantId: participant!.id });
    const token = /\/panels\/confirm\/([A-Za-z0-9_-]{43})/.exec(message!.body ?? '')![1]!;
    expect(await answerConfirmation({ token, agree: true })).toBe('joined');
    expect(await membership()).toEqual([{ status: 'active' }]);
    expect(await counted()).toBe(1);
    expect(await identityDb().$count(consents, and(eq(consents.participantId, participant!.id), eq(consents.guardianConsent, true)))).toBe(1);
  });

  it('deletes an under-16’s details and answers when their parent or guardian does not agree', async () => {
    const young = { ...family, email: 'second.young@example.com', age: 'under-16', guardianName: 'Sam Guardian', guardianContact: 'sam.guardian@example.com' };
    expect((await join(youngPanelId, young)).status).toBe(302);
    const [participant] = await identityDb().select().from(participants).where(eq(participants.email, 'second.young@example.com'));
    const [message] = await identityDb().select().from(outboxMessages).where(eq(outboxMessages.recipient, 'sam.guardian@example.com'));
    const token = /\/panels\/confirm\/([A-Za-z0-9_-]{43})/.exec(message!.body ?? '')![1]!;
    expect(await answerConfirmation({ token, agree: false })).toBe('declined');
    expect(await identityDb().$count(participants, eq(participants.id, participant!.id))).toBe(0);
    expect(await identityDb().$count(outboxMessages, eq(outboxMessages.recipient, 'sam.guardian@example.com'))).toBe(0);
    expect(await researchDb().$count(participantProfiles, eq(participantProfiles.pseudonym, pseudonymFor(participant!.id)))).toBe(0);
  });

  it('takes a guardian’s silence for 7 days as a no: the young person is deleted from both stores', async () => {
    const young = { ...family, email: 'third.young@example.com', age: 'under-16', guardianName: 'Alex Silentguardian', guardianContact: 'alex.silent@example.com' };
    expect((await join(youngPanelId, young)).status).toBe(302);
    const [participant] = await identityDb().select().from(participants).where(eq(participants.email, 'third.young@example.com'));
    const pseudonym = pseudonymFor(participant!.id);
    expect(await researchDb().$count(participantProfiles, eq(participantProfiles.pseudonym, pseudonym))).toBe(1);
    // Six days on, nothing changes; eight days on, the request has run out.
    expect(await tidyUp(new Date(Date.now() + 6 * 86_400_000))).toEqual({ guardianRequestsClosed: 0 });
    expect(await identityDb().$count(participants, eq(participants.id, participant!.id))).toBe(1);
    expect(await tidyUp(new Date(Date.now() + 8 * 86_400_000))).toEqual({ guardianRequestsClosed: 1 });
    expect(await identityDb().$count(participants, eq(participants.id, participant!.id))).toBe(0);
    expect(await identityDb().$count(outboxMessages, eq(outboxMessages.recipient, 'alex.silent@example.com'))).toBe(0);
    expect(await researchDb().$count(participantProfiles, eq(participantProfiles.pseudonym, pseudonym))).toBe(0);
    expect(await researchDb().$count(panelMembers, eq(panelMembers.pseudonym, pseudonym))).toBe(0);
  });

  it('shows members only to facilitators of the panel’s region, auditing each view, and refuses edits from another region', async () => {
    const london = buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000007'] });
    const northWest = buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000002'] });
    await createStaffUser(london);
    await createStaffUser(northWest);
    const token = async (staff: typeof london) => {
      const session = await signInStaff({ email: staff.email, password: staff.password, address: '192.0.2.30' });
      if (!session.ok) throw new Error('sign-in failed');
      return session.token;
    };
    const londonToken = await token(london);
    const page = await panelLoader({ request: await pageRequest(`/staff/panels/${londonPanelId}/members`, { sessionToken: londonToken }), params: { panelId: londonPanelId }, context: testContext() });
    expect(page.members.map((member) => member.fullName)).toEqual(['Jo Testparent']);
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'participants.view'));
    expect(audit).toMatchObject({ subjectId: londonPanelId, subjectType: 'panel', details: { count: 1 } });
    expect(JSON.stringify(audit)).not.toContain('Jo Testparent');

    const otherToken = await token(northWest);
    await expect(
      panelLoader({ request: await pageRequest(`/staff/panels/${londonPanelId}/members`, { sessionToken: otherToken }), params: { panelId: londonPanelId }, context: testContext() }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      editAction({
        request: await formRequest(`/staff/panels/${londonPanelId}/settings`, { name: 'Taken over', level: 'regional', regionCode: 'E12000002', programmeCodes: 'family-hubs', audience: 'parents-carers', recruitmentTarget: '10' }, { sessionToken: otherToken }),
        params: { panelId: londonPanelId },
        context: testContext(),
      }),
    ).rejects.toMatchObject({ status: 403 });
    // Moving one's own panel to another region by editing the form is refused too.
    const moved = await editAction({
      request: await formRequest(`/staff/panels/${londonPanelId}/settings`, { name: 'Moved', level: 'regional', regionCode: 'E12000002', programmeCodes: 'family-hubs', audience: 'parents-carers', recruitmentTarget: '10' }, { sessionToken: londonToken }),
      params: { panelId: londonPanelId },
      context: testContext(),
    });
    expect(moved).toMatchObject({ init: { status: 400 } });
  });
});
