import { pruneWithdrawnLinks } from '~/identity/participants.server';
import type { PgBoss } from 'pg-boss';
import { pruneStaffSessions } from '~/auth/session.server';
import { pruneAttempts } from '~/auth/throttle.server';
import { pruneSignUpDrafts } from '~/panels/sign-up-drafts.server';
import { removeUnansweredGuardianRequests } from '~/panels/sign-up.server';
import { pruneDrafts } from '~/surveys/drafts.server';
import { logger } from '~/utils/logger.server';
import { jobQueue, QUEUES } from './queue.server';

/**
 * Everything that runs out: staff sessions, sign-in attempts, unsent survey drafts, unfinished panel
 * sign-ups, and guardians'
 * agreement requests left unanswered for 7 days (the young person is removed, ADR 0007).
 */
export async function tidyUp(now = new Date()): Promise<{ guardianRequestsClosed: number }> {
  await Promise.all([pruneStaffSessions(), pruneAttempts(), pruneDrafts(), pruneWithdrawnLinks(), pruneSignUpDrafts(now)]);
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
