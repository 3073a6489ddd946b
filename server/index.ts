import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import { broadcastDevReady } from '@remix-run/node';
import { projectPath } from '#db/paths';
import { EnvError, getEnv } from '~/env.server';
import { initSentry } from '~/observability/sentry.server';
import { configuredRoutes } from '~/identity/messages.server';
import { workMessageDeliveries } from '~/identity/message-delivery.server';
import { workHousekeeping, workRetention } from '~/jobs/housekeeping.server';
import { workExports } from '~/governance/export-jobs.server';
import { workReminders } from '~/scheduling/reminders.server';
import { createApp } from './app';
import { closeStores, logger, prepareStores, printDemoAccounts } from './start-up';

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  initSentry({ dsn: env.SENTRY_DSN, environment: env.NODE_ENV });
  await prepareStores(env);
  await workReminders();
  await workMessageDeliveries(configuredRoutes());
  await workHousekeeping();
  await workRetention();
  await workExports();

  const build = (await import(pathToFileURL(projectPath('build', 'index.js')).href)) as ServerBuild;
  const app = createApp({ build, env });
  const server = app.listen(env.PORT, () => {
    logger.info({ port: env.PORT, identity: env.identityEmbedded ? 'embedded' : 'server', research: env.researchEmbedded ? 'embedded' : 'server' }, 'listening');
    if (env.demoData) printDemoAccounts(env.PORT);
    // Only under `npm run dev`, which sets the origin of its rebuild server.
    if (process.env.REMIX_DEV_ORIGIN) void broadcastDevReady(build);
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      // Stops the queue's workers first, then closes the stores (PGlite flushes to disk on close).
      void closeStores().then(() => process.exit(0));
    });
    // Idle keep-alive connections would otherwise hold server.close open until the forced exit.
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
});
