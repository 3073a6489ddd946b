// npm run db:seed — migrates, then adds demo data to empty stores (local use only).
import { getEnv } from '~/env.server';
import { closeStores, prepareStores } from '../server/start-up';

const env = getEnv();
if (env.isProduction) {
  console.error('Refusing to seed demo data with NODE_ENV=production.');
  process.exit(1);
}
try {
  const { seeded } = await prepareStores({ ...env, demoData: true });
  console.log(seeded ? 'Demo data added.' : 'The stores already have data; nothing added.');
} finally {
  await closeStores();
}
