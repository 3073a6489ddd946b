/**
 * npm run restore -- --from <backup folder> [--secrets <file>]
 * Restores both stores into the configured targets, which must be new and empty: the databases in
 * IDENTITY_DATABASE_URL and RESEARCH_DATABASE_URL, or the embedded folders under DATA_DIR. Then
 * opens them and checks every table's row count against the backup.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareWithBackup, restoreStores } from '#db/backup';
import { getEnv } from '~/env.server';
import { closeStores, openConfiguredStores } from '../server/start-up';
import { fail } from './lib/cli';

const { values } = parseArgs({ options: { from: { type: 'string' }, secrets: { type: 'string' } } });
// Read before the configuration, which would otherwise make new local secrets in an empty DATA_DIR.
const dataDir = process.env.DATA_DIR || '.data';
const secretsTarget = path.join(dataDir, 'secrets.json');
if (values.secrets && !existsSync(values.secrets)) fail(`${values.secrets} does not exist`);
if (values.secrets && existsSync(secretsTarget)) fail(`${secretsTarget} already exists: restore the secrets only into a new data folder`);
const target = (name: 'identity' | 'research', url: string | undefined) => (url ? { url } : { dataPath: path.resolve(dataDir, name) });
const result = await restoreStores({
  from: values.from,
  targets: { identity: target('identity', process.env.IDENTITY_DATABASE_URL || undefined), research: target('research', process.env.RESEARCH_DATABASE_URL || undefined) },
});
if (!result.ok) fail(result.message);
if (values.secrets) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  copyFileSync(values.secrets, secretsTarget);
}
const env = getEnv();
await openConfiguredStores(env);
try {
  const differences = await compareWithBackup(values.from!);
  if (differences.length > 0) fail(`Restored, but the row counts differ from the backup:\n  ${differences.join('\n  ')}`);
  console.log(`Restored both stores from ${values.from}; every table's row count matches the backup.`);
} finally {
  await closeStores();
}
