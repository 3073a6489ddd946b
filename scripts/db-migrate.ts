// npm run db:migrate — brings both stores to the latest schema and reloads the reference data.
import { migrateStores } from '#db/bootstrap';
import { closeStores, openConfiguredStores } from '../server/start-up';
import { getEnv } from '~/env.server';

const env = getEnv();
await openConfiguredStores(env);
try {
  await migrateStores();
  console.log('Both stores are up to date.');
} finally {
  await closeStores();
}
