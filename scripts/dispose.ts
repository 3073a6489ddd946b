/**
 * npm run dispose -- --confirm --by "<who asked>" --export <verified export folder> [--research]
 *                    [--force "<reason>"] [--certificate <file>]
 * Secure disposal (spec 15.3): empties the identity store (and the research store with --research,
 * keeping only public reference data), checks the tables are empty, removes the embedded stores'
 * files, and writes a disposal certificate. Refused without --confirm, and without an export that
 * verifies against the stores unless --force gives the reason.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getEnv } from '~/env.server';
import { disposeStores } from '~/governance/disposal.server';
import { closeStores, openConfiguredStores } from '../server/start-up';
import { fail } from './lib/cli';

const { values } = parseArgs({
  options: { confirm: { type: 'boolean', default: false }, by: { type: 'string', default: '' }, export: { type: 'string' }, research: { type: 'boolean', default: false }, force: { type: 'string' }, certificate: { type: 'string' } },
});
const env = getEnv();
const certificateFile = path.resolve(values.certificate ?? `disposal-certificate-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
if (existsSync(certificateFile)) fail(`${certificateFile} already exists: give another --certificate file`);

await openConfiguredStores(env);
let result: Awaited<ReturnType<typeof disposeStores>>;
try {
  result = await disposeStores({ confirm: values.confirm, requestedBy: values.by, includeResearch: values.research, exportDir: values.export, forceReason: values.force });
} finally {
  await closeStores();
}
if (!result.ok) fail(result.message);

// Embedded stores: their files still hold deleted rows until vacuumed, so the folders go too.
const removed: string[] = [];
if (env.DATA_DIR) {
  const stores = [...(env.IDENTITY_DATABASE_URL ? [] : ['identity']), ...(values.research && !env.RESEARCH_DATABASE_URL ? ['research'] : [])];
  for (const store of stores) {
    const folder = path.resolve(env.DATA_DIR, store);
    if (existsSync(folder)) {
      rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    }
  }
}
writeFileSync(certificateFile, `${JSON.stringify({ ...result.certificate, embeddedFilesRemoved: removed }, null, 2)}\n`);
console.log(`Disposed of the ${result.certificate.stores.join(' and ')} store${result.certificate.stores.length > 1 ? 's' : ''}${result.certificate.verifiedEmpty ? ', checked empty' : ' (NOT all empty: see the certificate)'}. Certificate: ${certificateFile}`);
if (!result.certificate.verifiedEmpty) process.exit(1);
