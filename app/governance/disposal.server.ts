import { getTableName } from 'drizzle-orm';
import { emptyIdentityTables, identityRowCount, identityTables, queuedJobCount } from '~/identity/archive.server';
import { emptyResearchTables, REFERENCE_TABLES, researchRowCount, researchTables } from '~/research/archive.server';
import { verifyArchive } from './export.server';

/**
 * Secure disposal (spec 15.3): empties the identity store (and the research store, but for public
 * reference data, when asked), checks the tables are empty, and says what was there before and
 * after, for the disposal certificate. Refused without a verified export, unless forced with a
 * recorded reason.
 */
export interface DisposalRequest {
  confirm: boolean;
  /** Who asked, for the certificate. */
  requestedBy: string;
  includeResearch: boolean;
  /** The export made before disposal; it must verify against the stores as they are now. */
  exportDir?: string;
  /** Disposal without a verified export: the reason, recorded on the certificate. */
  forceReason?: string;
}

export interface DisposalCertificate {
  certificate: 'family-voice-disposal/1';
  disposedAt: string;
  requestedBy: string;
  stores: ('identity' | 'research')[];
  export: { folder: string; manifestSha256: string } | { forcedWithoutExport: string };
  /** Rows per table before and after; every one disposed of is 0 after. */
  tables: { store: 'identity' | 'research'; table: string; before: number; after: number }[];
  queuedJobs: { before: number; after: number };
  /** Public reference data left in place. */
  kept: string[];
  verifiedEmpty: boolean;
}

export type DisposalResult = { ok: true; certificate: DisposalCertificate } | { ok: false; message: string };

async function counts(includeResearch: boolean) {
  const rows: { store: 'identity' | 'research'; table: string; count: number }[] = [];
  for (const table of identityTables()) rows.push({ store: 'identity', table: getTableName(table), count: await identityRowCount(table) });
  if (includeResearch) {
    for (const table of researchTables()) {
      if (!REFERENCE_TABLES.includes(getTableName(table))) rows.push({ store: 'research', table: getTableName(table), count: await researchRowCount(table) });
    }
  }
  return rows;
}

export async function disposeStores(request: DisposalRequest, now = new Date()): Promise<DisposalResult> {
  if (!request.confirm) return { ok: false, message: 'Disposal deletes everything and cannot be undone: confirm it to go on' };
  if (!request.requestedBy.trim()) return { ok: false, message: 'Say who asked for the disposal, for the certificate' };
  let exported: DisposalCertificate['export'];
  if (request.exportDir) {
    // Signing in to dispose (and the audit of it) comes after the export: that activity may differ.
    const verified = await verifyArchive(request.exportDir, { allowLaterActivity: true });
    if (!verified.ok) return { ok: false, message: `The export does not match the stores, so nothing was deleted:\n${verified.problems.join('\n')}` };
    exported = { folder: request.exportDir, manifestSha256: verified.manifestSha256 };
  } else if (request.forceReason && request.forceReason.trim().length >= 10) {
    exported = { forcedWithoutExport: request.forceReason.trim() };
  } else {
    return { ok: false, message: 'Give the verified export made for the Authority, or force disposal without one with the reason (at least 10 characters)' };
  }

  const before = await counts(request.includeResearch);
  const jobsBefore = await queuedJobCount();
  await emptyIdentityTables();
  if (request.includeResearch) await emptyResearchTables();
  const after = await counts(request.includeResearch);
  const jobsAfter = await queuedJobCount();
  const afterOf = new Map(after.map((row) => [`${row.store}.${row.table}`, row.count]));
  const tables = before.map((row) => ({ store: row.store, table: row.table, before: row.count, after: afterOf.get(`${row.store}.${row.table}`) ?? 0 }));
  return {
    ok: true,
    certificate: {
      certificate: 'family-voice-disposal/1',
      disposedAt: now.toISOString(),
      requestedBy: request.requestedBy.trim(),
      stores: request.includeResearch ? ['identity', 'research'] : ['identity'],
      export: exported,
      tables,
      queuedJobs: { before: jobsBefore, after: jobsAfter },
      kept: request.includeResearch ? REFERENCE_TABLES : ['the research store'],
      verifiedEmpty: tables.every((row) => row.after === 0) && jobsAfter === 0,
    },
  };
}
