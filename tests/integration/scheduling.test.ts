import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb, identityStore } from '#db/identity/client';
import { auditEvents, sessionPlaces, staffUsers, type StaffUser } from '#db/identity/schema';
import { moveSessionPlacesToIdentity } from '#db/move-session-places';
import { researchDb, researchStore } from '#db/research/client';
import { panelSessions, type Panel } from '#db/research/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { createStaffUser } from '~/auth/staff-users.server';
import { createPanel } from '~/research/panels.server';
import { facilitatorsOf } from '~/scheduling/facilitators.server';
import { londonDateTime } from '~/scheduling/notice';
import { rescheduleSession } from '~/scheduling/reschedule.server';
import { scheduleSession } from '~/scheduling/schedule.server';
import { allResearchText } from '../setup/research-text';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(21);

// Who runs the sessions: set once the facilitator's account exists.
let runBy = '';

function sessionForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  const all = { title: 'Talking about SEND', theme: 'SEND', startTime: '18:00', endTime: '19:30', mode: 'online', onlineDetails: 'A video link sent a week before', capacity: '12', facilitators: runBy, ...fields };
  for (const [key, value] of Object.entries(all)) form.append(key, value);
  return form;
}

describe(`scheduling with four weeks' notice (${testStoreKind})`, () => {
  let panel: Panel;
  let facilitator: StaffUser;
  let administrator: StaffUser;
  // Invitations go out at 6pm UK time on 20 October 2027; the clocks go back on 31 October.
  const now = londonDateTime({ day: '20', month: '10', year: '2027', time: '18:00' })!;

  beforeAll(async () => {
    panel = await createPanel(
      { name: 'North West panel', level: 'regional', regionCode: 'E12000002', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 20, existingGroup: false },
      { regionCodes: 'all' },
    );
    facilitator = await createStaffUser(buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000002'] }));
    runBy = facilitator.id;
    administrator = await createStaffUser(buildStaffUser(random, { role: 'administrator' }));
  });

  it('refuses a session 27 days ahead and accepts one 29 days ahead, across the clocks going back', async () => {
    const count = () => researchDb().$count(panelSessions);
    const short = await scheduleSession({ panel, user: facilitator, now, form: sessionForm({ day: '16', month: '11', year: '2027' }) });
    expect(short).toMatchObject({ status: 'invalid', errors: [{ field: 'day', message: expect.stringMatching(/at least 4 weeks.*Wednesday 17 November 2027 at 6:00pm/) }] });
    const hourShort = await scheduleSession({ panel, user: facilitator, now, form: sessionForm({ day: '17', month: '11', year: '2027', startTime: '17:30' }) });
    expect(hourShort.status).toBe('invalid');
    expect(await count()).toBe(0);

    const ok = await scheduleSession({ panel, user: facilitator, now, form: sessionForm({ day: '18', month: '11', year: '2027' }) });
    expect(ok).toMatchObject({ status: 'scheduled', session: { panelId: panel.id, mode: 'online', venue: null, noticeOverrideReason: null } });
    expect(await count()).toBe(1);
    if (ok.status === 'scheduled') expect((await facilitatorsOf([ok.session.id])).get(ok.session.id)).toEqual([facilitator.displayName]);
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'sessions.schedule'));
    expect(audit).toMatchObject({ who: facilitator.id, subjectType: 'panel_session' });
  });

  it('warns, then schedules when confirmed, when the time clashes with the school run', async () => {
    const form = { day: '1', month: '12', year: '2027', startTime: '14:30', endTime: '16:00' };
    const warned = await scheduleSession({ panel, user: facilitator, now, form: sessionForm(form) });
    expect(warned).toEqual({ status: 'warnings', warnings: [expect.stringMatching(/school run/)] });
    const confirmed = await scheduleSession({ panel, user: facilitator, now, form: sessionForm({ ...form, confirmWarnings: '1' }) });
    expect(confirmed.status).toBe('scheduled');
  });

  it('lets only an administrator override the notice rule, and records the reason', async () => {
    const soon = { day: '25', month: '10', year: '2027', overrideNotice: 'yes', overrideReason: 'The venue is only free that week and members asked for it' };
    const refused = await scheduleSession({ panel, user: facilitator, now, form: sessionForm(soon) });
    expect(refused).toMatchObject({ status: 'invalid', errors: [{ message: expect.stringMatching(/Only an administrator/) }] });
    const noReason = await scheduleSession({ panel, user: administrator, now, form: sessionForm({ ...soon, overrideReason: '' }) });
    expect(noReason).toMatchObject({ status: 'invalid', errors: [{ field: 'overrideReason' }] });
    const allowed = await scheduleSession({ panel, user: administrator, now, form: sessionForm(soon) });
    expect(allowed).toMatchObject({ status: 'scheduled', session: { noticeOverrideReason: soon.overrideReason } });
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'sessions.schedule.notice-override'));
    expect(audit).toMatchObject({ who: administrator.id, details: { reason: soon.overrideReason } });
  });

  it('moves a session later freely, and earlier only to 4 weeks after members are told', async () => {
    const [session] = await researchDb().select().from(panelSessions).where(eq(panelSessions.title, 'Talking about SEND')).limit(1);
    const move = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [key, value] of Object.entries({ startTime: '18:00', endTime: '19:30', ...fields })) form.append(key, value);
      return rescheduleSession({ session: session!, user: facilitator, form, now });
    };
    // Invitations went out at 6pm on 20 October 2027, so 17 November at 6pm is the earliest.
    expect(await move({ day: '16', month: '11', year: '2027' })).toMatchObject({ status: 'invalid', errors: [{ field: 'day', message: expect.stringMatching(/Wednesday 17 November 2027 at 6:00pm/) }] });
    expect(await move({ day: '17', month: '11', year: '2027' })).toMatchObject({ status: 'moved' });
    expect(await move({ day: '5', month: '1', year: '2028' })).toMatchObject({ status: 'moved' });
    const [audit] = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'sessions.reschedule'));
    expect(audit).toMatchObject({ who: facilitator.id, subjectId: session!.id });

    // A week later, moving earlier needs 4 weeks from the day members are told of the move, not
    // from the original invitations: 17 November would give them 3 weeks.
    const [moved] = await researchDb().select().from(panelSessions).where(eq(panelSessions.id, session!.id));
    const weekLater = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);
    const form = new FormData();
    for (const [key, value] of Object.entries({ startTime: '18:00', endTime: '19:30', day: '17', month: '11', year: '2027' })) form.append(key, value);
    expect(await rescheduleSession({ session: moved!, user: facilitator, form, now: weekLater })).toMatchObject({
      status: 'invalid',
      errors: [{ field: 'day', message: expect.stringMatching(/Wednesday 24 November 2027 at 6:00pm/) }],
    });
  });

  it.each([
    ['a date that does not exist', { day: '31', month: '11', year: '2027' }, 'day'],
    ['an end before the start', { day: '1', month: '12', year: '2027', startTime: '19:00', endTime: '18:00' }, 'endTime'],
    ['an in-person session without a venue', { day: '1', month: '12', year: '2027', mode: 'in-person' }, 'venue'],
    ['a made-up mode', { day: '1', month: '12', year: '2027', mode: 'telepathy' }, 'mode'],
    ['too many places', { day: '1', month: '12', year: '2027', capacity: '5000' }, 'capacity'],
    ['a date in the past', { day: '1', month: '1', year: '2020' }, 'day'],
    ['nobody to run it', { day: '1', month: '12', year: '2027', facilitators: '' }, 'facilitators'],
    ['a facilitator of another region (a tampered form)', { day: '1', month: '12', year: '2027', facilitators: '00000000-0000-4000-8000-000000000000' }, 'facilitators'],
  ])('refuses %s', async (_label, fields, field) => {
    const result = await scheduleSession({ panel, user: facilitator, now, form: sessionForm(fields) });
    expect(result.status).toBe('invalid');
    if (result.status === 'invalid') expect(result.errors.map((error) => error.field)).toContain(field);
  });

  it('shows the date error beside the date even when other fields are wrong, and takes "6pm"', async () => {
    const result = await scheduleSession({ panel, user: facilitator, now, form: sessionForm({ day: '31', month: '2', year: '2028', mode: '', startTime: 'teatime' }) });
    expect(result).toMatchObject({ status: 'invalid' });
    if (result.status === 'invalid') expect(result.errors.map((error) => error.field)).toEqual(['day', 'startTime', 'mode']);
    const evening = await scheduleSession({ panel, user: facilitator, now, form: sessionForm({ day: '2', month: '2', year: '2028', startTime: '6pm', endTime: '7.30pm' }) });
    expect(evening).toMatchObject({ status: 'scheduled', session: { startsAt: new Date('2028-02-02T18:00:00Z'), endsAt: new Date('2028-02-02T19:30:00Z') } });
  });
});

describe(`where a session happens stays in the identity store (${testStoreKind})`, () => {
  it('keeps the venue and joining details out of the research store, and shows them to the people invited', async () => {
    const panel = await createPanel(
      { name: 'Places panel', level: 'regional', regionCode: 'E12000002', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 20, existingGroup: false },
      { regionCodes: 'all' },
    );
    const now = londonDateTime({ day: '1', month: '3', year: '2028', time: '09:00' })!;
    const scheduled = await scheduleSession({
      panel,
      user: (await identityDb().select().from(staffUsers).where(eq(staffUsers.id, runBy)))[0]!,
      now,
      form: sessionForm({ day: '20', month: '4', year: '2028', mode: 'hybrid', venue: 'Room booked by Priya Venuewright, 07700 900555', onlineDetails: 'Call Jo Linkholder on jo.linkholder@example.com', confirmWarnings: '1' }),
    });
    if (scheduled.status !== 'scheduled') throw new Error(JSON.stringify(scheduled));
    expect(scheduled.session).toMatchObject({ venue: 'Room booked by Priya Venuewright, 07700 900555', onlineDetails: 'Call Jo Linkholder on jo.linkholder@example.com' });
    expect(await allResearchText()).not.toMatch(/Venuewright|900555|Linkholder/);
    const [place] = await identityDb().select().from(sessionPlaces).where(eq(sessionPlaces.sessionId, scheduled.session.id));
    expect(place).toMatchObject({ venue: 'Room booked by Priya Venuewright, 07700 900555' });
  });

  it('moves venues kept in the research store by earlier versions across before dropping them', async () => {
    await researchStore().executeSql('alter table panel_sessions add column venue text, add column online_details text', []);
    try {
      const [session] = await researchDb().select({ id: panelSessions.id }).from(panelSessions).limit(1);
      await researchStore().executeSql(`update panel_sessions set venue = 'Old Hall', online_details = null where id = $1`, [session!.id]);
      await identityDb().delete(sessionPlaces).where(eq(sessionPlaces.sessionId, session!.id));
      expect(await moveSessionPlacesToIdentity(identityStore(), researchStore())).toBe(1);
      const [place] = await identityDb().select().from(sessionPlaces).where(eq(sessionPlaces.sessionId, session!.id));
      expect(place).toMatchObject({ venue: 'Old Hall', onlineDetails: null });
    } finally {
      await researchStore().executeSql('alter table panel_sessions drop column venue, drop column online_details', []);
    }
    expect(await moveSessionPlacesToIdentity(identityStore(), researchStore())).toBe(0);
  });
});
