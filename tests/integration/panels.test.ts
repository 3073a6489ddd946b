import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, consents, panelMemberships, participants } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { panelMembers, participantProfiles } from '#db/research/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { signIn } from '~/auth/sign-in.server';
import { createStaffUser } from '~/auth/staff-users.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { createPanel, PanelPlacementError, type PanelInput } from '~/research/panels.server';
import { action as joinAction } from '~/routes/panels.$panelId.join';
import { action as editAction, loader as panelLoader } from '~/routes/staff.panels.$panelId._index';
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
  ageGroup: '18-plus',
  accessNeeds: 'Step-free access',
  caringCommitments: 'School pick-up at 3pm',
  availability: ['weekday-mornings', 'weekends'],
  attendanceMode: 'either',
  la: 'E09000033',
  ethnic_group: 'mixed',
  consentResearch: 'yes',
  consentContact: 'yes',
};

async function join(panelId: string, fields: Record<string, string | string[]>) {
  try {
    const result = await joinAction({ request: await formRequest(`/panels/${panelId}/join`, fields), params: { panelId }, context: testContext() });
    return { status: (result as { init?: { status?: number } }).init?.status ?? 200, location: null, data: (result as { data: unknown }).data };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return { status: thrown.status, location: thrown.headers.get('Location'), data: null };
  }
}

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
    expect(profile).toMatchObject({ laCode: 'E09000033', regionCode: 'E12000007', answers: { la: 'E09000033', ethnic_group: 'mixed' } });
    expect(await researchDb().$count(panelMembers, eq(panelMembers.panelId, londonPanelId))).toBe(1);

    const research = await allResearchText();
    for (const identifier of ['Jo Testparent', 'testparent@example.com', '07700 900123', 'Step-free', 'School pick-up', participant!.id]) {
      expect(research).not.toContain(identifier);
    }
  });

  it('updates, not duplicates, when the same email signs up again, and says so', async () => {
    const before = await identityDb().$count(participants);
    const result = await join(londonPanelId, { ...family, email: 'JO.TESTPARENT@example.com', accessNeeds: 'A hearing loop' });
    expect(result.location).toBe(`/panels/${londonPanelId}/joined?updated=1`);
    expect(await identityDb().$count(participants)).toBe(before);
    const [participant] = await identityDb().select().from(participants).where(eq(participants.email, 'jo.testparent@example.com'));
    expect(participant!.accessNeeds).toBe('A hearing loop');
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'email', /correct format/],
    ['an invalid phone number', { phone: '12345', preferredContact: 'text' }, 'phone', /UK phone number/],
    ['no way to contact them', { email: '', phone: '' }, 'email', /email address or a phone number/],
    ['missing consent', { consentResearch: '' }, 'consentResearch', /agree to take part/],
    ['an under-16 on a parents’ panel', { ageGroup: 'under-16' }, 'ageGroup', /young people’s panels only/],
    ['an answer outside the About-you choices', { ethnic_group: 'martian' }, 'ethnic_group', /Select one of the options/],
  ])('refuses %s with a clear message and writes nothing', async (_label, change, field, message) => {
    const counts = async () => [await identityDb().$count(participants), await identityDb().$count(consents), await researchDb().$count(participantProfiles)];
    const before = await counts();
    const result = await join(londonPanelId, { ...family, email: `other.${Math.random()}@example.com`, ...change });
    expect(result.status).toBe(400);
    const errors = (result.data as { errors: { field: string; message: string }[] }).errors;
    expect(errors.find((error) => error.field === field)?.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('asks an under-16 for a parent or guardian’s agreement on a young people’s panel', async () => {
    const young = { ...family, email: 'young.testperson@example.com', ageGroup: 'under-16' };
    const refused = await join(youngPanelId, young);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toMatch(/parent or guardian needs to agree/);
    const accepted = await join(youngPanelId, { ...young, guardianName: 'Pat Testparent', guardianContact: '07700 900456', guardianConsent: 'yes' });
    expect(accepted.status).toBe(302);
    const [participant] = await identityDb().select().from(participants).where(eq(participants.email, 'young.testperson@example.com'));
    const [consent] = await identityDb().select().from(consents).where(eq(consents.participantId, participant!.id));
    expect(consent).toMatchObject({ guardianConsent: true, researchParticipation: true, contact: true });
  });

  it('shows members only to facilitators of the panel’s region, auditing each view, and refuses edits from another region', async () => {
    const london = buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000007'] });
    const northWest = buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000002'] });
    await createStaffUser(london);
    await createStaffUser(northWest);
    const token = async (staff: typeof london) => {
      const session = await signIn({ email: staff.email, password: staff.password, address: '192.0.2.30' });
      if (!session.ok) throw new Error('sign-in failed');
      return session.token;
    };
    const londonToken = await token(london);
    const page = await panelLoader({ request: await pageRequest(`/staff/panels/${londonPanelId}`, { sessionToken: londonToken }), params: { panelId: londonPanelId }, context: testContext() });
    expect(page.members.map((member) => member.fullName)).toEqual(['Jo Testparent']);
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'participants.view'));
    expect(audit).toMatchObject({ subjectId: londonPanelId, subjectType: 'panel', details: { count: 1 } });
    expect(JSON.stringify(audit)).not.toContain('Jo Testparent');

    const otherToken = await token(northWest);
    await expect(
      panelLoader({ request: await pageRequest(`/staff/panels/${londonPanelId}`, { sessionToken: otherToken }), params: { panelId: londonPanelId }, context: testContext() }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      editAction({
        request: await formRequest(`/staff/panels/${londonPanelId}`, { name: 'Taken over', level: 'regional', regionCode: 'E12000002', programmeCodes: 'family-hubs', audience: 'parents-carers', recruitmentTarget: '10' }, { sessionToken: otherToken }),
        params: { panelId: londonPanelId },
        context: testContext(),
      }),
    ).rejects.toMatchObject({ status: 403 });
    // Moving one's own panel to another region by editing the form is refused too.
    const moved = await editAction({
      request: await formRequest(`/staff/panels/${londonPanelId}`, { name: 'Moved', level: 'regional', regionCode: 'E12000002', programmeCodes: 'family-hubs', audience: 'parents-carers', recruitmentTarget: '10' }, { sessionToken: londonToken }),
      params: { panelId: londonPanelId },
      context: testContext(),
    });
    expect(moved).toMatchObject({ init: { status: 400 } });
  });
});
