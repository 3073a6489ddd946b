import { and, eq, like, sql } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb, identityStore } from '#db/identity/client';
import { invitations, outboxMessages, sessionReminders, type StaffUser } from '#db/identity/schema';
import { buildParticipant } from '#db/seed/panels';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import type { Panel, PanelSession } from '#db/research/schema';
import { queryRows } from '#db/store';
import { createStaffUser } from '~/auth/staff-users.server';
import { createParticipant } from '~/identity/participants.server';
import { jobQueue, QUEUES } from '~/jobs/queue.server';
import { createPanel } from '~/research/panels.server';
import { cancelSession } from '~/scheduling/cancel.server';
import { londonDateTime } from '~/scheduling/notice';
import { reminderDue, reminderStatus, sendSessionReminders, workReminders, type ReminderJob } from '~/scheduling/reminders.server';
import { rescheduleSession } from '~/scheduling/reschedule.server';
import { scheduleSession } from '~/scheduling/schedule.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(47);

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

type QueuedJob = { data: ReminderJob; start_after: Date; state: string };
const queuedFor = (sessionId: string) =>
  queryRows<QueuedJob>(
    identityDb(),
    sql`select data, start_after, state from pgboss.job where name = ${QUEUES.sessionReminder} and data->>'sessionId' = ${sessionId} order by start_after`,
  );

const reminderMessages = () => identityDb().select().from(outboxMessages).where(like(outboxMessages.subject, '%tomorrow%'));

describe(`session reminders on the job queue (${testStoreKind})`, () => {
  let panel: Panel;
  let facilitator: StaffUser;
  let session: PanelSession;

  beforeAll(async () => {
    panel = await createPanel(
      { name: 'Reminder panel', level: 'regional', regionCode: 'E12000004', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 10, existingGroup: false },
      { regionCodes: 'all' },
    );
    facilitator = await createStaffUser(buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000004'] }));
    for (let n = 801; n <= 803; n += 1) {
      await createParticipant({ details: { ...buildParticipant(random, n), preferredContact: 'email' }, panelId: panel.id });
    }
    // Invitations on 1 October 2030; the session is on 4 November, after the clocks go back on 27 October.
    const result = await scheduleSession({
      panel,
      user: facilitator,
      now: londonDateTime({ day: '1', month: '10', year: '2030', time: '09:00' })!,
      form: form({ title: 'Autumn catch-up', day: '4', month: '11', year: '2030', startTime: '18:30', endTime: '20:00', mode: 'online', onlineDetails: 'Video call: https://meet.example/autumn', capacity: '10', confirmWarnings: '1', facilitators: facilitator.id }),
    });
    if (result.status !== 'scheduled') throw new Error(JSON.stringify(result));
    session = result.session;
    const [first, second] = await identityDb().select().from(invitations).where(eq(invitations.sessionId, session.id)).orderBy(invitations.createdAt, invitations.id);
    await identityDb().update(invitations).set({ status: 'accepted' }).where(eq(invitations.id, first!.id));
    await identityDb().update(invitations).set({ status: 'declined' }).where(eq(invitations.id, second!.id));
  });

  it('queues reminders 7 days and 1 day before at the session’s UK clock time, across the clocks changing', async () => {
    const jobs = await queuedFor(session.id);
    expect(jobs.map((job) => job.data.daysBefore)).toEqual([7, 1]);
    // 6:30pm UK time: BST (UTC+1) on 28 October is after the change, so GMT; 3 November is GMT too.
    expect(jobs.map((job) => new Date(job.start_after).toISOString())).toEqual(['2030-10-28T18:30:00.000Z', '2030-11-03T18:30:00.000Z']);
    // Before the change: a session on 29 October has its 7-day reminder at 6:30pm BST on the 22nd.
    expect(reminderDue(londonDateTime({ day: '29', month: '10', year: '2030', time: '18:30' })!, 7).toISOString()).toBe('2030-10-22T17:30:00.000Z');
    expect(jobs.every((job) => job.state === 'created')).toBe(true);
    // Queued jobs carry no personal data: the session, the day and the time only.
    expect(jobs.map((job) => Object.keys(job.data).sort())).toEqual([
      ['daysBefore', 'sessionId', 'startsAt'],
      ['daysBefore', 'sessionId', 'startsAt'],
    ]);
  });

  it('reminds those with a place (with the joining details) and nudges those who have not replied, once each', async () => {
    const job = (await queuedFor(session.id)).find((queued) => queued.data.daysBefore === 1)!.data;
    expect(await sendSessionReminders(job)).toBe(2);
    // A retried job sends nothing twice.
    expect(await sendSessionReminders(job)).toBe(0);
    const messages = await reminderMessages();
    expect(messages.map((message) => message.subject).sort()).toEqual(['Can you come?: Autumn catch-up tomorrow', 'Reminder: Autumn catch-up tomorrow']);
    const reminder = messages.find((message) => message.subject!.startsWith('Reminder'))!;
    expect(reminder.body).toMatch(/your Family Voice session is tomorrow[\s\S]*Monday 4 November 2030 at 6:30pm[\s\S]*https:\/\/meet\.example\/autumn/);
    expect(messages.find((message) => message.subject!.startsWith('Can'))!.body).not.toMatch(/meet\.example/);
    expect(await identityDb().$count(sessionReminders)).toBe(2);
    expect((await reminderStatus(session)).map((status) => [status.daysBefore, status.sent])).toEqual([
      [7, 0],
      [1, 2],
    ]);
  });

  it('sends nothing for the old time once a session has moved, and queues reminders for the new time', async () => {
    const oldJob = (await queuedFor(session.id)).find((queued) => queued.data.daysBefore === 7)!.data;
    const moved = await rescheduleSession({ session, user: facilitator, now: londonDateTime({ day: '2', month: '10', year: '2030', time: '09:00' })!, form: form({ day: '11', month: '11', year: '2030', startTime: '18:30', endTime: '20:00' }) });
    expect(moved.status).toBe('moved');
    expect(await sendSessionReminders(oldJob)).toBe(0);
    const jobs = await queuedFor(session.id);
    expect(jobs.filter((job) => job.data.startsAt === '2030-11-11T18:30:00.000Z').map((job) => job.data.daysBefore)).toEqual([7, 1]);
  });

  it('sends nothing for a cancelled session', async () => {
    const [current] = (await queuedFor(session.id)).filter((job) => job.data.startsAt === '2030-11-11T18:30:00.000Z');
    await cancelSession({ session: { ...session, startsAt: new Date('2030-11-11T18:30:00.000Z') }, userId: facilitator.id });
    const before = await identityDb().$count(outboxMessages);
    expect(await sendSessionReminders(current!.data)).toBe(0);
    expect(await identityDb().$count(outboxMessages)).toBe(before);
  });

  it('keeps a due job through a restart: a second queue on the same store works it', async () => {
    // A session whose reminders are made due now, as if their time had come while the service was down.
    const soon = await scheduleSession({
      panel,
      user: facilitator,
      now: new Date(Date.now() - 40 * 86_400_000),
      form: form({ title: 'Short notice drop-in', ...ukDateIn(26), startTime: '18:00', endTime: '19:00', mode: 'online', onlineDetails: 'Video call: https://meet.example/drop-in', capacity: '10', confirmWarnings: '1', facilitators: facilitator.id }),
    });
    if (soon.status !== 'scheduled') throw new Error(JSON.stringify(soon));
    await identityDb().update(invitations).set({ status: 'accepted' }).where(eq(invitations.sessionId, soon.session.id));
    await identityDb().execute(sql`update pgboss.job set start_after = now() where data->>'sessionId' = ${soon.session.id}`);

    // The running queue stops before working it, as in a restart.
    await jobQueue().stop({ graceful: true });
    const store = identityStore();
    const restarted = new PgBoss({ db: { executeSql: (text: string, values?: unknown[]) => store.executeSql(text, values) }, backend: store.kind === 'embedded' ? 'pglite' : 'postgres', schema: 'pgboss', supervise: false, schedule: false });
    await restarted.start();
    try {
      await workReminders(restarted, { pollingIntervalSeconds: 0.5 });
      const sent = () => identityDb().$count(sessionReminders, and(eq(sessionReminders.daysBefore, 1), eq(sessionReminders.startsAt, soon.session.startsAt)));
      const deadline = Date.now() + 15_000;
      while ((await sent()) < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await sent()).toBe(3);
      const state = async () => (await queryRows<{ state: string }>(identityDb(), sql`select state from pgboss.job where data->>'sessionId' = ${soon.session.id} and (data->>'daysBefore')::int = 1`))[0]?.state;
      await expect.poll(state, { timeout: 5_000 }).toBe('completed');
    } finally {
      await restarted.stop({ graceful: true });
    }
  });
});

/** Day, month and year in the UK `days` days from now. */
function ukDateIn(days: number): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(Date.now() + days * 86_400_000));
  const part = (type: string) => parts.find((item) => item.type === type)!.value;
  return { day: part('day'), month: part('month'), year: part('year') };
}
