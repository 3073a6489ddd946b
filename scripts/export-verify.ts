/**
 * npm run export:verify -- <folder>
 * Checks an export against its manifest and the stores; with EXPORT_PASSPHRASE set, also opens the
 * identity archive. Exits with a failure code and lists every problem when anything differs.
 */
import { parseArgs } from 'node:util';
import { getEnv } from '~/env.server';
import { verifyArchive } from '~/governance/export.server';
import { closeStores, openConfiguredStores } from '../server/start-up';
import { fail } from './lib/cli';

const { positionals } = parseArgs({ allowPositionals: true });
if (!positionals[0]) fail('Give the export folder to check: npm run export:verify -- <folder>');
await openConfiguredStores(getEnv());
let problems: string[] = [];
try {
  const result = await verifyArchive(positionals[0], { passphrase: process.env.EXPORT_PASSPHRASE });
  if (result.ok) console.log(`The export matches its manifest and the stores (${result.checked} files). Manifest SHA-256: ${result.manifestSha256}`);
  else problems = result.problems;
} finally {
  await closeStores();
}
if (problems.length > 0) fail(problems.join('\n'));
