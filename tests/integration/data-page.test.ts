import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, participants, staffUsers } from '#db/identity/schema';
import { DEMO_PASSWORD } from '#db/seed/staff';
import { seedDemoData } from '#db/seed/seed';
import { listExports, requestExport, runExportJob } from '~/governance/export-jobs.server';
import { action as dataAction, loader as dataLoader } from '~/routes/staff.data._index';
import { loader as zipLoader } from '~/routes/staff.data.exports.$exportId[.zip]';
import { formRequest, outcome, pageRequest, testContext } from '../setup/requests';
import { signInStaff } from '../setup/sign-in';
import { testStoreKind, withTestStores } from '../setup/stores';

// Exports and certificates are written under DATA_DIR: a folder of this test's own.
const dataDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? '/tmp'}/fv-data-page-${process.pid}-${Date.now()}`;
  process.env.DATA_DIR = dir;
  return dir;
});

withTestStores();

describe(`the administrators' data export and disposal page (${testStoreKind})`, () => {
  let adminToken = '';
  let analystToken = '';
  beforeAll(async () => {
    await seedDemoData();
    const admin = await signInStaff({ email: 'admin@example.com', password: DEMO_PASSWORD, address: '192.0.2.70' });
    const analyst = await signInStaff({ email: 'analyst@example.com', password: DEMO_PASSWORD, address: '192.0.2.71' });
    if (!admin.ok || !analyst.ok) throw new Error('sign-in failed');
    adminToken = admin.token;
    analystToken = analyst.token;
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a short or mismatched passphrase, queues an export, and offers the finished zip to administrators only, audited', async () => {
    const post = async (fields: Record<string, string>) => outcome(async () => dataAction({ request: await formRequest('/staff/data', fields, { sessionToken: adminToken }), params: {}, context: testContext() }));
    const short = await post({ intent: 'export', passphrase: 'too short', passphraseAgain: 'too short' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ errors: [{ field: 'passphrase', message: 'The passphrase must be at least 12 characters' }] });
    const mismatch = await post({ intent: 'export', passphrase: 'a long export passphrase', passphraseAgain: 'a different passphrase' });
    expect(mismatch.body).toMatchObject({ errors: [{ field: 'passphraseAgain', message: 'The passphrases do not match' }] });
    expect(JSON.stringify(mismatch.body)).not.toContain('a long export passphrase');
    const queued = await post({ intent: 'export', passphrase: 'a long export passphrase', passphraseAgain: 'a long export passphrase' });
    expect(queued.body).toMatchObject({ done: expect.stringContaining('queued') });
    const [writing] = listExports();
    expect(writing).toMatchObject({ state: 'writing' });
    // The passphrase is not in the queue's table.
    expect(JSON.stringify(await identityDb().execute(`select data from pgboss.job where name = 'data-export'` as never))).not.toContain('passphrase');

    // The worker's step, run here.
    await runExportJob({ exportId: writing!.id, by: 'admin' });
    const [ready] = listExports();
    expect(ready).toMatchObject({ id: writing!.id, state: 'ready' });
    const zip = (await zipLoader({ request: await pageRequest(`/staff/data/exports/${ready!.id}.zip`, { sessionToken: adminToken }), params: { exportId: ready!.id }, context: testContext() })) as Response;
    expect(zip.status).toBe(200);
    expect(zip.headers.get('Content-Type')).toBe('application/zip');
    // The zip, made as it is sent, holds every file of the export, each byte for byte.
    const unzipped = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(unzipped[`${ready!.id}/manifest.json`]!)) as { files: { path: string; sha256: string }[] };
    expect(manifest.files.length).toBeGreaterThan(10);
    for (const file of manifest.files) expect(createHash('sha256').update(unzipped[`${ready!.id}/${file.path}`]!).digest('hex')).toBe(file.sha256);
    const refused = await outcome(async () => zipLoader({ request: await pageRequest(`/staff/data/exports/${ready!.id}.zip`, { sessionToken: analystToken }), params: { exportId: ready!.id }, context: testContext() }));
    expect(refused.status).toBe(403);
    expect(await identityDb().$count(auditEvents, eq(auditEvents.what, 'data.export.download'))).toBe(1);
    const missing = await outcome(async () => zipLoader({ request: await pageRequest('/staff/data/exports/../../secrets.zip', { sessionToken: adminToken }), params: { exportId: '../../secrets' }, context: testContext() }));
    expect(missing.status).toBe(404);

    // A job whose passphrase this process does not hold (a restart) fails clearly.
    const lost = await requestExport({ by: 'admin', passphrase: 'another long passphrase' });
    if (!lost.ok) throw new Error(lost.message);
    await runExportJob({ exportId: 'export-20260101T000000Z-abcdef', by: 'admin' });
    expect(listExports().find((listing) => listing.id === 'export-20260101T000000Z-abcdef')).toMatchObject({ state: 'failed', message: expect.stringContaining('start the export again') });
    const page = (await dataLoader({ request: await pageRequest('/staff/data', { sessionToken: adminToken }), params: {}, context: testContext() })) as { exports: { state: string }[] };
    expect(page.exports.map((listing) => listing.state).sort()).toEqual(['failed', 'ready', 'writing']);
  }, 120_000);

  it('disposes only with the typed confirmation and a verified export, then shows the certificate', async () => {
    const [ready] = listExports().filter((listing) => listing.state === 'ready');
    const post = async (fields: Record<string, string>) => outcome(async () => dataAction({ request: await formRequest('/staff/data', fields, { sessionToken: adminToken }), params: {}, context: testContext() }));
    const members = await identityDb().$count(participants);
    const unconfirmed = await post({ intent: 'dispose', confirm: 'dispose', exportId: ready!.id });
    expect(unconfirmed.body).toMatchObject({ errors: [{ field: 'confirm', message: 'Type DISPOSE in capitals to confirm' }] });
    const noExport = await post({ intent: 'dispose', confirm: 'DISPOSE', forceReason: 'short' });
    expect(noExport.body).toMatchObject({ errors: [{ field: 'exportId', message: expect.stringContaining('Choose the export') }] });
    expect(await identityDb().$count(participants)).toBe(members);

    const done = await post({ intent: 'dispose', confirm: 'DISPOSE', exportId: ready!.id });
    expect(done.status).toBe(200);
    const certificate = (done.body as { certificate: { json: string; file: string; verifiedEmpty: boolean } }).certificate;
    expect(certificate.verifiedEmpty).toBe(true);
    expect(existsSync(certificate.file)).toBe(true);
    expect(path.dirname(certificate.file)).toBe(path.resolve(dataDir, 'certificates'));
    expect(JSON.parse(certificate.json)).toMatchObject({ requestedBy: 'Demo Administrator (admin@example.com)', stores: ['identity'], export: { manifestSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(await identityDb().$count(participants)).toBe(0);
    expect(await identityDb().$count(staffUsers)).toBe(0);
  }, 120_000);
});
