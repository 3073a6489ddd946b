import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, consents, invitations, participants } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { participantProfiles } from '#db/research/schema';
import { buildParticipant } from '#db/seed/panels';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import type { Panel, PanelSession } from '#db/research/schema';
import { signInStaff } from '../setup/sign-in';
import { createStaffUser } from '~/auth/staff-users.server';
import { createParticipant } from '~/identity/participants.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { createPanel } from '~/research/panels.server';
import { insertSession } from '~/research/sessions.server';
import { loader as overviewLoader } from '~/routes/staff.panels.$panelId._index';
import { loader as attendanceCsv } from '~/routes/staff.panels.$panelId.attendance[.csv]';
import { loader as membersLoader } from '~/routes/staff.panels.$panelId.members._index';
import { action as addMemberAction } from '~/routes/staff.panels.$panelId.members.new';
import { recordAttendance } from '~/scheduling/attendance.server';
import { hashToken, newToken } from '~/utils/tokens.server';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(404);

describe(`a facilitator's panel workspace (${testStoreKind})`, () => {
  let panel: Panel;
  let token: string;
  let staffId: string;
  let past: PanelSession;
  beforeAll(async () => {
    panel = await createPanel(
      { name: 'Workspace panel', level: 'regional', regionCode: 'E12000006', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 12, existingGroup: false },
      { regionCodes: 'all' },
    );
    const staff = buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000006'] });
    staffId = (await createStaffUser(staff)).id;
    const signedIn = await signInStaff({ email: staff.email, password: staff.password, address: '192.0.2.40' });
    if (!signedIn.ok) throw new Error('sign-in failed');
    token = signedIn.token;
    const ids: string[] = [];
    for (let n = 901; n <= 904; n += 1) {
      const details = { ...buildParticipant(random, n), preferredContact: n % 2 === 0 ? ('phone' as const) : ('email' as const) };
      ids.push((await createParticipant({ details, panelId: panel.id })).id);
    }
    await createParticipant({ details: { ...buildParticipant(random, 905), fullName: 'Ari Waitingforguardian', ageGroup: 'under-16', guardianName: 'G', guardianContact: '07700 900905' }, panelId: panel.id });
    const session = { panelId: panel.id, theme: null, mode: 'online', venueAccess: [], capacity: 2, invitationsSentAt: new Date(Date.now() - 60 * 86_400_000), noticeOverrideReason: null };
    past = await insertSession({ ...session, title: 'Held talk', startsAt: new Date(Date.now() - 10 * 86_400_000), endsAt: new Date(Date.now() - 10 * 86_400_000 + 3_600_000) });
    const coming = await insertSession({ ...session, title: 'Coming talk', startsAt: new Date(Date.now() + 40 * 86_400_000), endsAt: new Date(Date.now() + 40 * 86_400_000 + 3_600_000) });
    const statuses = ['accepted', 'accepted', 'waitlisted', 'declined'];
    for (const [index, participantId] of ids.entries()) {
      for (const { id } of [past, coming]) {
        await identityDb().insert(invitations).values({ sessionId: id, participantId, tokenHash: hashToken(newToken()), status: statuses[index]!, expiresAt: new Date() });
      }
    }
  });

  const open = async <T,>(loader: (args: never) => Promise<T>, path: string) =>
    outcome(async () => loader({ request: await pageRequest(path, { sessionToken: token }), params: { panelId: panel.id }, context: testContext() } as never));

  it('shows each session’s status and places in counts, with no one’s details, and the status moves on when attendance is recorded', async () => {
    const before = await identityDb().$count(auditEvents);
    const overview = await open(overviewLoader, `/staff/panels/${panel.id}`);
    const body = overview.body as { sessions: { title: string; status: string; accepted: number; waitlisted: number }[]; members: { active: number; awaitingGuardian: number } };
    expect(body.sessions.map((session) => [session.title, session.status, session.accepted, session.waitlisted])).toEqual([
      ['Held talk', 'attendance-needed', 2, 1],
      ['Coming talk', 'upcoming', 2, 1],
    ]);
    expect(body.members).toEqual({ active: 4, awaitingGuardian: 1 });
    expect(JSON.stringify(body)).not.toMatch(/Testparent|Waitingforguardian/);
    // Counts only: not a view of identity data, so nothing to audit.
    expect(await identityDb().$count(auditEvents)).toBe(before);

    const accepted = await identityDb().select().from(invitations).where(and(eq(invitations.sessionId, past.id), eq(invitations.status, 'accepted')));
    await recordAttendance({ session: past, marks: { [accepted[0]!.id]: true, [accepted[1]!.id]: false }, userId: staffId });
    const after = (await open(overviewLoader, `/staff/panels/${panel.id}`)).body as typeof body;
    expect(after.sessions[0]!.status).toBe('done');
  });

  it('finds members by name or phone, gives a call list of those who prefer a phone call, and audits each view without what was searched', async () => {
    const all = (await open(membersLoader, `/staff/panels/${panel.id}/members`)).body as { total: number; members: { fullName: string }[]; awaiting: { fullName: string }[] };
    expect(all.total).toBe(4);
    expect(all.awaiting.map((person) => person.fullName)).toEqual(['Ari Waitingforguardian']);
    const found = (await open(membersLoader, `/staff/panels/${panel.id}/members?search=${encodeURIComponent('testparent 903')}`)).body as typeof all;
    expect(found.members.map((member) => member.fullName)).toEqual([expect.stringMatching(/Testparent 903$/)]);
    // A LIKE wildcard typed into the search is taken literally.
    expect(((await open(membersLoader, `/staff/panels/${panel.id}/members?search=%25`)).body as typeof all).total).toBe(0);
    const calls = (await open(membersLoader, `/staff/panels/${panel.id}/members?show=calls`)).body as typeof all & { callList: boolean };
    expect(calls.callList).toBe(true);
    expect(calls.members.map((member) => member.fullName)).toEqual([expect.stringMatching(/902$/), expect.stringMatching(/904$/)]);
    const views = await identityDb().select().from(auditEvents).where(and(eq(auditEvents.what, 'participants.view'), eq(auditEvents.subjectId, panel.id)));
    expect(views.map((view) => view.details)).toContainEqual({ count: 1, searched: true });
    expect(JSON.stringify(views)).not.toContain('903');
    expect(await identityDb().$count(auditEvents, and(eq(auditEvents.what, 'participants.view-awaiting-guardian'), eq(auditEvents.subjectId, panel.id)))).toBeGreaterThan(0);
  });

  const offline = {
    fullName: 'Mo Offlinejoiner',
    age: '45-54',
    email: '',
    phone: '07700 900777',
    preferredContact: 'phone',
    accessNeeds: '',
    caringCommitments: '',
    attendanceMode: 'in-person',
    consentMethod: 'paper-form',
    consentConfirmed: 'yes',
  };
  const add = async (fields: Record<string, string>) =>
    outcome(async () => addMemberAction({ request: await formRequest(`/staff/panels/${panel.id}/members/new`, fields, { sessionToken: token }), params: { panelId: panel.id }, context: testContext() }));

  it('adds someone recruited offline with how they agreed and who recorded it, and refuses an under-16 or an email already held', async () => {
    const count = () => identityDb().$count(participants);
    const before = await count();
    const young = await add({ ...offline, age: 'under-16' });
    expect(young.status).toBe(400);
    expect(JSON.stringify(young.body)).toMatch(/parent or guardian/);
    const unconfirmed = await add({ ...offline, consentConfirmed: '' });
    expect(JSON.stringify(unconfirmed.body)).toMatch(/Confirm they agreed/);
    const [someone] = await identityDb().select().from(participants).limit(1);
    const taken = await add({ ...offline, email: someone!.email!.toUpperCase(), preferredContact: 'email' });
    expect(JSON.stringify(taken.body)).toMatch(/already signed up/);
    expect(await count()).toBe(before);

    expect(await add(offline)).toMatchObject({ status: 302 });
    const [mo] = await identityDb().select().from(participants).where(eq(participants.fullName, 'Mo Offlinejoiner'));
    const [consent] = await identityDb().select().from(consents).where(eq(consents.participantId, mo!.id));
    expect(consent).toMatchObject({ method: 'paper-form', recordedBy: staffId, researchParticipation: true, contact: true });
    const [audit] = await identityDb().select().from(auditEvents).where(and(eq(auditEvents.what, 'participants.add-offline'), eq(auditEvents.subjectId, mo!.id)));
    expect(audit).toMatchObject({ who: staffId, details: { panelId: panel.id, method: 'paper-form' } });
    expect(JSON.stringify(audit)).not.toContain('Offlinejoiner');
    // The research store gets the age band under a pseudonym, nothing that names them.
    const [profile] = await researchDb().select().from(participantProfiles).where(eq(participantProfiles.pseudonym, pseudonymFor(mo!.id)));
    expect(profile!.answers).toEqual({ age_band: '45-54' });
  });

  it('downloads attendance with names, answers and whether people came, as an audited export', async () => {
    const response = (await attendanceCsv({ request: await pageRequest(`/staff/panels/${panel.id}/attendance.csv`, { sessionToken: token }), params: { panelId: panel.id }, context: testContext() })) as Response;
    expect(response.headers.get('Content-Type')).toContain('text/csv');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const csv = await response.text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('session,when,name,answer,attended');
    // The held talk comes first; its two places are marked.
    expect(lines.filter((line) => line.startsWith('Held talk') && /Has a place,(Yes|No)$/.test(line))).toHaveLength(2);
    // Four members, and the one added offline, who was invited on joining (it is 40 days away).
    expect(lines.filter((line) => line.startsWith('Coming talk') && line.endsWith('Not recorded'))).toHaveLength(5);
    expect(csv).toContain('Mo Offlinejoiner');
    const [audit] = await identityDb().select().from(auditEvents).where(and(eq(auditEvents.what, 'attendance.export'), eq(auditEvents.subjectId, panel.id)));
    expect(audit).toMatchObject({ who: staffId, details: { rows: 9 } });
  });
});
