import { migrateStores, openStores } from '#db/bootstrap';
import { closeIdentityStore } from '#db/identity/client';
import { closeResearchStore } from '#db/research/client';
import { seedDemoData } from '#db/seed/seed';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET } from '#db/seed/staff';
import { backfillSurveyExcerpts, backfillTallies } from '~/surveys/backfill.server';
import type { Env } from '~/env.server';
import { startJobQueue, stopJobQueue } from '~/jobs/queue.server';
import { logger } from '~/utils/logger.server';

/** Opens both stores as the configuration says: servers when URLs are set, embedded otherwise. */
export function openConfiguredStores(env: Env): Promise<void> {
  return openStores({ identityUrl: env.IDENTITY_DATABASE_URL, researchUrl: env.RESEARCH_DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DATABASE_POOL_SIZE });
}

/**
 * Opens and migrates both stores, starts the job queue (so work can be queued; workers start
 * separately) and seeds demo data in local mode. Expired rows go by the daily retention job.
 */
export async function prepareStores(env: Env): Promise<{ seeded: boolean }> {
  await openConfiguredStores(env);
  await migrateStores();
  await startJobQueue();
  await backfillSurveyExcerpts();
  await backfillTallies();
  if (!env.demoData) return { seeded: false };
  return seedDemoData();
}

export async function closeStores(): Promise<void> {
  // The queue works through the identity store, so it stops first.
  await stopJobQueue().catch((error: unknown) => logger.error({ err: error }, 'job queue did not stop cleanly'));
  await Promise.allSettled([closeIdentityStore(), closeResearchStore()]);
}

/** Demo credentials go to the console (never the structured log) and only in local demo mode. */
export function printDemoAccounts(port: number): void {
  const lines = [
    '',
    `Family Voice is running at http://localhost:${port}`,
    '',
    `Demo staff accounts (password for each: ${DEMO_PASSWORD}):`,
    ...DEMO_STAFF.map((staff) => `  ${staff.role.padEnd(15)} ${staff.email}`),
    '',
    `The administrator and facilitator also enter a code from an authenticator app: add the key`,
    `${DEMO_TOTP_SECRET} to one, or run \`npm run demo:code\` for the current code.`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export { logger };
