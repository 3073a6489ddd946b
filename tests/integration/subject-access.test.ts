import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, invitations, outboxMessages, participants, signUpDrafts, staffUsers } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { panelMembers, panelSessions, participantProfiles, sessionParticipation } from '#db/research/schema';
import { buildParticipant } from '#db/seed/panels';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { createStaffUser } from '~/auth/staff-users.server';
import { subjectAccessHtml } from '~/governance/subject-access-file.server';
import { correctMember, findMembers, subjectAccessRecord } from '~/governance/subject-access.server';
import { queueMessage } from '~/identity/messages.server';
import { createParticipant } from '~/identity/participants.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { createPanel, recordPanelMember } from '~/research/panels.server';
import { action as memberAction } from '~/routes/staff.people.$participantId';
import { loader as recordLoader } from '~/routes/staff.people.$participantId_.record[.html]';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { signInStaff } from '../setup/sign-in';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(61);

let runs = 0;
async function setUp() {
  // Each test has its own members: the store is shared within the file.
  if ((runs += 1) > 1) await identityDb().delete(participants);
  const adminInput = buildStaffUser(random, { role: 'administrator' });
  await createStaffUser(adminInput);
  const [admin] = await identityDb().select().from(staffUsers).where(eq(staffUsers.email, adminInput.email));
  const panel = await createPanel(
    { name: 'Rights panel', level: 'regional', regionCode: 'E12000002', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
    { regionCodes: 'all' },
  );
  const [session] = await researchDb()
    .insert(panelSessions)
    .values({ panelId: panel.id, title: 'Talking about family hubs', startsAt: sql`now() - interval '3 days'`, endsAt: sql`now() - interval '3 days' + interval '2 hours'`, mode: 'online', capacity: 12 })
    .returning();
  const member = async (n: number, fullName: string, email: string, sex: string) => {
    const person = await createParticipant({ details: { ...buildParticipant(random, n), fullName, email, preferredContact: 'email' }, panelId: panel.id });
    await recordPanelMember({ pseudonym: pseudonymFor(person.id), panelId: panel.id, profile: { sex, la: 'E08000003' }, laCode: 'E08000003' });
    await identityDb().insert(invitations).values({ sessionId: session!.id, participantId: person.id, tokenHash: `t-${randomUUID()}`, expiresAt: session!.startsAt, status: 'accepted', accessNote: `${fullName} needs a quiet room`, attended: true });
    await researchDb().insert(sessionParticipation).values({ pseudonym: pseudonymFor(person.id), sessionId: session!.id, attended: true });
    await queueMessage({ channel: 'email', to: email, subject: `Invitation for ${fullName}`, text: `Hello ${fullName}`, participantId: person.id });
    return person;
  };
  const asha = await member(1, 'Asha Rightsholder', 'asha.rights@example.com', 'female');
  const bram = await member(2, 'Bram Otherperson', 'bram.other@example.com', 'male');
  return { admin: admin!, adminInput, panel, session: session!, asha, bram };
}

describe(`a person's rights: access, correction and erasure (${testStoreKind})`, () => {
  it('finds a member (audited), and gives everything held about them in both stores, and nobody else’s', async () => {
    const { admin, adminInput, asha } = await setUp();
    const found = await findMembers({ query: 'asha.rights@example.com', by: admin });
    expect(found.map((row) => row.id)).toEqual([asha.id]);
    expect((await findMembers({ query: 'Rightsholder', by: admin })).map((row) => row.id)).toEqual([asha.id]);
    const searches = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'participants.search'));
    expect(searches).toHaveLength(2);
    expect(JSON.stringify(searches)).not.toContain('asha');

    const record = await subjectAccessRecord(asha);
    expect(record.person.email).toBe('asha.rights@example.com');
    expect(record.consents).toHaveLength(1);
    expect(record.panels).toEqual([expect.objectContaining({ name: 'Rights panel', status: 'active' })]);
    expect(record.invitations).toEqual([expect.objectContaining({ session: 'Talking about family hubs', status: 'accepted', attended: true })]);
    expect(record.messages.map((message) => message.subject)).toEqual(['Invitation for Asha Rightsholder']);
    expect(record.research.profile?.answers).toMatchObject({ sex: 'female' });
    expect(record.research.sessions).toEqual([expect.objectContaining({ title: 'Talking about family hubs', attended: true })]);

    // Through the page, as an administrator: a readable file, audited, with nothing of the other member.
    const session = await signInStaff({ email: adminInput.email, password: adminInput.password, address: '192.0.2.90' });
    if (!session.ok) throw new Error('sign-in failed');
    const file = await outcome(async () => recordLoader({ request: await pageRequest(`/staff/people/${asha.id}/record.html`, { sessionToken: session.token }), params: { participantId: asha.id }, context: testContext() }));
    expect(file.status).toBe(200);
    expect(file.headers.get('Content-Disposition')).toMatch(/^attachment; filename="family-voice-information-\d{4}-\d{2}-\d{2}\.html"$/);
    const html = String(file.body);
    for (const expected of ['Asha Rightsholder', 'asha.rights@example.com', 'Talking about family hubs', 'Asha Rightsholder needs a quiet room', 'Invitation for Asha Rightsholder', 'Female', 'What you agreed to']) {
      expect(html).toContain(expected);
    }
    for (const other of ['Bram', 'bram.other@example.com']) expect(html).not.toContain(other);
    expect(await identityDb().$count(auditEvents, eq(auditEvents.what, 'participants.subject-access'))).toBe(1);
  });

  it('escapes what people typed in the file', async () => {
    const { asha } = await setUp();
    await identityDb().update(participants).set({ accessNeeds: '<script>alert(1)</script>' }).where(eq(participants.id, asha.id));
    const [person] = await identityDb().select().from(participants).where(eq(participants.id, asha.id));
    const html = subjectAccessHtml(await subjectAccessRecord(person!));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('corrects details on request, refusing bad input and another member’s email, and audits which fields changed', async () => {
    const { admin, adminInput, asha } = await setUp();
    const session = await signInStaff({ email: adminInput.email, password: adminInput.password, address: '192.0.2.91' });
    if (!session.ok) throw new Error('sign-in failed');
    const post = async (fields: Record<string, string>) =>
      outcome(async () => memberAction({ request: await formRequest(`/staff/people/${asha.id}`, { intent: 'correct', ...fields }, { sessionToken: session.token }), params: { participantId: asha.id }, context: testContext() }));
    const base = { fullName: 'Asha Rightsholder', email: 'asha.rights@example.com', phone: '', preferredContact: 'email', accessNeeds: '', caringCommitments: '' };
    const bad = await post({ ...base, email: 'not an email', fullName: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: expect.arrayContaining([{ field: 'fullName', message: 'Enter their name' }, { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }]) });
    const taken = await post({ ...base, email: 'bram.other@example.com' });
    expect(taken.body).toMatchObject({ errors: [{ field: 'email', message: 'Another member has this email address' }] });
    const [unchanged] = await identityDb().select().from(participants).where(eq(participants.id, asha.id));
    expect(unchanged!.email).toBe('asha.rights@example.com');
    const done = await post({ ...base, fullName: 'Asha R. Holder', phone: '07700 900 982' });
    expect(done.body).toMatchObject({ done: 'Their details have been corrected.' });
    const [corrected] = await identityDb().select().from(participants).where(eq(participants.id, asha.id));
    expect(corrected).toMatchObject({ fullName: 'Asha R. Holder', phone: '07700 900 982' });
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'participants.correct'));
    expect(audit!.details).toEqual({ fields: ['fullName', 'phone'] });
    expect(JSON.stringify(audit)).not.toContain('Holder');
    expect(await correctMember({ person: corrected!, correction: { ...base, fullName: 'Asha R. Holder', phone: '07700 900 982', preferredContact: 'email', email: 'asha.rights@example.com', accessNeeds: null, caringCommitments: null }, by: admin })).toEqual({ ok: true, changed: [] });
  });

  it('erases on request only with the typed confirmation, leaving no copy in any table, message or job, and the other member untouched', async () => {
    const { admin, adminInput, asha, bram } = await setUp();
    // A message sent to her address before she joined, and an unfinished sign-up naming her.
    await queueMessage({ channel: 'email', to: 'asha.rights@example.com', subject: 'Confirm joining', text: 'Confirm' });
    await identityDb().insert(signUpDrafts).values({ tokenHash: `d-${randomUUID()}`, panelId: randomUUID(), answers: { details: { fullName: 'Asha Rightsholder', email: 'asha.rights@example.com' } }, expiresAt: sql`now() + interval '1 day'` });
    // Delivery jobs for her messages, as a configured mail service would have queued them.
    await identityDb().execute(sql`insert into pgboss.job (name, data) select 'deliver-message', jsonb_build_object('messageId', id) from outbox_messages where recipient = 'asha.rights@example.com'`);
    const jobsFor = async () => JSON.stringify(await identityDb().execute(sql`select data from pgboss.job where name = 'deliver-message'`));
    const herMessageIds = (await identityDb().select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.recipient, 'asha.rights@example.com'))).map((row) => row.id);
    expect(herMessageIds).toHaveLength(2);
    for (const id of herMessageIds) expect(await jobsFor()).toContain(`"messageId":${id}`);

    const session = await signInStaff({ email: adminInput.email, password: adminInput.password, address: '192.0.2.92' });
    if (!session.ok) throw new Error('sign-in failed');
    const erase = async (confirm: string) =>
      outcome(async () => memberAction({ request: await formRequest(`/staff/people/${asha.id}`, { intent: 'erase', confirm }, { sessionToken: session.token }), params: { participantId: asha.id }, context: testContext() }));
    const refused = await erase('yes');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: [{ field: 'confirm', message: 'Type ERASE to confirm, or go back' }] });
    expect(await identityDb().$count(participants, eq(participants.id, asha.id))).toBe(1);

    const done = await erase('ERASE');
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/staff/people?erased=1');

    // No trace of her in any identity table, the queue, or the research store.
    const dump = async (query: ReturnType<typeof sql>) => JSON.stringify(await identityDb().execute(query));
    const identityTables = (await identityDb().execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { rows?: { table_name: string }[] } | { table_name: string }[];
    const names = (Array.isArray(identityTables) ? identityTables : identityTables.rows ?? []).map((row) => row.table_name);
    expect(names.length).toBeGreaterThan(10);
    for (const table of names) {
      const contents = await dump(sql.raw(`select * from "${table}"`));
      for (const trace of ['asha.rights@example.com', 'Asha Rightsholder', asha.id]) expect(contents, `${trace} in ${table}`).not.toContain(trace);
    }
    expect(await identityDb().$count(outboxMessages, eq(outboxMessages.recipient, 'asha.rights@example.com'))).toBe(0);
    for (const id of herMessageIds) expect(await jobsFor()).not.toContain(`"messageId":${id}`);
    const pseudonym = pseudonymFor(asha.id);
    expect(await researchDb().$count(participantProfiles, eq(participantProfiles.pseudonym, pseudonym))).toBe(0);
    expect(await researchDb().$count(panelMembers, eq(panelMembers.pseudonym, pseudonym))).toBe(0);
    expect(await researchDb().$count(sessionParticipation, eq(sessionParticipation.pseudonym, pseudonym))).toBe(0);
    // Bram is untouched; the erasure is audited as done, by whom, without whom.
    expect(await identityDb().$count(participants, eq(participants.id, bram.id))).toBe(1);
    expect(await researchDb().$count(participantProfiles, eq(participantProfiles.pseudonym, pseudonymFor(bram.id)))).toBe(1);
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'participants.erase'));
    expect(audit).toMatchObject({ who: admin.id, subjectId: null });
  });
});
