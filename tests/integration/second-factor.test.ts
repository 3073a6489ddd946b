import { eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { auditEvents, signInAttempts, staffAuthenticators, staffRecoveryCodes, staffSessions, staffUsers, type StaffUser } from '#db/identity/schema';
import { createRandom } from '#db/seed/random';
import { buildStaffUser } from '#db/seed/staff';
import { confirmEnrolment, enrolmentFor, resetSecondFactor } from '~/auth/second-factor.server';
import { lookupStaffSession } from '~/auth/session.server';
import { signIn, signInWithCode, signInWithEnrolment } from '~/auth/sign-in.server';
import { createStaffUser } from '~/auth/staff-users.server';
import { freshCode } from '../setup/sign-in';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();
const random = createRandom(15);

async function newUser(role: StaffUser['role']) {
  const input = buildStaffUser(random, { role });
  const user = await createStaffUser(input);
  return { user, email: input.email, password: input.password };
}

const auditFor = async (what: string, subjectId: string) =>
  (await identityDb().select().from(auditEvents).where(eq(auditEvents.what, what))).filter((event) => event.subjectId === subjectId);

/** A six-digit code that is not the right one now (nor a step either side). */
async function wrongCode(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const right = new Set(await Promise.all([-30, 0, 30].map((offset) => generate({ secret, epoch: now + offset }))));
  for (let n = 0; ; n += 1) {
    const candidate = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!right.has(candidate)) return candidate;
  }
}

async function passwordStep(account: { email: string; password: string }, address = '192.0.2.80') {
  const result = await signIn({ email: account.email, password: account.password, address });
  if (result.ok || result.reason !== 'second-factor') throw new Error(`expected a second step, got ${JSON.stringify(result)}`);
  return result;
}

describe(`staff sign-in with an authenticator app (${testStoreKind})`, () => {
  let facilitator: Awaited<ReturnType<typeof newUser>>;
  let admin: Awaited<ReturnType<typeof newUser>>;
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    facilitator = await newUser('facilitator');
    admin = await newUser('administrator');
  });

  it('makes a facilitator with none set one up after the password, refusing a wrong first code, and gives ten recovery codes', async () => {
    const step = await passwordStep(facilitator);
    expect(step.next).toBe('enrol');
    expect(await identityDb().$count(staffSessions, eq(staffSessions.userId, facilitator.user.id))).toBe(0);
    const details = await enrolmentFor(facilitator.user);
    // Asking again (a reload) gives the same key, so a phone mid-scan is not left behind.
    expect((await enrolmentFor(facilitator.user)).key).toBe(details.key);
    expect(details.uri).toMatch(/^otpauth:\/\/totp\/Family%20Voice:.+\?.*issuer=Family%20Voice/);
    secret = details.key.replace(/ /g, '');
    const refused = await signInWithEnrolment({ pendingToken: step.pendingToken, code: await wrongCode(secret) });
    expect(refused).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await signInWithEnrolment({ pendingToken: step.pendingToken, code: 'abc' })).toMatchObject({ ok: false, reason: 'invalid', message: 'Enter the 6-digit code your authenticator app shows' });
    const done = await signInWithEnrolment({ pendingToken: step.pendingToken, code: await generate({ secret }) });
    if (!done.ok) throw new Error('enrolment failed');
    expect(done.recoveryCodes).toHaveLength(10);
    expect(new Set(done.recoveryCodes).size).toBe(10);
    recoveryCodes = done.recoveryCodes;
    expect((await lookupStaffSession(done.token)).state).toBe('active');
    // The pending sign-in is spent.
    expect(await signInWithEnrolment({ pendingToken: step.pendingToken, code: await generate({ secret }) })).toEqual({ ok: false, reason: 'expired' });
    expect(await auditFor('auth.second-factor.enrolled', facilitator.user.id)).toHaveLength(1);
  });

  it('keeps the key and the recovery codes unreadable in the store', async () => {
    const [row] = await identityDb().select().from(staffAuthenticators).where(eq(staffAuthenticators.userId, facilitator.user.id));
    expect(row!.secret).toBeTruthy();
    expect(row!.secret).not.toContain(secret);
    expect(Buffer.from(row!.secret!, 'base64url').toString('latin1')).not.toContain(secret);
    const stored = await identityDb().select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, facilitator.user.id));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!);
  });

  it('asks for a code next time, refuses a forged one, accepts the right one once and never the same code again', async () => {
    const step = await passwordStep(facilitator);
    expect(step.next).toBe('code');
    expect(await signInWithCode({ pendingToken: step.pendingToken, code: await wrongCode(secret), address: '192.0.2.80' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithCode({ pendingToken: 'forged-token', code: await generate({ secret }), address: '192.0.2.80' })).toEqual({ ok: false, reason: 'expired' });
    const code = await freshCode(facilitator.user.id, secret);
    const done = await signInWithCode({ pendingToken: step.pendingToken, code, address: '192.0.2.80' });
    expect(done.ok).toBe(true);
    const again = await passwordStep(facilitator);
    expect(await signInWithCode({ pendingToken: again.pendingToken, code, address: '192.0.2.80' })).toEqual({ ok: false, reason: 'invalid' });
    const sessions = await identityDb().select().from(auditEvents).where(eq(auditEvents.what, 'auth.sign-in'));
    expect(sessions.filter((event) => event.subjectId === facilitator.user.id).at(-1)!.details).toEqual({ secondFactor: 'authenticator' });
    expect(await auditFor('auth.second-factor.failed', facilitator.user.id)).toHaveLength(2);
  });

  it('accepts a recovery code once, typed in any case and without its dash', async () => {
    const step = await passwordStep(facilitator);
    const typed = recoveryCodes[0]!.replace('-', '').toUpperCase();
    expect((await signInWithCode({ pendingToken: step.pendingToken, code: typed, address: '192.0.2.81' })).ok).toBe(true);
    const again = await passwordStep(facilitator);
    expect(await signInWithCode({ pendingToken: again.pendingToken, code: recoveryCodes[0]!, address: '192.0.2.81' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await identityDb().$count(staffRecoveryCodes, eq(staffRecoveryCodes.userId, facilitator.user.id))).toBe(9);
  });

  it('throttles guessing: after 10 wrong codes even the right code is refused for a while', async () => {
    const step = await passwordStep(facilitator, '198.51.100.90');
    for (let i = 0; i < 10; i += 1) {
      expect(await signInWithCode({ pendingToken: step.pendingToken, code: String(100000 + i), address: `198.51.100.${100 + i}` })).toMatchObject({ ok: false });
    }
    const locked = await signInWithCode({ pendingToken: step.pendingToken, code: await generate({ secret }), address: '198.51.100.200' });
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    expect((await auditFor('auth.second-factor.throttled', facilitator.user.id)).length).toBeGreaterThan(0);
    // The wait passes (the failures age out of the window) for the tests after this one.
    await identityDb().update(signInAttempts).set({ attemptedAt: sql`now() - interval '6 minutes'` });
  });

  it('lets an administrator reset it: sessions end, and the next sign-in sets up a new one', async () => {
    const adminSession = await identityDb().select().from(staffUsers).where(eq(staffUsers.id, admin.user.id));
    await resetSecondFactor({ user: facilitator.user, by: adminSession[0]!, correlationId: 'reset-1' });
    expect(await identityDb().$count(staffSessions, eq(staffSessions.userId, facilitator.user.id))).toBe(0);
    expect(await identityDb().$count(staffRecoveryCodes, eq(staffRecoveryCodes.userId, facilitator.user.id))).toBe(0);
    expect((await passwordStep(facilitator, '192.0.2.82')).next).toBe('enrol');
    const [audit] = await auditFor('auth.second-factor.reset', facilitator.user.id);
    expect(audit).toMatchObject({ who: admin.user.id, correlationId: 'reset-1' });
  });

  it('lets an administrator set it up with someone, recorded as by the administrator', async () => {
    const details = await enrolmentFor(facilitator.user);
    const newSecret = details.key.replace(/ /g, '');
    expect(newSecret).not.toBe(secret);
    expect(await confirmEnrolment({ user: facilitator.user, code: await wrongCode(newSecret), by: admin.user })).toMatchObject({ ok: false });
    const done = await confirmEnrolment({ user: facilitator.user, code: await generate({ secret: newSecret }), by: admin.user });
    expect(done.ok).toBe(true);
    const audits = await auditFor('auth.second-factor.enrolled', facilitator.user.id);
    expect(audits.at(-1)).toMatchObject({ who: admin.user.id, details: { by: 'administrator' } });
    // The old key no longer works; the new one does.
    const step = await passwordStep(facilitator, '192.0.2.83');
    expect(await signInWithCode({ pendingToken: step.pendingToken, code: await generate({ secret }), address: '192.0.2.83' })).toMatchObject({ ok: false });
    expect((await signInWithCode({ pendingToken: step.pendingToken, code: await freshCode(facilitator.user.id, newSecret), address: '192.0.2.83' })).ok).toBe(true);
  });

  it('signs an analyst straight in, and asks for a code once they choose to use an app', async () => {
    const analyst = await newUser('analyst');
    expect((await signIn({ email: analyst.email, password: analyst.password, address: '192.0.2.84' })).ok).toBe(true);
    const details = await enrolmentFor(analyst.user);
    expect((await confirmEnrolment({ user: analyst.user, code: await generate({ secret: details.key.replace(/ /g, '') }), by: analyst.user })).ok).toBe(true);
    expect(await signIn({ email: analyst.email, password: analyst.password, address: '192.0.2.84' })).toMatchObject({ ok: false, reason: 'second-factor', next: 'code' });
  });

  it('ends a waiting sign-in when the account is disabled', async () => {
    const step = await passwordStep(facilitator, '192.0.2.85');
    await identityDb().update(staffUsers).set({ disabledAt: new Date() }).where(eq(staffUsers.id, facilitator.user.id));
    expect(await signInWithCode({ pendingToken: step.pendingToken, code: '123456', address: '192.0.2.85' })).toEqual({ ok: false, reason: 'expired' });
  });
});
