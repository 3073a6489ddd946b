import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '~/env.server';

const strong = 'a-strong-secret-with-many-characters-0123456789';

describe('configuration', () => {
  it('generates missing secrets once outside production, kept owner-only under DATA_DIR', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fv-env-'));
    const first = parseEnv({ DATA_DIR: dataDir });
    const second = parseEnv({ DATA_DIR: dataDir });
    expect(first.PSEUDONYM_KEY).toHaveLength(43);
    expect(second.PSEUDONYM_KEY).toBe(first.PSEUDONYM_KEY);
    expect(second.SESSION_SECRET).toBe(first.SESSION_SECRET);
    const file = path.join(dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('PSEUDONYM_KEY', first.PSEUDONYM_KEY);
    expect(first.identityEmbedded && first.researchEmbedded && first.demoData).toBe(true);
  });

  it('stops production start-up naming each missing secret', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/PSEUDONYM_KEY: is required[\s\S]*SESSION_SECRET: is required[\s\S]*PUBLIC_URL: is required/);
  });

  it('takes links from PUBLIC_URL, never localhost in production', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fv-env-'));
    expect(parseEnv({ DATA_DIR: dataDir, PORT: '4000' }).PUBLIC_URL).toBe('http://localhost:4000');
    expect(parseEnv({ DATA_DIR: dataDir, PUBLIC_URL: 'https://fv.example.gov.uk/' }).PUBLIC_URL).toBe('https://fv.example.gov.uk');
    expect(() => parseEnv({ DATA_DIR: dataDir, PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL: must be an http/);
    expect(() => parseEnv({ NODE_ENV: 'production', PSEUDONYM_KEY: strong, SESSION_SECRET: strong })).toThrow(
      /^Invalid configuration:\n {2}PUBLIC_URL: is required\n {2}CONTACT_EMAIL: is required$/,
    );
  });

  it('takes GOV.UK Notify settings only whole: a real-looking key with at least one template', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fv-env-'));
    const key = 'family_voice_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
    const template = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
    expect(parseEnv({ DATA_DIR: dataDir, NOTIFY_API_KEY: key, NOTIFY_TEXT_TEMPLATE_ID: template }).NOTIFY_TEXT_TEMPLATE_ID).toBe(template);
    expect(() => parseEnv({ DATA_DIR: dataDir, NOTIFY_API_KEY: key })).toThrow(/NOTIFY_API_KEY: needs NOTIFY_EMAIL_TEMPLATE_ID or NOTIFY_TEXT_TEMPLATE_ID/);
    expect(() => parseEnv({ DATA_DIR: dataDir, NOTIFY_EMAIL_TEMPLATE_ID: template })).toThrow(/NOTIFY_API_KEY: is required when a Notify template id is set/);
    expect(() => parseEnv({ DATA_DIR: dataDir, NOTIFY_API_KEY: 'not-a-key', NOTIFY_EMAIL_TEMPLATE_ID: template })).toThrow(/NOTIFY_API_KEY: is not a GOV.UK Notify API key/);
  });

  it('refuses a weak secret in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', PSEUDONYM_KEY: 'short', SESSION_SECRET: strong })).toThrow(
      /PSEUDONYM_KEY must be at least 32 characters/,
    );
    expect(() => parseEnv({ NODE_ENV: 'production', PSEUDONYM_KEY: 'a'.repeat(40), SESSION_SECRET: strong })).toThrow(
      /PSEUDONYM_KEY is too weak/,
    );
  });

  it('names an invalid variable', () => {
    expect(() => parseEnv({ PSEUDONYM_KEY: strong, SESSION_SECRET: strong, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ PSEUDONYM_KEY: strong, SESSION_SECRET: strong, IDENTITY_DATABASE_URL: 'mysql://x/y' })).toThrow(
      /IDENTITY_DATABASE_URL/,
    );
  });

  it('uses PostgreSQL servers when URLs are given, and does not seed demo data in production', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://familyvoice.example.gov.uk/',
      CONTACT_EMAIL: 'familyvoice@example.gov.uk',
      PSEUDONYM_KEY: strong,
      SESSION_SECRET: `${strong}-x`,
      IDENTITY_DATABASE_URL: 'postgres://identity@db1/identity',
      RESEARCH_DATABASE_URL: 'postgresql://research@db2/research',
      PORT: '8080',
    });
    expect(env).toMatchObject({ identityEmbedded: false, researchEmbedded: false, demoData: false, PORT: 8080, isProduction: true, CONTACT_EMAIL: 'familyvoice@example.gov.uk' });
    expect(() => parseEnv({ PSEUDONYM_KEY: strong, SESSION_SECRET: strong, CONTACT_PHONE: 'call me' })).toThrow(/CONTACT_PHONE: is not a phone number/);
  });

  it('treats empty variables as unset', () => {
    const env = parseEnv({ PSEUDONYM_KEY: strong, SESSION_SECRET: strong, SENTRY_DSN: '', IDENTITY_DATABASE_URL: '' });
    expect(env.SENTRY_DSN).toBeUndefined();
    expect(env.identityEmbedded).toBe(true);
  });
});
