import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, participants, staffUsers } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { localAuthorities, sitePages, surveyResponses } from '#db/research/schema';
import { seedDemoData } from '#db/seed/seed';
import { disposeStores } from '~/governance/disposal.server';
import { exportArchive } from '~/governance/export.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

describe(`secure disposal (${testStoreKind})`, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'fv-dispose-'));
  beforeAll(async () => {
    await seedDemoData();
  }, 120_000);

  it('refuses without confirmation, without a verified export or a reason, and with an export the stores no longer match, deleting nothing', async () => {
    const staff = await identityDb().$count(staffUsers);
    expect(await disposeStores({ confirm: false, requestedBy: 'DPO', includeResearch: false, forceReason: 'end of contract, agreed' })).toEqual({ ok: false, message: expect.stringMatching(/confirm it/) });
    expect(await disposeStores({ confirm: true, requestedBy: 'DPO', includeResearch: false })).toEqual({ ok: false, message: expect.stringMatching(/verified export/) });
    expect(await disposeStores({ confirm: true, requestedBy: 'DPO', includeResearch: false, forceReason: 'because' })).toEqual({ ok: false, message: expect.stringMatching(/at least 10 characters/) });
    const stale = path.join(root, 'stale');
    const exported = await exportArchive({ out: stale, passphrase: 'a long export passphrase' });
    expect(exported.ok).toBe(true);
    await researchDb().insert(sitePages).values({ slug: 'after-export', title: 'After', markdown: 'Text' });
    const refused = await disposeStores({ confirm: true, requestedBy: 'DPO', includeResearch: false, exportDir: stale });
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/does not match the stores, so nothing was deleted:\nresearch table site_pages/) });
    expect(await identityDb().$count(staffUsers)).toBe(staff);
  });

  it('empties the identity store after a verified export, and certifies the counts before and after and the manifest', async () => {
    const folder = path.join(root, 'export');
    const exported = await exportArchive({ out: folder, passphrase: 'a long export passphrase' });
    if (!exported.ok) throw new Error(exported.message);
    // Someone signs in to dispose after the export: the audit trail moving on does not stop it.
    await identityDb().insert(auditEvents).values({ who: 'system', what: 'auth.sign-in' });
    const before = { staff: await identityDb().$count(staffUsers), participants: await identityDb().$count(participants), audit: await identityDb().$count(auditEvents) };
    expect(before.participants).toBeGreaterThan(0);
    const responses = await researchDb().$count(surveyResponses);
    const result = await disposeStores({ confirm: true, requestedBy: 'Data protection officer', includeResearch: false, exportDir: folder }, new Date('2027-03-31T17:00:00Z'));
    if (!result.ok) throw new Error(result.message);
    expect(result.certificate).toMatchObject({ disposedAt: '2027-03-31T17:00:00.000Z', requestedBy: 'Data protection officer', stores: ['identity'], export: { folder, manifestSha256: exported.manifestSha256 }, verifiedEmpty: true, queuedJobs: { after: 0 } });
    expect(result.certificate.tables).toEqual(expect.arrayContaining([
      { store: 'identity', table: 'staff_users', before: before.staff, after: 0 },
      { store: 'identity', table: 'participants', before: before.participants, after: 0 },
      { store: 'identity', table: 'audit_events', before: before.audit, after: 0 },
    ]));
    expect(await identityDb().$count(staffUsers)).toBe(0);
    expect(await identityDb().$count(participants)).toBe(0);
    // The research store is untouched unless asked.
    expect(await researchDb().$count(surveyResponses)).toBe(responses);
  });

  it('empties the research store too when asked (forced, with the reason recorded), keeping only public reference data', async () => {
    const authorities = await researchDb().$count(localAuthorities);
    const result = await disposeStores({ confirm: true, requestedBy: 'Data protection officer', includeResearch: true, forceReason: 'The export was delivered and verified on 30 March' });
    if (!result.ok) throw new Error(result.message);
    expect(result.certificate).toMatchObject({ stores: ['identity', 'research'], export: { forcedWithoutExport: 'The export was delivered and verified on 30 March' }, verifiedEmpty: true });
    expect(result.certificate.tables.find((row) => row.table === 'survey_responses')).toMatchObject({ store: 'research', after: 0 });
    expect(result.certificate.tables.find((row) => row.table === 'survey_responses')!.before).toBeGreaterThan(0);
    expect(await researchDb().$count(surveyResponses)).toBe(0);
    expect(await researchDb().$count(localAuthorities)).toBe(authorities);
  });
});
