import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { getTableName } from 'drizzle-orm';
import pg from 'pg';
import { countRows, schemaTables } from './archive';
import { fileFacts } from './file-facts';
import * as identitySchema from './identity/schema';
import { identityStore } from './identity/client';
import * as researchSchema from './research/schema';
import { researchStore } from './research/client';
import type { Database, Store, StoreName } from './store';

/**
 * Backups that restore (ADR 0023): each store as its own native copy, a server's by pg_dump (custom
 * format) and an embedded store's whole data folder (PGlite's own consistent dump), with a manifest
 * of checksums and every table's row count. Restores go only into new, empty databases or folders,
 * and are checked against the manifest's counts.
 */

const run = promisify(execFile);
export const BACKUP_MANIFEST = 'backup.json';
const SCHEMAS = { identity: identitySchema, research: researchSchema } as const;
const STORES: StoreName[] = ['identity', 'research'];

export interface StoreBackup {
  kind: 'embedded' | 'server';
  file: string;
  bytes: number;
  sha256: string;
  rows: Record<string, number>;
}

export interface BackupManifest {
  format: 'family-voice-backup-1';
  createdAt: string;
  stores: Record<StoreName, StoreBackup>;
  /** Where the locally generated secrets went: never inside the backup. */
  secrets: string;
}

export type BackupResult = { ok: true; dir: string; manifest: BackupManifest; secretsFile: string | null } | { ok: false; message: string };

/** Connection details for the PostgreSQL tools, with the password in their environment, never on the command line. */
function pgTool(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  const args = ['--host', parsed.hostname, '--port', parsed.port || '5432', '--dbname', decodeURIComponent(parsed.pathname.slice(1))];
  if (parsed.username) args.push('--username', decodeURIComponent(parsed.username));
  return { args, env };
}

/** What a PostgreSQL tool said when it failed, without anything that could hold a password. */
const toolError = (error: unknown) => String((error as { stderr?: string }).stderr ?? (error as Error).message ?? error).replace(/postgres(ql)?:\/\/\S+/g, '<database>').trim().split('\n').slice(0, 3).join(' ');

async function tableCounts(db: Database<Record<string, unknown>>, name: StoreName): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of schemaTables(SCHEMAS[name])) counts[getTableName(table)] = await countRows(db, table);
  return counts;
}

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function backupStore(store: Store<Record<string, unknown>>, dir: string): Promise<StoreBackup> {
  const rows = await tableCounts(store.db, store.name);
  if (store.kind === 'embedded') {
    const file = `${store.name}.tar.gz`;
    const bytes = await store.dumpDataDir!();
    writeFileSync(path.join(dir, file), bytes, { mode: 0o600 });
    return { kind: 'embedded', file, bytes: bytes.byteLength, sha256: sha256(bytes), rows };
  }
  const file = `${store.name}.dump`;
  const { args, env } = pgTool((store.location as { url: string }).url);
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', path.join(dir, file), ...args], { env });
  } catch (error) {
    throw new Error(`pg_dump of the ${store.name} store failed: ${toolError(error)}`);
  }
  const { bytes, sha256: digest } = await fileFacts(path.join(dir, file));
  return { kind: 'server', file, bytes, sha256: digest, rows };
}

/**
 * Backs up both open stores into a new folder. The locally generated secrets file (embedded use),
 * when there is one, is copied beside the folder, never into it: whoever holds the backup should
 * not also hold the key to the pseudonyms and the authenticator secrets.
 */
export async function backupStores({ out, secretsFile, now = new Date() }: { out: string | undefined; secretsFile?: string | null; now?: Date }): Promise<BackupResult> {
  if (!out) return { ok: false, message: 'Give the folder to write the backup to (--out)' };
  if (existsSync(out)) return { ok: false, message: `${out} already exists: give a new folder, so no earlier backup is mixed in or overwritten` };
  try {
    mkdirSync(out, { mode: 0o700 });
  } catch {
    return { ok: false, message: `Cannot write in ${path.dirname(path.resolve(out))}: check it exists and may be written to` };
  }
  const stores = {
    identity: await backupStore(identityStore() as unknown as Store<Record<string, unknown>>, out),
    research: await backupStore(researchStore() as unknown as Store<Record<string, unknown>>, out),
  };
  let secretsCopy: string | null = null;
  if (secretsFile && existsSync(secretsFile)) {
    secretsCopy = `${path.resolve(out)}.secrets.json`;
    copyFileSync(secretsFile, secretsCopy);
    chmodSync(secretsCopy, 0o600);
  }
  const manifest: BackupManifest = {
    format: 'family-voice-backup-1',
    createdAt: now.toISOString(),
    stores,
    secrets: secretsCopy
      ? `Not in this folder. The locally generated secrets were copied to ${path.basename(secretsCopy)} beside it: keep that file apart from the backup. Without the same PSEUDONYM_KEY a member's research rows cannot be found through their pseudonym, and without the same SESSION_SECRET staff must set up their authenticator apps again.`
      : 'Not in this backup: the secrets come from the environment (PSEUDONYM_KEY, SESSION_SECRET). Restore with the same values.',
  };
  writeFileSync(path.join(out, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { ok: true, dir: out, manifest, secretsFile: secretsCopy };
}

export type RestoreTarget = { url: string } | { dataPath: string };
export type RestoreResult = { ok: true; restored: StoreName[] } | { ok: false; message: string };

async function readManifest(from: string): Promise<BackupManifest | string> {
  const file = path.join(from, BACKUP_MANIFEST);
  if (!existsSync(file)) return `No ${BACKUP_MANIFEST} in ${from}: this is not a backup folder`;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'family-voice-backup-1') return `${from} is a backup in a format this version cannot read`;
  for (const name of STORES) {
    const entry = manifest.stores[name];
    if (!existsSync(path.join(from, entry.file))) return `${entry.file} is missing from the backup`;
    if ((await fileFacts(path.join(from, entry.file))).sha256 !== entry.sha256) return `${entry.file} does not match its checksum: the backup has been changed or damaged`;
  }
  return manifest;
}

/** Why a target cannot take a restore (it is not empty, or of the other kind), or null. */
async function targetProblem(name: StoreName, entry: StoreBackup, target: RestoreTarget): Promise<string | null> {
  if (entry.kind === 'embedded' && 'url' in target) return `The ${name} backup is of an embedded store: restore it into an embedded store (leave the ${name} database URL unset)`;
  if (entry.kind === 'server' && 'dataPath' in target) return `The ${name} backup is of a PostgreSQL database: restore it into a new, empty PostgreSQL database`;
  if ('dataPath' in target) {
    const used = existsSync(target.dataPath) && (!statSync(target.dataPath).isDirectory() || readdirSync(target.dataPath).length > 0);
    return used ? `${target.dataPath} is not empty: restore only into a new, empty folder, so nothing there is overwritten` : null;
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const result = await client.query<{ count: number }>(
      `select count(*)::int as count from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    const count = result.rows[0]?.count ?? 0;
    return count > 0 ? `The ${name} database is not empty (${count} tables): restore only into a new, empty database` : null;
  } catch {
    return `Cannot connect to the ${name} database: check it exists and the URL is right`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function restoreStore(from: string, name: StoreName, entry: StoreBackup, target: RestoreTarget): Promise<void> {
  const file = path.join(from, entry.file);
  if ('dataPath' in target) {
    mkdirSync(target.dataPath, { recursive: true, mode: 0o700 });
    const client = new PGlite(target.dataPath, { loadDataDir: new Blob([readFileSync(file)]) });
    await client.waitReady;
    await client.close();
    return;
  }
  const { args, env } = pgTool(target.url);
  try {
    // One transaction: a restore that fails leaves the database as empty as it was.
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...args, file], { env });
  } catch (error) {
    throw new Error(`pg_restore into the ${name} database failed: ${toolError(error)}`);
  }
}

/**
 * Restores both stores from a backup folder into new, empty targets. Everything is checked first
 * (the checksums, that each target is empty and of the right kind), so a refusal writes nothing.
 */
export async function restoreStores({ from, targets }: { from: string | undefined; targets: Record<StoreName, RestoreTarget> }): Promise<RestoreResult> {
  if (!from) return { ok: false, message: 'Give the backup folder to restore from (--from)' };
  const manifest = await readManifest(from);
  if (typeof manifest === 'string') return { ok: false, message: manifest };
  for (const name of STORES) {
    const problem = await targetProblem(name, manifest.stores[name], targets[name]);
    if (problem) return { ok: false, message: problem };
  }
  for (const name of STORES) await restoreStore(from, name, manifest.stores[name], targets[name]);
  return { ok: true, restored: STORES };
}

/** Compares the stores' row counts (the open ones unless others are given) with the backup's; the tables that differ, if any. */
export async function compareWithBackup(
  from: string,
  dbs = { identity: identityStore().db, research: researchStore().db } as Record<StoreName, Database<Record<string, unknown>>>,
): Promise<string[]> {
  const manifest = JSON.parse(readFileSync(path.join(from, BACKUP_MANIFEST), 'utf8')) as BackupManifest;
  const differences: string[] = [];
  for (const name of STORES) {
    const now = await tableCounts(dbs[name], name);
    for (const [table, rows] of Object.entries(manifest.stores[name].rows)) {
      if (now[table] !== rows) differences.push(`${name}.${table}: ${now[table] ?? 'missing'} rows, the backup has ${rows}`);
    }
  }
  return differences;
}
