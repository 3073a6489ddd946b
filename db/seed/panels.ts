import { listRegions } from '~/research/reference.server';
import { createPanel, recordPanelMember } from '~/research/panels.server';
import { upsertParticipant, type ParticipantDetails } from '~/identity/participants.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { aboutYouQuestions } from '~/panels/sign-up.server';
import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { conditionHolds } from '~/surveys/definitions.server';
import { randomBytes } from 'node:crypto';
import { identityDb } from '#db/identity/client';
import { invitations } from '#db/identity/schema';
import { insertSession } from '~/scheduling/sessions.server';
import type { Random } from './random';

const FIRST = ['Alex', 'Sam', 'Jo', 'Chris', 'Priya', 'Mo', 'Kai', 'Ruth', 'Femi', 'Ana', 'Tom', 'Leah'];
const AVAILABILITY = ['weekday-mornings', 'weekday-daytime', 'weekday-evenings', 'weekends'];

/** A plainly fake panel member: example.com email, a phone number from Ofcom's drama range. */
export function buildParticipant(random: Random, n: number): ParticipantDetails {
  const first = random.pick(FIRST);
  return {
    fullName: `${first} Testparent ${n}`,
    email: `${first.toLowerCase()}.testparent.${n}@example.com`,
    phone: `07700 900${String(n % 1000).padStart(3, '0')}`,
    preferredContact: random.pick(['email', 'email', 'text', 'phone'] as const),
    ageGroup: '18-plus',
    accessNeeds: random.chance(0.3) ? random.pick(['Step-free access', 'A hearing loop', 'An interpreter (Urdu)', 'Breaks every hour']) : null,
    caringCommitments: random.chance(0.5) ? random.pick(['School pick-up at 3pm', 'Caring for my mum on Tuesdays', 'Shift work, nights']) : null,
    availability: AVAILABILITY.filter(() => random.chance(0.5)),
    attendanceMode: random.pick(['in-person', 'online', 'either'] as const),
    guardianName: null,
    guardianContact: null,
  };
}

function buildProfile(random: Random, laCodes: string[]): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  for (const question of aboutYouQuestions()) {
    if (!conditionHolds(question.visibleIf, profile) || !random.chance(0.85)) continue;
    if (question.name === 'la') profile.la = random.pick(laCodes);
    else if (question.type === 'radiogroup' || question.type === 'dropdown') profile[question.name] = random.pick(question.choices).value;
  }
  return profile;
}

/** A regional parents-and-carers panel in every region, each with a few synthetic members. */
export async function seedPanels(random: Random, { membersPerPanel = 5 } = {}): Promise<void> {
  const las = readUpperTierLocalAuthorities();
  let n = 1;
  for (const region of await listRegions()) {
    const panel = await createPanel(
      {
        name: `${region.name} parent and carer panel`,
        level: 'regional',
        regionCode: region.code,
        laCode: null,
        programmeCodes: ['family-hubs', 'start-for-life'],
        audience: 'parents-carers',
        focus: null,
        recruitmentTarget: 40,
        existingGroup: false,
      },
      { regionCodes: 'all' },
    );
    const regionLas = las.filter((la) => la.region_code === region.code).map((la) => la.la_code);
    const memberIds: string[] = [];
    for (let i = 0; i < membersPerPanel; i += 1, n += 1) {
      const { participant } = await upsertParticipant({ details: buildParticipant(random, n), panelId: panel.id, guardianConsent: false });
      const profile = buildProfile(random, regionLas);
      await recordPanelMember({ pseudonym: pseudonymFor(participant.id), panelId: panel.id, profile, laCode: (profile.la as string | undefined) ?? null });
      memberIds.push(participant.id);
    }
    await seedPastSession(panel.id, memberIds);
  }
}

/** A session held 10 days ago, with every member's place accepted and attendance not yet recorded. */
async function seedPastSession(panelId: string, memberIds: string[]): Promise<void> {
  const day = 24 * 60 * 60 * 1000;
  const startsAt = new Date(Math.floor((Date.now() - 10 * day) / day) * day + 18 * 60 * 60 * 1000);
  const session = await insertSession({
    panelId,
    title: 'Getting help with mental health',
    theme: 'Mental health',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60 * 1000),
    mode: 'online',
    venue: null,
    venueAccess: [],
    onlineDetails: 'Video call; the link was sent a week before.',
    capacity: 12,
    invitationsSentAt: new Date(startsAt.getTime() - 35 * day),
    noticeOverrideReason: null,
  });
  await identityDb()
    .insert(invitations)
    .values(memberIds.map((participantId) => ({ sessionId: session.id, participantId, tokenHash: randomBytes(32).toString('base64url'), status: 'accepted', expiresAt: startsAt, respondedAt: new Date(startsAt.getTime() - 20 * day) })));
}
