import type { PgBoss } from 'pg-boss';
import { pruneSecondFactorLeftovers } from '~/auth/second-factor.server';
import { runRetention } from '~/governance/retention.server';
import { removeUnansweredGuardianRequests } from '~/panels/sign-up.server';
import { logger } from '~/utils/logger.server';
import { jobQueue, QUEUES } from './queue.server';

/**
 * What runs out within the hour: half-finished second-factor sign-ins and set-ups, and guardians'
 * agreement requests left unanswered for 7 days (the young person is removed, ADR 0007). Everything
 * kept for days or years is the retention schedule's, run daily (`runRetention`).
 */
export async function tidyUp(now = new Date()): Promise<{ guardianRequestsClosed: number }> {
  await pruneSecondFactorLeftovers();
  return { guardianRequestsClosed: await removeUnansweredGuardianRequests(now) };
}

/** Runs `tidyUp` every hour on the queue: one process does it each time, however many are running. */
export async function workHousekeeping(boss: PgBoss = jobQueue()): Promise<string> {
  await boss.schedule(QUEUES.housekeeping, '17 * * * *', null, { tz: 'Europe/London' });
  return boss.work(QUEUES.housekeeping, async () => {
    const result = await tidyUp();
    logger.info(result, 'housekeeping done');
  });
}

/** Job data: who asked for a run outside the schedule (a staff id), never personal data. */
interface RetentionJob {
  by?: string;
}

/** The retention schedule, daily at 02:40 UK time, and whenever an administrator asks. */
export async function workRetention(boss: PgBoss = jobQueue()): Promise<string> {
  await boss.schedule(QUEUES.retention, '40 2 * * *', null, { tz: 'Europe/London' });
  return boss.work<RetentionJob>(QUEUES.retention, async ([job]) => {
    const by = job?.data?.by;
    const counts = await runRetention(by ? { trigger: 'administrator', by } : {});
    logger.info({ counts }, 'retention run done');
  });
}

/** Queues a run now (singleton: asking twice while one waits queues one). */
export async function queueRetentionRun(by: string, boss: PgBoss = jobQueue()): Promise<void> {
  await boss.send(QUEUES.retention, { by } satisfies RetentionJob, { singletonKey: 'retention-now' });
}
