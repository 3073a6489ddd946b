import { listRegions } from '~/research/reference.server';
import { createPanel, recordPanelMember } from '~/research/panels.server';
import { createParticipant, type ParticipantDetails } from '~/identity/participants.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { aboutYouQuestions } from '~/panels/sign-up-steps.server';
import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { conditionHolds } from '~/surveys/definitions.server';
import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { identityDb } from '#db/identity/client';
import { invitations } from '#db/identity/schema';
import type { Panel } from '#db/research/schema';
import { recordAttendance } from '~/scheduling/attendance.server';
import { assignFacilitators, facilitatorChoices } from '~/scheduling/facilitators.server';
import { inviteMembers, respondToInvitation } from '~/scheduling/invitations.server';
import { ZONE } from '~/scheduling/notice';
import { queueReminders } from '~/scheduling/reminders.server';
import { saveSessionPlace } from '~/scheduling/places.server';
import { insertSession } from '~/research/sessions.server';
import { addTranscript } from '~/analysis/transcripts/store.server';
import { DEMO_TRANSCRIPT } from './transcript';
import { getSurvey } from '~/surveys/definitions.server';
import { submitResponse } from '~/surveys/responses.server';
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

function buildProfile(random: Random, laCodes: string[], youngPeople = false): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  for (const question of aboutYouQuestions({ youngPeople })) {
    if (!conditionHolds(question.visibleIf, profile) || !random.chance(0.85)) continue;
    if (question.name === 'la') profile.la = random.pick(laCodes);
    else if (question.type === 'radiogroup' || question.type === 'dropdown') profile[question.name] = random.pick(question.choices).value;
  }
  // Age is asked once, with the contact details, and stored as the common set's band.
  profile.age_band = youngPeople ? 'under-18' : random.pick(['18-24', '25-34', '25-34', '35-44', '35-44', '45-54', '55-64', 'prefer-not-to-say']);
  return profile;
}

/** Regions the demo facilitator covers get bigger panels, so their reports have cells of 10 or more. */
const BIG_PANEL_REGIONS = ['E12000002', 'E12000007'];

/**
 * A regional parents-and-carers panel in every region, each with synthetic members and three
 * sessions: one held weeks ago with attendance and feedback, one held 10 days ago whose attendance is
 * still to record, and one six weeks ahead whose invitations have gone out (with reminders queued).
 */
export async function seedPanels(random: Random): Promise<void> {
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
        meets: 'About every 3 months, for 2 hours',
        format: 'mixed',
        thanks: 'Travel and childcare costs paid, and a £25 shopping voucher for each session',
      },
      { regionCodes: 'all' },
    );
    const regionLas = las.filter((la) => la.region_code === region.code).map((la) => la.la_code);
    const memberIds: string[] = [];
    const size = BIG_PANEL_REGIONS.includes(region.code) ? 14 : 5;
    for (let i = 0; i < size; i += 1, n += 1) {
      const participant = await createParticipant({ details: buildParticipant(random, n), panelId: panel.id });
      const profile = buildProfile(random, regionLas);
      await recordPanelMember({ pseudonym: pseudonymFor(participant.id), panelId: panel.id, profile, laCode: (profile.la as string | undefined) ?? null });
      memberIds.push(participant.id);
    }
    const sessionIds = [
      await seedSessionWithFeedback(random, panel.id, memberIds),
      await seedPastSession(panel.id, memberIds),
      await seedUpcomingSession(random, panel),
    ];
    const runBy = (await facilitatorChoices(panel)).map((choice) => choice.id);
    for (const sessionId of sessionIds) await assignFacilitators(sessionId, runBy);
  }
  await seedYoungPeoplesPanel(random, las.map((la) => la.la_code), n);
}

/** A national young people's panel (16 to 25 in the demo), meeting online, with a session ahead. */
async function seedYoungPeoplesPanel(random: Random, laCodes: string[], firstNumber: number): Promise<void> {
  const panel = await createPanel(
    {
      name: 'Young people’s panel',
      level: 'national',
      regionCode: null,
      laCode: null,
      programmeCodes: ['family-hubs', 'supporting-families'],
      audience: 'young-people',
      focus: 'What helps young people and what gets in the way',
      recruitmentTarget: 30,
      existingGroup: false,
      meets: 'Every 2 months, for an hour after school',
      format: 'online',
      thanks: 'A £20 shopping voucher for each session',
    },
    { regionCodes: 'all' },
  );
  for (let n = firstNumber; n < firstNumber + 6; n += 1) {
    const details = buildParticipant(random, n);
    const participant = await createParticipant({
      details: {
        ...details,
        fullName: details.fullName.replace('Testparent', 'Testyoungperson'),
        email: details.email?.replace('testparent', 'testyoungperson') ?? null,
        ageGroup: random.pick(['16-17', '18-plus'] as const),
      },
      panelId: panel.id,
    });
    const profile = buildProfile(random, laCodes, true);
    await recordPanelMember({ pseudonym: pseudonymFor(participant.id), panelId: panel.id, profile, laCode: (profile.la as string | undefined) ?? null });
  }
  await seedUpcomingSession(random, panel);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** 10:00 or 18:00 UK time, `days` days from today (negative for the past). */
function ukTime(days: number, hour: number): Date {
  return DateTime.now().setZone(ZONE).startOf('day').plus({ days }).set({ hour }).toJSDate();
}

async function pastSession(panelId: string, title: string, theme: string, startsAt: Date) {
  const session = await insertSession({
    panelId,
    title,
    theme,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60 * 1000),
    mode: 'online',
    venueAccess: [],
    capacity: 16,
    invitationsSentAt: new Date(startsAt.getTime() - 35 * DAY_MS),
    noticeOverrideReason: null,
  });
  await saveSessionPlace(session.id, { venue: null, onlineDetails: 'Video call; the link was sent a week before.' });
  return session;
}

function acceptedInvitations(sessionId: string, startsAt: Date, memberIds: string[], status: (id: string) => string) {
  return identityDb()
    .insert(invitations)
    .values(
      memberIds.map((participantId) => ({
        sessionId,
        participantId,
        // Nobody holds these links: the demo's old invitations were never sent from this machine.
        tokenHash: randomBytes(32).toString('base64url'),
        status: status(participantId),
        expiresAt: startsAt,
        respondedAt: new Date(startsAt.getTime() - 20 * DAY_MS),
      })),
    )
    .returning();
}

/** A session held 10 days ago, with every member's place accepted and attendance not yet recorded. */
async function seedPastSession(panelId: string, memberIds: string[]): Promise<string> {
  const startsAt = new Date(Math.floor((Date.now() - 10 * DAY_MS) / DAY_MS) * DAY_MS + 18 * 60 * 60 * 1000);
  const session = await pastSession(panelId, 'Getting help with mental health', 'Mental health', startsAt);
  await acceptedInvitations(session.id, startsAt, memberIds, () => 'accepted');
  return session.id;
}

const COMMENTS = [
  'More breaks would help.',
  'An evening time would suit working parents better.',
  'Please send the questions a few days before.',
  'It was good to hear from other dads.',
  'The small groups made it easier to speak.',
];

/** One person's feedback: most are content throughout, a few have mixed views. */
function feedbackAnswers(random: Random): Record<string, unknown> {
  const content = random.chance(0.85);
  const quality: Record<string, string> = {};
  for (const statement of ['professional', 'safe', 'heard', 'able-to-take-part', 'accessible', 'empowered']) {
    if (random.chance(0.04)) continue;
    const agrees = random.chance(content ? 0.98 : 0.5);
    quality[statement] = agrees ? random.pick(['strongly-agree', 'agree']) : random.pick(['neither', 'neither', 'disagree', 'strongly-disagree']);
  }
  if (Object.keys(quality).length === 0) quality.professional = 'agree';
  return random.chance(0.3) ? { session_quality: quality, session_change: random.pick(COMMENTS) } : { session_quality: quality };
}

/** A session held about seven weeks ago: replies, attendance recorded, and anonymous feedback. */
async function seedSessionWithFeedback(random: Random, panelId: string, memberIds: string[]): Promise<string> {
  const startsAt = ukTime(-random.int(45, 60), 18);
  const session = await pastSession(panelId, 'What helped in the first year with a baby', 'Start for Life', startsAt);
  const typedUp = await addTranscript({ sessionId: session.id, kind: 'transcript', fileName: 'discussion.txt', bytes: new TextEncoder().encode(DEMO_TRANSCRIPT) });
  if (!typedUp.ok) throw new Error(`The demo transcript was refused: ${typedUp.message}`);
  const declined = new Set(memberIds.filter(() => random.chance(0.15)));
  const rows = await acceptedInvitations(session.id, startsAt, memberIds, (id) => (declined.has(id) ? 'declined' : 'accepted'));
  const marks = Object.fromEntries(rows.filter((row) => row.status === 'accepted').map((row) => [row.id, random.chance(0.88)]));
  await recordAttendance({ session, marks, userId: 'system' });
  const survey = getSurvey('session-feedback');
  if (!survey) throw new Error('The session feedback question set is missing');
  for (const attended of Object.values(marks)) {
    if (!attended || !random.chance(0.85)) continue;
    const result = await submitResponse({ survey, responseId: randomUUID(), answers: feedbackAnswers(random), source: { session: session.id }, submittedAt: new Date(session.endsAt.getTime() + random.int(1, 72) * 60 * 60 * 1000) });
    if (!result.ok) throw new Error(`Synthetic feedback failed the checks: ${JSON.stringify(result.errors)}`);
  }
  return session.id;
}

/** A Saturday-morning session about six weeks ahead: invited now, some replies in, reminders queued. */
async function seedUpcomingSession(random: Random, panel: Panel): Promise<string> {
  const today = DateTime.now().setZone(ZONE);
  const saturday = 42 + ((6 - today.weekday + 7) % 7);
  const startsAt = ukTime(saturday, 10);
  const planned = await insertSession({
    panelId: panel.id,
    title: 'Making family hubs work for the whole family',
    theme: 'Family hubs',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
    mode: 'hybrid',
    venueAccess: ['step-free', 'hearing-loop', 'creche', 'public-transport'],
    capacity: 10,
    invitationsSentAt: new Date(),
    noticeOverrideReason: null,
  });
  const place = {
    venue: `${panel.name.replace(' parent and carer panel', '')} Family Hub, Community Room`,
    onlineDetails: 'Video call; the link comes with the reminder a week before.',
  };
  await saveSessionPlace(planned.id, place);
  const session = { ...planned, ...place };
  await inviteMembers({ session, panelName: panel.name });
  await queueReminders(session);
  const invited = await identityDb().select().from(invitations).where(eq(invitations.sessionId, session.id)).orderBy(invitations.id);
  for (const invitation of invited) {
    if (random.chance(0.4)) continue;
    await respondToInvitation({
      invitation,
      session,
      response: random.chance(0.8) ? 'accept' : 'decline',
      accessNote: random.chance(0.2) ? random.pick(['A crèche place for my 2-year-old', 'I use a wheelchair', 'Could I join online?']) : null,
    });
  }
  return session.id;
}
