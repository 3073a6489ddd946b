// npm run db:migrate — brings both stores to the latest schema and reloads the reference data.
import { migrateStores, openStores } from '#db/bootstrap';
import { closeStores } from '../server/start-up';
import { getEnv } from '~/env.server';

const env = getEnv();
await openStores({ identityUrl: env.IDENTITY_DATABASE_URL, researchUrl: env.RESEARCH_DATABASE_URL, dataDir: env.DATA_DIR });
try {
  await migrateStores();
  console.log('Both stores are up to date.');
} finally {
  await closeStores();
}
