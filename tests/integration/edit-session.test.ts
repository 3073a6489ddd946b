import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, invitations, outboxMessages, type StaffUser } from '#db/identity/schema';
import { buildParticipant } from '#db/seed/panels';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import type { Panel, PanelSession } from '#db/research/schema';
import { createStaffUser } from '~/auth/staff-users.server';
import { createParticipant } from '~/identity/participants.server';
import { createPanel } from '~/research/panels.server';
import { getSession } from '~/research/sessions.server';
import { editSession, editSessionSchema } from '~/scheduling/edit-session.server';
import { respondToInvitation } from '~/scheduling/invitations.server';
import { londonDateTime } from '~/scheduling/notice';
import { scheduleSession } from '~/scheduling/schedule.server';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(52);

describe(`changing a session's details (${testStoreKind})`, () => {
  let panel: Panel;
  let session: PanelSession;
  let facilitator: StaffUser;
  const base = { title: 'Evening chat', theme: '', mode: 'in-person', venue: 'Leeds Family Hub', venueAccess: [], onlineDetails: '', capacity: '4' };

  beforeAll(async () => {
    panel = await createPanel(
      { name: 'Edit panel', level: 'regional', regionCode: 'E12000003', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    facilitator = await createStaffUser(buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000003'] }));
    for (let n = 801; n <= 803; n += 1) await createParticipant({ details: { ...buildParticipant(random, n), preferredContact: 'email' }, panelId: panel.id });
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...base, day: '10', month: '12', year: '2030', startTime: '19:00', endTime: '20:00', confirmWarnings: '1', facilitators: facilitator.id })) {
      for (const item of [value].flat()) form.append(key, String(item));
    }
    const result = await scheduleSession({ panel, user: facilitator, form, now: londonDateTime({ day: '1', month: '11', year: '2030', time: '10:00' })! });
    if (result.status !== 'scheduled') throw new Error(JSON.stringify(result));
    session = result.session;
    const [first] = await identityDb().select().from(invitations).where(eq(invitations.sessionId, session.id)).orderBy(invitations.id);
    await respondToInvitation({ invitation: first!, session, response: 'accept', accessNote: null });
  });

  const input = (fields: Record<string, unknown>) => editSessionSchema.parse({ ...base, facilitators: [facilitator.id], ...fields });
  const latest = async (count: number) => identityDb().select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(count);

  it('tells everyone invited when it becomes hybrid, with joining details only for people with a place', async () => {
    const current = (await getSession(session.id))!;
    const result = await editSession({ panel, session: current, user: facilitator, input: input({ mode: 'hybrid', venue: 'Leeds Library, Room 2', onlineDetails: 'Video link: meet.example/abc' }) });
    expect(result).toMatchObject({ ok: true, notified: 3, changed: expect.arrayContaining(['mode', 'venue', 'joining details']) });
    const messages = await latest(3);
    expect(messages.every((message) => message.body?.includes('Where: Leeds Library, Room 2.'))).toBe(true);
    expect(messages.filter((message) => message.body?.includes('meet.example/abc'))).toHaveLength(1);
    expect(messages.filter((message) => message.body?.includes('People with a place are sent the new joining details.'))).toHaveLength(2);
    expect(await allResearchText()).not.toMatch(/Leeds Library|meet\.example/);
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'sessions.edit'));
    expect(audit).toMatchObject({ who: facilitator.id, subjectId: session.id });
  });

  it('tells nobody when only the places change, and never below the places taken', async () => {
    const current = (await getSession(session.id))!;
    const before = await identityDb().$count(outboxMessages);
    expect(await editSession({ panel, session: current, user: facilitator, input: input({ mode: 'hybrid', venue: 'Leeds Library, Room 2', onlineDetails: 'Video link: meet.example/abc', capacity: '10' }) })).toMatchObject({
      ok: true,
      notified: 0,
      changed: ['places'],
    });
    expect(await identityDb().$count(outboxMessages)).toBe(before);
    // Everyone takes a place: three are taken, so two places are refused.
    const roomy = (await getSession(session.id))!;
    for (const invitation of await identityDb().select().from(invitations).where(eq(invitations.sessionId, session.id))) {
      if (invitation.status !== 'accepted') await respondToInvitation({ invitation, session: roomy, response: 'accept', accessNote: null });
    }
    expect(await editSession({ panel, session: roomy, user: facilitator, input: input({ capacity: '2', mode: 'hybrid', venue: 'Leeds Library, Room 2', onlineDetails: 'Video link: meet.example/abc' }) })).toMatchObject({
      ok: false,
      errors: [{ field: 'capacity', message: expect.stringMatching(/^3 people already have a place/) }],
    });
  });

  it('refuses a facilitator who does not cover the panel (a tampered form)', async () => {
    const current = (await getSession(session.id))!;
    expect(await editSession({ panel, session: current, user: facilitator, input: input({ facilitators: ['00000000-0000-4000-8000-000000000000'] }) })).toMatchObject({
      ok: false,
      errors: [{ field: 'facilitators' }],
    });
  });
});
