import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, consents, outboxMessages, panelMemberships, participants } from '#db/identity/schema';
import { queueForMember } from '~/identity/messages.server';
import { researchDb } from '#db/research/client';
import { panelMembers, participantProfiles } from '#db/research/schema';
import { buildParticipant } from '#db/seed/panels';
import { createRandom } from '#db/seed/random';
import { updateOwnPreferences, createParticipant } from '~/identity/participants.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { withdrawParticipant } from '~/panels/withdraw.server';
import { createPanel, recordPanelMember } from '~/research/panels.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(41);

async function member(panelId: string, n: number) {
  const participant = await createParticipant({ details: buildParticipant(random, n), panelId });
  await recordPanelMember({ pseudonym: pseudonymFor(participant.id), panelId, profile: { sex: 'female', la: 'E08000003' }, laCode: 'E08000003' });
  return participant.id;
}

describe(`a member's own details (${testStoreKind})`, () => {
  it('can be updated through their link, but not to a contact method we have no details for', async () => {
    const panel = await createPanel(
      { name: 'Preferences panel', level: 'regional', regionCode: 'E12000002', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    const participant = await createParticipant({ details: { ...buildParticipant(random, 77), email: null, preferredContact: 'text' }, panelId: panel.id });
    const preferences = { preferredContact: 'email' as const, accessNeeds: 'Large print', caringCommitments: null, availability: ['weekends'] };
    expect(await updateOwnPreferences({ participantId: participant.id, preferences })).toMatchObject({ ok: false, field: 'preferredContact' });
    expect(await updateOwnPreferences({ participantId: participant.id, preferences: { ...preferences, preferredContact: 'phone' } })).toEqual({ ok: true });
    const [stored] = await identityDb().select().from(participants).where(eq(participants.id, participant.id));
    expect(stored).toMatchObject({ preferredContact: 'phone', accessNeeds: 'Large print', availability: ['weekends'] });
    expect(await identityDb().$count(auditEvents, eq(auditEvents.what, 'participants.update-self'))).toBe(1);
  });
});

describe(`withdrawal (${testStoreKind})`, () => {
  it('removes the member from both stores when they ask, or leaves only unlinked answers when they do not', async () => {
    const panel = await createPanel(
      { name: 'Withdrawal panel', level: 'regional', regionCode: 'E12000002', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    const everything = await member(panel.id, 1);
    const detailsOnly = await member(panel.id, 2);
    const [person] = await identityDb().select().from(participants).where(eq(participants.id, everything));
    await queueForMember(person!, { subject: 'Hello', text: `Hello ${person!.fullName}` });
    expect(await identityDb().$count(outboxMessages, eq(outboxMessages.participantId, everything))).toBe(1);
    expect(await identityDb().$count(auditEvents, eq(auditEvents.subjectId, everything))).toBeGreaterThan(0);

    await withdrawParticipant({ participantId: everything, deleteAnswers: true });
    // Every copy goes: messages naming them, and their id in earlier audit entries.
    expect(await identityDb().$count(outboxMessages, eq(outboxMessages.participantId, everything))).toBe(0);
    expect(await identityDb().$count(outboxMessages, sql`${outboxMessages.body} like ${`%${person!.fullName}%`}`)).toBe(0);
    expect(await identityDb().$count(auditEvents, eq(auditEvents.subjectId, everything))).toBe(0);
    expect(await identityDb().$count(participants, eq(participants.id, everything))).toBe(0);
    expect(await identityDb().$count(consents, eq(consents.participantId, everything))).toBe(0);
    expect(await identityDb().$count(panelMemberships, eq(panelMemberships.participantId, everything))).toBe(0);
    expect(await researchDb().$count(participantProfiles, eq(participantProfiles.pseudonym, pseudonymFor(everything)))).toBe(0);
    expect(await researchDb().$count(panelMembers, eq(panelMembers.pseudonym, pseudonymFor(everything)))).toBe(0);

    await withdrawParticipant({ participantId: detailsOnly, deleteAnswers: false });
    expect(await identityDb().$count(participants, eq(participants.id, detailsOnly))).toBe(0);
    // The answers stay, under a pseudonym nothing links to any more.
    expect(await researchDb().$count(participantProfiles, eq(participantProfiles.pseudonym, pseudonymFor(detailsOnly)))).toBe(1);

    const audit = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'participants.withdraw'));
    expect(audit.map((event) => event.details)).toEqual([{ researchDeleted: true }, { researchDeleted: false }]);
    expect(JSON.stringify(audit)).not.toContain(everything);
    expect(JSON.stringify(audit)).not.toContain(detailsOnly);
  });
});
