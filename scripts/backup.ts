/**
 * npm run backup -- --out <new folder>
 * Backs up both stores (pg_dump of each database, or each embedded store's data folder) with a
 * manifest of checksums and row counts. Locally generated secrets are copied beside the folder,
 * never into it, and the manifest says where they went.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupStores } from '#db/backup';
import { getEnv } from '~/env.server';
import { closeStores, openConfiguredStores } from '../server/start-up';
import { fail } from './lib/cli';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const env = getEnv();
await openConfiguredStores(env);
try {
  const embedded = env.identityEmbedded || env.researchEmbedded;
  const result = await backupStores({ out: values.out, secretsFile: embedded ? path.join(env.DATA_DIR, 'secrets.json') : null });
  if (!result.ok) fail(result.message);
  for (const [name, store] of Object.entries(result.manifest.stores)) {
    const rows = Object.values(store.rows).reduce((sum, count) => sum + count, 0);
    console.log(`${name}: ${store.file} (${store.kind}, ${(store.bytes / 1024).toFixed(0)} KB, ${rows} rows in ${Object.keys(store.rows).length} tables)`);
  }
  console.log(`Backed up to ${result.dir}.`);
  console.log(`Secrets: ${result.manifest.secrets}`);
} finally {
  await closeStores();
}
