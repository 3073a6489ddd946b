import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTableName } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { columnsOf } from '#db/archive';
import { fileFacts } from '#db/file-facts';
import { identityRowCount, identityTables, readIdentitySnapshot } from '~/identity/archive.server';
import { readResearchSnapshot, researchRowCount, researchTables } from '~/research/archive.server';
import { listSurveys } from '~/surveys/definitions.server';
import { DIMENSIONS, THEMES } from '~/surveys/vocabulary';
import { recordAudit } from './audit.server';
import { ENCRYPTION_DESCRIPTION, openArchive, passphraseProblem, sealArchive, type ArchiveRow } from './archive-crypto.server';

/**
 * The export to the Authority (spec 15.3): the research store as CSV and JSON Lines, a table a file,
 * with a data dictionary; the identity store as one encrypted file; and a manifest of every file's
 * size and SHA-256 and every table's row count, which `verifyArchive` checks again.
 */
export const MANIFEST = 'manifest.json';
export const IDENTITY_FILE = 'identity/identity-archive.fvia';
const FORMAT = 'family-voice-export/2';

export interface Manifest {
  format: string;
  createdAt: string;
  research: Record<string, number>;
  identity: Record<string, number>;
  encryption: string;
  files: { path: string; bytes: number; sha256: string }[];
}

export type ExportResult = { ok: true; dir: string; manifest: Manifest; manifestSha256: string } | { ok: false; message: string };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A file written a piece at a time, readable by its owner only. An error at any moment (a full disk)
 * is kept and thrown at the next write or at the end, never left unheard to stop the process.
 */
function outputFile(file: string) {
  const stream = createWriteStream(file, { mode: 0o600 });
  let failure: Error | null = null;
  stream.on('error', (error) => (failure = error));
  return {
    async write(text: string): Promise<void> {
      if (failure) throw failure;
      // once() rejects if the stream fails while waiting.
      if (!stream.write(text)) await once(stream, 'drain');
    },
    end: () => new Promise<void>((resolve, reject) => stream.end(() => (failure ? reject(failure) : resolve()))),
    discard: () => stream.destroy(),
  };
}

/** A cell as CSV text: JSON for objects and arrays, empty for null. */
const cell = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

function outProblem(out: string | undefined): string | null {
  if (!out) return 'Give the folder to write the export to';
  if (existsSync(out)) return `${out} already exists: give a new folder, so no earlier export is mixed in or overwritten`;
  return null;
}

/** Makes the new folder, which shows the place can be written to (permission checks alone can pass where writing fails). */
function makeFolder(dir: string): string | null {
  try {
    // Readable by the service's own user only: the research files hold families' own words.
    mkdirSync(dir, { mode: 0o700 });
    mkdirSync(path.join(dir, 'research'), { mode: 0o700 });
    mkdirSync(path.join(dir, 'identity'), { mode: 0o700 });
    return null;
  } catch {
    return `Cannot write in ${path.dirname(dir)}: check it exists and may be written to`;
  }
}

function dataDictionary(tables: { name: string; store: string; rows: number; columns: ReturnType<typeof columnsOf> }[]) {
  return {
    about: 'Every research table is in research/<table>.csv and research/<table>.jsonl; the identity store is encrypted in identity/. The codebook is research/codes.csv (with code_events for its history).',
    tables,
    vocabulary: { dimensions: DIMENSIONS, themes: THEMES },
    questionSets: listSurveys().map((survey) => {
      const text = survey.text[survey.locales[0]!]!;
      return {
        id: survey.id,
        version: survey.version,
        title: text.title,
        audience: survey.audience,
        questions: text.pages.flatMap((page) =>
          page.questions
            .filter((question) => question.type !== 'html')
            .map((question) => ({
              name: question.name,
              page: page.name,
              type: question.type,
              title: question.title,
              dimension: question.dimension ?? null,
              themes: question.themes,
              answers: [...question.choices, ...(question.noneChoice ? [question.noneChoice] : []), ...(question.otherChoice ? [question.otherChoice] : [])].map((choice) => ({ code: choice.value, label: choice.text })),
              rows: question.rows.map((row) => ({ code: row.value, label: row.text })),
              columns: question.columns.map((column) => ({ code: column.value, label: column.text })),
            })),
        ),
      };
    }),
  };
}

/** Writes the whole export into a new folder; nothing is written when the folder or passphrase is refused. */
export async function exportArchive({ out, passphrase, requestedBy = 'the command line', now = new Date() }: { out: string | undefined; passphrase: string | undefined; requestedBy?: string; now?: Date }): Promise<ExportResult> {
  const problem = outProblem(out) ?? passphraseProblem(passphrase);
  if (problem) return { ok: false, message: problem };
  const dir = path.resolve(out!);
  const unwritable = makeFolder(dir);
  if (unwritable) return { ok: false, message: unwritable };
  try {
    return await writeExport(dir, passphrase!, requestedBy, now);
  } catch (error) {
    // Half an export is no export: nothing is left to be mistaken for one.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function writeExport(dir: string, passphrase: string, requestedBy: string, now: Date): Promise<ExportResult> {
  // Audited before the identity store is read, so the export holds its own record and verifies.
  await recordAudit({ who: 'system', what: 'data.export', details: { folder: dir, requestedBy } });

  // Each store is read as it was at one moment, so its tables agree with one another.
  const research: Record<string, number> = {};
  const described: Parameters<typeof dataDictionary>[0] = [];
  await readResearchSnapshot(async (rowsOf) => {
    for (const table of researchTables()) {
      const name = getTableName(table);
      const columns = columnsOf(table);
      const csv = outputFile(path.join(dir, 'research', `${name}.csv`));
      const jsonl = outputFile(path.join(dir, 'research', `${name}.jsonl`));
      let rows = 0;
      try {
        // A byte-order mark, so spreadsheet programs read the CSV as UTF-8.
        await csv.write(`\ufeff${stringify([columns.map((column) => column.name)])}`);
        for await (const batch of rowsOf(table)) {
          await csv.write(stringify(batch.map((row) => columns.map((column) => cell(row[column.name])))));
          await jsonl.write(batch.map((row) => `${JSON.stringify(row)}\n`).join(''));
          rows += batch.length;
        }
        await Promise.all([csv.end(), jsonl.end()]);
      } finally {
        csv.discard();
        jsonl.discard();
      }
      research[name] = rows;
      described.push({ name, store: 'research', rows, columns });
    }
  });
  writeFileSync(path.join(dir, 'data-dictionary.json'), `${JSON.stringify(dataDictionary(described), null, 2)}\n`, { mode: 0o600 });

  const identity: Record<string, number> = Object.fromEntries(identityTables().map((table) => [getTableName(table), 0]));
  await readIdentitySnapshot(async (rowsOf) => {
    async function* identityRows(): AsyncGenerator<ArchiveRow> {
      for (const table of identityTables()) {
        const name = getTableName(table);
        for await (const batch of rowsOf(table)) {
          identity[name] = (identity[name] ?? 0) + batch.length;
          for (const row of batch) yield { table: name, row };
        }
      }
    }
    await sealArchive(path.join(dir, IDENTITY_FILE), passphrase, { format: FORMAT, createdAt: now.toISOString() }, identityRows());
  });

  const files: Manifest['files'] = [];
  for (const file of [...Object.keys(research).flatMap((name) => [`research/${name}.csv`, `research/${name}.jsonl`]), 'data-dictionary.json', IDENTITY_FILE]) {
    const { bytes, sha256: digest } = await fileFacts(path.join(dir, file));
    files.push({ path: file, bytes, sha256: digest });
  }
  const manifest: Manifest = { format: FORMAT, createdAt: now.toISOString(), research, identity, encryption: ENCRYPTION_DESCRIPTION, files };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  writeFileSync(path.join(dir, MANIFEST), manifestText, { mode: 0o600 });
  return { ok: true, dir, manifest, manifestSha256: sha256(Buffer.from(manifestText)) };
}

export type VerifyResult = { ok: true; manifestSha256: string; checked: number } | { ok: false; problems: string[] };

/**
 * Checks an export against its manifest (every file there, of its size and checksum, every table's
 * lines as counted) and against the stores now (every table's row count); with the passphrase, the
 * identity archive opens and holds the counted rows.
 */
/**
 * Tables that record the service being used (sign-ins, sessions, the audit trail). Between an
 * export and a disposal someone must sign in and act, so for disposal these may have moved on; the
 * audit trail may only have grown.
 */
const ACTIVITY_TABLES = ['audit_events', 'staff_sessions', 'staff_pending_sign_ins', 'sign_in_attempts'];

export async function verifyArchive(dir: string, { passphrase, allowLaterActivity = false }: { passphrase?: string; allowLaterActivity?: boolean } = {}): Promise<VerifyResult> {
  const manifestPath = path.join(dir, MANIFEST);
  if (!existsSync(manifestPath)) return { ok: false, problems: [`No ${MANIFEST} in ${dir}`] };
  const manifestText = readFileSync(manifestPath);
  const manifest = JSON.parse(manifestText.toString('utf8')) as Manifest;
  const problems: string[] = [];
  if (manifest.format !== FORMAT) {
    problems.push(
      manifest.format?.startsWith('family-voice-export/')
        ? `This export was made by another version of Family Voice (${manifest.format}): check it with that version`
        : `${MANIFEST} is not a Family Voice export (${manifest.format})`,
    );
  }
  for (const file of manifest.files) {
    const full = path.join(dir, file.path);
    if (!existsSync(full)) {
      problems.push(`${file.path} is missing`);
      continue;
    }
    const facts = await fileFacts(full);
    if (facts.bytes !== file.bytes || facts.sha256 !== file.sha256) problems.push(`${file.path} has changed since it was exported (its size or SHA-256 differs)`);
    const jsonl = /^research\/(.+)\.jsonl$/.exec(file.path);
    if (jsonl && facts.lines !== manifest.research[jsonl[1]!]) problems.push(`${file.path} holds ${facts.lines} rows; the manifest says ${manifest.research[jsonl[1]!]}`);
  }
  for (const table of researchTables()) {
    const name = getTableName(table);
    const now = await researchRowCount(table);
    if (manifest.research[name] === undefined) problems.push(`research table ${name} is not in the export`);
    else if (manifest.research[name] !== now) problems.push(`research table ${name}: ${manifest.research[name]} rows exported, ${now} in the store now`);
  }
  for (const table of identityTables()) {
    const name = getTableName(table);
    const now = await identityRowCount(table);
    const exported = manifest.identity[name];
    if (allowLaterActivity && exported !== undefined && ACTIVITY_TABLES.includes(name) && (name !== 'audit_events' || now >= exported)) continue;
    if (exported !== now) problems.push(`identity table ${name}: ${manifest.identity[name] ?? 'none'} rows exported, ${now} in the store now`);
  }
  if (passphrase !== undefined) {
    try {
      const { counts } = await openArchive(path.join(dir, IDENTITY_FILE), passphrase);
      for (const [name, count] of Object.entries(manifest.identity)) {
        if ((counts[name] ?? 0) !== count) problems.push(`the identity archive's ${name} holds ${counts[name] ?? 0} rows; the manifest says ${count}`);
      }
    } catch (error) {
      problems.push(error instanceof Error ? error.message : 'The identity archive could not be opened');
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, manifestSha256: sha256(manifestText), checked: manifest.files.length };
}
