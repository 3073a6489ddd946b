import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, signInAttempts, staffSessions, staffUsers, type StaffUser } from '#db/identity/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { lookupStaffSession } from '~/auth/session.server';
import { signIn } from '~/auth/sign-in.server';
import { createStaffUser, DuplicateEmailError } from '~/auth/staff-users.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(2);

async function newUser(overrides: Parameters<typeof buildStaffUser>[1] = {}) {
  const input = buildStaffUser(random, overrides);
  const user = await createStaffUser(input);
  return { user, email: input.email, password: input.password };
}

const auditFor = (what: string) => identityDb().select().from(auditEvents).where(eq(auditEvents.what, what));

describe(`staff sign-in (${testStoreKind})`, () => {
  let analyst: { user: StaffUser; email: string; password: string };
  beforeAll(async () => {
    analyst = await newUser({ role: 'analyst' });
  });

  it('signs in with the right password, case-insensitively, and audits it', async () => {
    const result = await signIn({ email: `  ${analyst.email.toUpperCase()} `, password: analyst.password, address: '192.0.2.10', correlationId: 'c-1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await lookupStaffSession(result.token)).toMatchObject({ state: 'active', user: { id: analyst.user.id } });
    const [audit] = (await auditFor('auth.sign-in')).filter((event) => event.subjectId === analyst.user.id);
    expect(audit).toMatchObject({ who: analyst.user.id, subjectType: 'staff_user', correlationId: 'c-1' });
    const [stored] = await identityDb().select({ tokenHash: staffSessions.tokenHash }).from(staffSessions);
    expect(stored?.tokenHash).not.toBe(result.token);
  });

  it('gives the same answer for a wrong password and an unknown email, and audits both', async () => {
    const wrong = await signIn({ email: analyst.email, password: 'not the password', address: '192.0.2.11' });
    const unknown = await signIn({ email: 'nobody@example.com', password: 'whatever', address: '192.0.2.11' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    const reasons = (await auditFor('auth.sign-in.failed')).map((event) => event.details.reason);
    expect(reasons).toEqual(expect.arrayContaining(['wrong-password', 'unknown-account']));
    // The throttle table holds keyed hashes, never the email or address.
    const attempts = await identityDb().select().from(signInAttempts);
    expect(JSON.stringify(attempts)).not.toMatch(/example\.com|192\.0\.2/);
  });

  it('locks an account after 10 failures in 5 minutes, even with the right password, from any address', async () => {
    const target = await newUser({ role: 'facilitator' });
    for (let i = 0; i < 10; i += 1) {
      expect(await signIn({ email: target.email, password: `wrong-${i}`, address: `198.51.100.${i}` })).toEqual({ ok: false, reason: 'invalid' });
    }
    const locked = await signIn({ email: target.email, password: target.password, address: '198.51.100.200' });
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    if (locked.ok || locked.reason !== 'locked') return;
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(300);
    // Once the failures are older than the window, the right password works again (and asks for the code).
    await identityDb().update(signInAttempts).set({ attemptedAt: sql`now() - interval '6 minutes'` });
    expect(await signIn({ email: target.email, password: target.password, address: '198.51.100.200' })).toMatchObject({ ok: false, reason: 'second-factor', next: 'enrol' });
  });

  it('locks an address after 10 failures across different accounts', async () => {
    const victim = await newUser({ role: 'analyst' });
    for (let i = 0; i < 10; i += 1) {
      await signIn({ email: `guess-${i}@example.com`, password: 'guess', address: '203.0.113.50' });
    }
    expect(await signIn({ email: victim.email, password: victim.password, address: '203.0.113.50' })).toMatchObject({ reason: 'locked' });
    expect((await signIn({ email: victim.email, password: victim.password, address: '203.0.113.51' })).ok).toBe(true);
  });

  it('replaces the previous session at sign-in', async () => {
    const first = await signIn({ email: analyst.email, password: analyst.password, address: '192.0.2.20' });
    if (!first.ok) throw new Error('sign-in failed');
    const second = await signIn({ email: analyst.email, password: analyst.password, address: '192.0.2.20', previousToken: first.token });
    if (!second.ok) throw new Error('sign-in failed');
    expect(second.token).not.toBe(first.token);
    expect(await lookupStaffSession(first.token)).toEqual({ state: 'none' });
    expect((await lookupStaffSession(second.token)).state).toBe('active');
  });

  it('ends a session 12 hours after sign-in however active it has been', async () => {
    const result = await signIn({ email: analyst.email, password: analyst.password, address: '192.0.2.23' });
    if (!result.ok) throw new Error('sign-in failed');
    const hash = (await identityDb().select({ tokenHash: staffSessions.tokenHash, createdAt: staffSessions.createdAt }).from(staffSessions).orderBy(sql`created_at desc`).limit(1))[0]!.tokenHash;
    await identityDb().update(staffSessions).set({ createdAt: sql`now() - interval '11 hours 59 minutes'`, lastSeenAt: sql`now()` }).where(eq(staffSessions.tokenHash, hash));
    expect((await lookupStaffSession(result.token)).state).toBe('active');
    await identityDb().update(staffSessions).set({ createdAt: sql`now() - interval '12 hours 1 minute'`, lastSeenAt: sql`now()` }).where(eq(staffSessions.tokenHash, hash));
    expect(await lookupStaffSession(result.token)).toEqual({ state: 'expired' });
  });

  it('ends a session idle for 30 minutes, and one whose account is disabled', async () => {
    const result = await signIn({ email: analyst.email, password: analyst.password, address: '192.0.2.21' });
    if (!result.ok) throw new Error('sign-in failed');
    await identityDb().update(staffSessions).set({ lastSeenAt: sql`now() - interval '29 minutes'` });
    expect((await lookupStaffSession(result.token)).state).toBe('active');
    await identityDb().update(staffSessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` });
    expect(await lookupStaffSession(result.token)).toEqual({ state: 'expired' });
    expect(await lookupStaffSession(result.token)).toEqual({ state: 'none' });

    const again = await signIn({ email: analyst.email, password: analyst.password, address: '192.0.2.21' });
    if (!again.ok) throw new Error('sign-in failed');
    await identityDb().update(staffUsers).set({ disabledAt: sql`now()` }).where(eq(staffUsers.id, analyst.user.id));
    expect(await lookupStaffSession(again.token)).toEqual({ state: 'expired' });
    expect(await signIn({ email: analyst.email, password: analyst.password, address: '192.0.2.22' })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe(`staff accounts (${testStoreKind})`, () => {
  it('refuses a duplicate email and writes nothing for it', async () => {
    const { email } = await newUser({ role: 'administrator' });
    const before = { users: await identityDb().$count(staffUsers), audit: await identityDb().$count(auditEvents) };
    await expect(createStaffUser(buildStaffUser(random, { email: email.toUpperCase(), role: 'analyst' }))).rejects.toThrow(DuplicateEmailError);
    expect({ users: await identityDb().$count(staffUsers), audit: await identityDb().$count(auditEvents) }).toEqual(before);
  });

  it('requires the scope each role needs and refuses bad codes', async () => {
    await expect(createStaffUser(buildStaffUser(random, { role: 'facilitator', regionCodes: [] }))).rejects.toThrow(/at least one region/);
    await expect(createStaffUser(buildStaffUser(random, { role: 'facilitator', regionCodes: ['E12000010'] }))).rejects.toThrow(/E12000001/);
    await expect(createStaffUser(buildStaffUser(random, { role: 'la_officer', laCode: null }))).rejects.toThrow(/local authority/);
    await expect(createStaffUser(buildStaffUser(random, { password: 'short' }))).rejects.toThrow(/12 characters/);
  });
});
