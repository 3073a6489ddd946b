import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupStores, compareWithBackup, restoreStores, type RestoreTarget } from '#db/backup';
import { identityStore } from '#db/identity/client';
import * as identitySchema from '#db/identity/schema';
import { researchStore } from '#db/research/client';
import * as researchSchema from '#db/research/schema';
import { seedDemoData } from '#db/seed/seed';
import { openStore, type Database, type Store } from '#db/store';
import { testStoreKind, withAdmin, withTestStores } from '../setup/stores';

withTestStores();

const work = mkdtempSync(path.join(tmpdir(), 'fv-backup-'));
const created: string[] = [];
const opened: Store<Record<string, unknown>>[] = [];

/** New, empty targets of the kind the tests run on. */
async function freshTargets(tag: string): Promise<{ identity: RestoreTarget; research: RestoreTarget }> {
  if (testStoreKind === 'pglite') return { identity: { dataPath: path.join(work, tag, 'identity') }, research: { dataPath: path.join(work, tag, 'research') } };
  const names = [`fv_restore_${randomBytes(5).toString('hex')}_identity`, `fv_restore_${randomBytes(5).toString('hex')}_research`];
  await withAdmin(async (client) => {
    for (const name of names) await client.query(`create database ${name}`);
  });
  created.push(...names);
  const url = (name: string) => Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/${name}` }).toString();
  return { identity: { url: url(names[0]!) }, research: { url: url(names[1]!) } };
}

async function openTargets(targets: { identity: RestoreTarget; research: RestoreTarget }) {
  const open = async (name: 'identity' | 'research', target: RestoreTarget, schema: Record<string, unknown>) => {
    const store = await openStore({ name, schema, ...('url' in target ? { url: target.url } : { dataDir: path.dirname(target.dataPath) }) });
    opened.push(store);
    return store.db as Database<Record<string, unknown>>;
  };
  return { identity: await open('identity', targets.identity, identitySchema), research: await open('research', targets.research, researchSchema) };
}

describe(`backups that restore (${testStoreKind})`, () => {
  beforeAll(async () => {
    await seedDemoData();
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled(opened.map((store) => store.close()));
    if (created.length > 0) {
      await withAdmin(async (client) => {
        for (const name of created) await client.query(`drop database if exists ${name} with (force)`);
      });
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up both stores, restores them into fresh databases, and every table has the same rows', async () => {
    const secrets = path.join(work, 'secrets.json');
    writeFileSync(secrets, '{"PSEUDONYM_KEY":"x","SESSION_SECRET":"y"}');
    const out = path.join(work, 'backup-1');
    const backup = await backupStores({ out, secretsFile: secrets });
    if (!backup.ok) throw new Error(backup.message);
    expect(backup.manifest.stores.identity.kind).toBe(identityStore().kind);
    expect(backup.manifest.stores.research.rows.survey_responses).toBeGreaterThan(250);
    expect(backup.manifest.stores.identity.rows.staff_users).toBe(5);
    // The secrets are beside the backup, never in it, and the manifest says so.
    expect(readdirSync(out).sort()).toEqual(['backup.json', backup.manifest.stores.identity.file, backup.manifest.stores.research.file].sort());
    expect(backup.secretsFile).toBe(`${path.resolve(out)}.secrets.json`);
    expect(existsSync(backup.secretsFile!)).toBe(true);
    expect(backup.manifest.secrets).toMatch(/^Not in this folder/);
    // The stores go on changing; the backup is of the moment it was taken.
    expect(await compareWithBackup(out)).toEqual([]);

    const targets = await freshTargets('restore-1');
    expect(await restoreStores({ from: out, targets })).toEqual({ ok: true, restored: ['identity', 'research'] });
    expect(await compareWithBackup(out, await openTargets(targets))).toEqual([]);
  }, 180_000);

  it('refuses a folder that exists, a restore into stores that are not empty, of the other kind, or from a changed backup, writing nothing', async () => {
    const existing = path.join(work, 'already-here');
    mkdirSync(existing);
    expect(await backupStores({ out: existing })).toMatchObject({ ok: false, message: expect.stringContaining('already exists') });
    expect(await backupStores({ out: '/sys/fv-backup' })).toMatchObject({ ok: false, message: expect.stringContaining('Cannot write') });
    const out = path.join(work, 'backup-2');
    const backup = await backupStores({ out });
    if (!backup.ok) throw new Error(backup.message);
    expect(backup.secretsFile).toBeNull();

    // Into the live stores, which are not empty.
    const live = { identity: identityStore().location, research: researchStore().location } as { identity: RestoreTarget; research: RestoreTarget };
    if (testStoreKind === 'pglite') {
      // In-memory stores have no folder: a folder with something in it stands for them.
      const used = path.join(work, 'used', 'identity');
      mkdirSync(used, { recursive: true });
      writeFileSync(path.join(used, 'PG_VERSION'), '17');
      live.identity = { dataPath: used };
      live.research = { dataPath: path.join(work, 'used', 'research') };
    }
    expect(await restoreStores({ from: out, targets: live })).toMatchObject({ ok: false, message: expect.stringMatching(/is not empty/) });

    // Of the other kind.
    const fresh = await freshTargets('restore-2');
    const otherKind = testStoreKind === 'pglite' ? { identity: { url: 'postgres://postgres@127.0.0.1:5432/nowhere' }, research: fresh.research } : { identity: { dataPath: path.join(work, 'other-kind', 'identity') }, research: fresh.research };
    expect(await restoreStores({ from: out, targets: otherKind })).toMatchObject({ ok: false, message: expect.stringMatching(/backup is of/) });
    if (testStoreKind === 'pglite') expect(existsSync(path.join(work, 'restore-2', 'research'))).toBe(false);

    // A changed file.
    writeFileSync(path.join(out, backup.manifest.stores.research.file), 'not the backup');
    expect(await restoreStores({ from: out, targets: fresh })).toMatchObject({ ok: false, message: expect.stringContaining('does not match its checksum') });
    expect(await restoreStores({ from: path.join(work, 'nothing-here'), targets: fresh })).toMatchObject({ ok: false, message: expect.stringContaining('not a backup folder') });
    // Nothing was written into the fresh targets.
    if (testStoreKind === 'pglite') {
      expect(existsSync(path.join(work, 'restore-2', 'identity'))).toBe(false);
    } else {
      for (const target of [fresh.identity, fresh.research] as { url: string }[]) {
        const client = new pg.Client({ connectionString: target.url });
        await client.connect();
        const result = await client.query<{ count: number }>(`select count(*)::int as count from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`);
        await client.end();
        expect(result.rows[0]!.count).toBe(0);
      }
    }
  }, 180_000);
});
