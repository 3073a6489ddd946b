/**
 * npm run export -- --out <new folder> [--by "<who asked>"]
 * The export to the Authority (spec 15.3): the research store as CSV and JSON Lines with a data
 * dictionary, the identity store encrypted with the passphrase in EXPORT_PASSPHRASE (kept out of
 * the command line, where other users of the machine could read it), and a manifest of checksums.
 */
import { parseArgs } from 'node:util';
import { getEnv } from '~/env.server';
import { exportArchive } from '~/governance/export.server';
import { closeStores, openConfiguredStores } from '../server/start-up';
import { fail } from './lib/cli';

const { values } = parseArgs({ options: { out: { type: 'string' }, by: { type: 'string', default: 'the command line' } } });
await openConfiguredStores(getEnv());
try {
  const result = await exportArchive({ out: values.out, passphrase: process.env.EXPORT_PASSPHRASE, requestedBy: values.by });
  if (!result.ok) fail(result.message.replace('Give a passphrase', 'Set EXPORT_PASSPHRASE to a passphrase'));
  const tables = Object.keys(result.manifest.research).length + Object.keys(result.manifest.identity).length;
  console.log(`Exported ${tables} tables to ${result.dir}. Manifest SHA-256: ${result.manifestSha256}`);
} finally {
  await closeStores();
}
