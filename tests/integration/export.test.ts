import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { staffUsers } from '#db/identity/schema';
import { researchDb } from '#db/research/client';
import { sitePages, surveyResponses } from '#db/research/schema';
import { seedDemoData } from '#db/seed/seed';
import { openArchive, WrongPassphrase, type ArchiveRow } from '~/governance/archive-crypto.server';
import { exportArchive, IDENTITY_FILE, verifyArchive } from '~/governance/export.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

const PASSPHRASE = 'a long export passphrase';

describe(`the export to the Authority (${testStoreKind})`, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'fv-export-'));
  beforeAll(async () => {
    await seedDemoData();
  }, 120_000);

  it('writes every research table as CSV and JSON Lines with counts that match the stores, and an identity archive only the passphrase opens', async () => {
    const out = path.join(root, 'export');
    const result = await exportArchive({ out, passphrase: PASSPHRASE });
    if (!result.ok) throw new Error(result.message);
    const responses = await researchDb().$count(surveyResponses);
    expect(result.manifest.research.survey_responses).toBe(responses);
    const csv = parse(readFileSync(path.join(out, 'research/survey_responses.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv).toHaveLength(responses);
    expect(Object.keys(csv[0]!)).toEqual(expect.arrayContaining(['id', 'survey_id', 'answers', 'la_code', 'submitted_at']));
    expect(readFileSync(path.join(out, 'research/survey_responses.jsonl'), 'utf8').trim().split('\n')).toHaveLength(responses);
    const dictionary = JSON.parse(readFileSync(path.join(out, 'data-dictionary.json'), 'utf8')) as { tables: { name: string }[]; questionSets: { id: string; questions: { name: string; answers: unknown[] }[] }[] };
    expect(dictionary.tables.map((table) => table.name)).toContain('survey_responses');
    expect(dictionary.questionSets.find((set) => set.id === 'common-question-set')!.questions.length).toBeGreaterThan(10);

    // Names and emails are only in the identity archive, and it is unreadable without the passphrase.
    const [someone] = await identityDb().select({ email: staffUsers.email }).from(staffUsers).limit(1);
    expect(existsSync(path.join(out, 'research/staff_users.csv'))).toBe(false);
    const sealed = path.join(out, IDENTITY_FILE);
    expect(readFileSync(sealed).toString('latin1')).not.toContain(someone!.email);
    await expect(openArchive(sealed, 'not the passphrase')).rejects.toThrow(WrongPassphrase);
    const rows: ArchiveRow[] = [];
    const opened = await openArchive(sealed, PASSPHRASE, (row) => rows.push(row));
    expect(opened.header.format).toBe('family-voice-export/2');
    expect(opened.counts).toEqual(Object.fromEntries(Object.entries(result.manifest.identity).filter(([, count]) => count > 0)));
    expect(rows.filter((row) => row.table === 'staff_users').map((row) => row.row.email)).toContain(someone!.email);

    // One changed byte anywhere (here in the middle) is refused with the right passphrase too.
    const changed = path.join(root, 'changed.fvia');
    const bytes = readFileSync(sealed);
    bytes[Math.floor(bytes.length / 2)]! ^= 1;
    writeFileSync(changed, bytes);
    await expect(openArchive(changed, PASSPHRASE)).rejects.toThrow(WrongPassphrase);
    writeFileSync(changed, readFileSync(sealed).subarray(0, 20));
    await expect(openArchive(changed, PASSPHRASE)).rejects.toThrow('This is not an identity archive');
    // Its header and tag with nothing between.
    writeFileSync(changed, Buffer.concat([readFileSync(sealed).subarray(0, 33), readFileSync(sealed).subarray(-16)]));
    await expect(openArchive(changed, PASSPHRASE)).rejects.toThrow('This is not an identity archive');
    // A failure that is not the file's (here the reader's own) is reported as itself, not as a wrong passphrase.
    await expect(
      openArchive(sealed, PASSPHRASE, () => {
        throw new Error('the reader stopped');
      }),
    ).rejects.toThrow('the reader stopped');

    // The export itself is audited, and its record is in the archive it made.
    expect(rows.some((row) => row.table === 'audit_events' && row.row.what === 'data.export')).toBe(true);
    expect(await verifyArchive(out, { passphrase: PASSPHRASE })).toEqual({ ok: true, manifestSha256: result.manifestSha256, checked: result.manifest.files.length });
    expect(await verifyArchive(out, { passphrase: 'wrong passphrase here' })).toEqual({ ok: false, problems: ['The passphrase is not right, or the file has been changed'] });

    // A changed file, and a store that has moved on since, are both reported.
    writeFileSync(path.join(out, 'research/regions.csv'), 'changed');
    const pages = await researchDb().$count(sitePages);
    await researchDb().insert(sitePages).values({ slug: 'added-later', title: 'Added later', markdown: 'Text' });
    expect(await verifyArchive(out)).toEqual({
      ok: false,
      problems: ['research/regions.csv has changed since it was exported (its size or SHA-256 differs)', `research table site_pages: ${pages} rows exported, ${pages + 1} in the store now`],
    });
  });

  it('refuses a folder that exists or cannot be written, and a missing or short passphrase, writing nothing', async () => {
    expect(await exportArchive({ out: root, passphrase: PASSPHRASE })).toEqual({ ok: false, message: expect.stringMatching(/already exists/) });
    expect(await exportArchive({ out: '/sys/fv-export', passphrase: PASSPHRASE })).toEqual({ ok: false, message: expect.stringMatching(/Cannot write in \/sys/) });
    expect(await exportArchive({ out: path.join(root, 'no-such-folder', 'export'), passphrase: PASSPHRASE })).toEqual({ ok: false, message: expect.stringMatching(/Cannot write in/) });
    expect(await exportArchive({ out: path.join(root, 'a'), passphrase: '' })).toEqual({ ok: false, message: 'Give a passphrase to encrypt the identity archive' });
    expect(await exportArchive({ out: path.join(root, 'b'), passphrase: 'short' })).toEqual({ ok: false, message: 'The passphrase must be at least 12 characters' });
    expect(existsSync(path.join(root, 'a')) || existsSync(path.join(root, 'b'))).toBe(false);
  });
});
