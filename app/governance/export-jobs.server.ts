import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PgBoss } from 'pg-boss';
import { ZipFile } from 'yazl';
import { getEnv } from '~/env.server';
import { jobQueue, QUEUES } from '~/jobs/queue.server';
import { logger } from '~/utils/logger.server';
import { passphraseProblem } from './archive-crypto.server';
import { recordAudit } from './audit.server';
import { exportArchive } from './export.server';

/**
 * The export to the Authority from the administrators' page: queued, written by a worker into
 * DATA_DIR/exports/<id>, then offered as one zip. The passphrase never touches a disk or the
 * queue's table: it waits in this process's memory for the worker (ADR 0021).
 */

const ID = /^export-\d{8}T\d{6}Z-[0-9a-f]{6}$/;
const PASSPHRASE_MINUTES = 60;
// On globalThis: the pages (Remix's bundle) and the worker (the server's bundle) are separate copies of this module.
const passphrasesKey = Symbol.for('family-voice.export-passphrases');
const passphraseHolder = globalThis as { [passphrasesKey]?: Map<string, { passphrase: string; until: number }> };
const passphrases = (passphraseHolder[passphrasesKey] ??= new Map());

export const exportsDir = () => path.resolve(getEnv().DATA_DIR, 'exports');
const folderOf = (id: string) => path.join(exportsDir(), id);
const failedMarker = (id: string) => path.join(exportsDir(), `${id}.failed`);
const queuedMarker = (id: string) => path.join(exportsDir(), `${id}.queued`);

interface ExportJob {
  exportId: string;
  by: string;
}

export type ExportRequestResult = { ok: true; exportId: string } | { ok: false; message: string };

export async function requestExport({ by, passphrase, boss = jobQueue() }: { by: string; passphrase: string; boss?: PgBoss }): Promise<ExportRequestResult> {
  const problem = passphraseProblem(passphrase);
  if (problem) return { ok: false, message: problem };
  const exportId = `export-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
  for (const [id, held] of passphrases) if (held.until < Date.now()) passphrases.delete(id);
  passphrases.set(exportId, { passphrase, until: Date.now() + PASSPHRASE_MINUTES * 60_000 });
  mkdirSync(exportsDir(), { recursive: true, mode: 0o700 });
  writeFileSync(queuedMarker(exportId), '');
  await boss.send(QUEUES.dataExport, { exportId, by } satisfies ExportJob);
  await recordAudit({ who: by, what: 'data.export.requested', subjectType: 'export', subjectId: exportId });
  return { ok: true, exportId };
}

/** Writes one queued export. A passphrase not held here (the service restarted) fails it: start again. */
export async function runExportJob({ exportId, by }: ExportJob): Promise<void> {
  const held = passphrases.get(exportId);
  passphrases.delete(exportId);
  if (!ID.test(exportId)) throw new Error('Not an export id');
  rmSync(queuedMarker(exportId), { force: true });
  if (!held || held.until < Date.now()) {
    writeFileSync(failedMarker(exportId), 'The passphrase was not held by the process that ran the export (it restarted, or took too long): start the export again.\n');
    return;
  }
  const result = await exportArchive({ out: folderOf(exportId), passphrase: held.passphrase, requestedBy: by });
  if (!result.ok) writeFileSync(failedMarker(exportId), `${result.message}\n`);
}

export async function workExports(boss: PgBoss = jobQueue()): Promise<string> {
  return boss.work<ExportJob>(QUEUES.dataExport, async ([job]) => {
    if (!job) return;
    try {
      await runExportJob(job.data);
    } catch (error) {
      // The reason goes beside the folder for the page; the log has the error type only.
      writeFileSync(failedMarker(job.data.exportId), 'The export stopped with an error. Start it again, or run npm run export on the server.\n');
      logger.error({ errorType: (error as Error)?.name }, 'data export failed');
    }
  });
}

export interface ExportListing {
  id: string;
  createdAt: Date;
  state: 'ready' | 'writing' | 'failed';
  message?: string;
  bytes: number;
}

const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => sum + (entry.isDirectory() ? folderBytes(path.join(dir, entry.name)) : statSync(path.join(dir, entry.name)).size), 0);

export function listExports(): ExportListing[] {
  if (!existsSync(exportsDir())) return [];
  const ids = new Set(readdirSync(exportsDir()).map((name) => name.replace(/\.(failed|queued)$/, '')).filter((name) => ID.test(name)));
  return [...ids]
    .sort()
    .reverse()
    .map((id) => {
      const folder = folderOf(id);
      const createdAt = new Date(id.replace(/^export-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-.*$/, '$1-$2-$3T$4:$5:$6Z'));
      if (existsSync(failedMarker(id))) return { id, createdAt, state: 'failed' as const, message: readFileSync(failedMarker(id), 'utf8').trim(), bytes: 0 };
      if (existsSync(path.join(folder, 'manifest.json'))) return { id, createdAt, state: 'ready' as const, bytes: folderBytes(folder) };
      return { id, createdAt, state: 'writing' as const, bytes: 0 };
    });
}

/** The files of a folder and its subfolders, as [name in the zip, path on disk]. */
function filesUnder(dir: string, prefix: string): [string, string][] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [[`${prefix}${entry.name}`, path.join(dir, entry.name)]],
  );
}

/**
 * A finished export as one zip (the folder's files under its name), made as it is sent: an export
 * can run to gigabytes, which must not sit in memory. yazl compresses on zlib's own threads, so the
 * service's other requests are not held up, and writes ZIP64 where a file or the zip passes 4 GiB.
 * The identity archive is already compressed and encrypted, so it is stored as it is. Null when
 * there is no such finished export.
 */
export function zipExport(id: string): NodeJS.ReadableStream | null {
  if (!ID.test(id) || !existsSync(path.join(folderOf(id), 'manifest.json'))) return null;
  const zip = new ZipFile();
  for (const [name, file] of filesUnder(folderOf(id), `${id}/`)) zip.addFile(file, name, { compress: !name.endsWith('.fvia') });
  zip.end();
  return zip.outputStream;
}

/** The folder of a finished export, for disposal (which verifies it against the stores). */
export function readyExportFolder(id: string): string | null {
  return ID.test(id) && existsSync(path.join(folderOf(id), 'manifest.json')) ? folderOf(id) : null;
}

