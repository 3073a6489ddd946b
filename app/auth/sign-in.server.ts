import { eq, sql } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { staffUsers, type StaffUser } from '#db/identity/schema';
import { recordAudit } from '~/governance/audit.server';
import { decoyPasswordHash, verifyPassword } from './password.server';
import { createStaffSession, destroyStaffSession } from './session.server';
import { checkSecondFactor, confirmEnrolment, endPendingSignIn, findPendingSignIn, secondFactorFor, startPendingSignIn } from './second-factor.server';
import { checkThrottle, recordAttempt, throttleKeys } from './throttle.server';

export type SignInResult =
  | { ok: true; user: StaffUser; token: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }
  /** The password was right; a code from the authenticator app (or setting one up) comes next. */
  | { ok: false; reason: 'second-factor'; next: 'code' | 'enrol'; pendingToken: string };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Checks an email and password, throttles repeated failures per account and per address, and on
 * success replaces any previous session with a new one. Every outcome is audited; the response to
 * the person never says whether the email exists.
 */
export async function signIn({
  email,
  password,
  address,
  previousToken,
  correlationId,
}: {
  email: string;
  password: string;
  address: string;
  previousToken?: string | null;
  correlationId?: string;
}): Promise<SignInResult> {
  const normalised = normaliseEmail(email);
  const keys = throttleKeys({ email: normalised, address });
  const throttle = await checkThrottle(keys);
  if (throttle.locked) {
    await recordAudit({ who: 'anonymous', what: 'auth.sign-in.throttled', correlationId, details: { retryAfterSeconds: throttle.retryAfterSeconds } });
    return { ok: false, reason: 'locked', retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const [user] = await identityDb().select().from(staffUsers).where(eq(staffUsers.email, normalised));
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordMatches || user.disabledAt) {
    const reason = !user ? 'unknown-account' : user.disabledAt ? 'account-disabled' : 'wrong-password';
    await recordAttempt(keys, false);
    await recordAudit({
      who: 'anonymous',
      what: 'auth.sign-in.failed',
      subjectId: user?.id ?? null,
      subjectType: user ? 'staff_user' : null,
      correlationId,
      details: { reason },
    });
    return { ok: false, reason: 'invalid' };
  }

  await recordAttempt(keys, true);
  const secondFactor = await secondFactorFor(user);
  if (secondFactor !== 'none') {
    await recordAudit({ who: user.id, what: 'auth.sign-in.password', subjectId: user.id, subjectType: 'staff_user', correlationId, details: { next: secondFactor } });
    return { ok: false, reason: 'second-factor', next: secondFactor, pendingToken: await startPendingSignIn(user.id) };
  }
  if (previousToken) await destroyStaffSession(previousToken);
  const token = await openSession(user, correlationId);
  return { ok: true, user, token };
}

async function openSession(user: StaffUser, correlationId: string | undefined, details: Record<string, unknown> = {}, pendingToken?: string): Promise<string> {
  return identityDb().transaction(async (tx) => {
    if (pendingToken) await endPendingSignIn(pendingToken, tx);
    await tx.update(staffUsers).set({ lastSignInAt: sql`now()` }).where(eq(staffUsers.id, user.id));
    await recordAudit({ who: user.id, what: 'auth.sign-in', subjectId: user.id, subjectType: 'staff_user', correlationId, details }, tx);
    return createStaffSession(user.id, tx);
  });
}

export type PendingSignIn = { state: 'none' } | { state: 'code' | 'enrol'; user: StaffUser };

/** Whose password step a pending token stands for, and what they must do next. */
export async function pendingSignIn(pendingToken: string | null): Promise<PendingSignIn> {
  const userId = pendingToken ? await findPendingSignIn(pendingToken) : null;
  if (!userId) return { state: 'none' };
  const [user] = await identityDb().select().from(staffUsers).where(eq(staffUsers.id, userId));
  if (!user || user.disabledAt) return { state: 'none' };
  const next = await secondFactorFor(user);
  return next === 'none' ? { state: 'none' } : { state: next, user };
}

export type CodeSignInResult =
  | { ok: true; user: StaffUser; token: string }
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

/**
 * The second step: a code from the authenticator app or a recovery code. Wrong codes are throttled
 * as passwords are (per account and per address), and a code is never accepted twice.
 */
export async function signInWithCode({
  pendingToken,
  code,
  address,
  previousToken,
  correlationId,
}: {
  pendingToken: string | null;
  code: string;
  address: string;
  previousToken?: string | null;
  correlationId?: string;
}): Promise<CodeSignInResult> {
  const pending = await pendingSignIn(pendingToken);
  if (pending.state !== 'code') return { ok: false, reason: 'expired' };
  const { user } = pending;
  const keys = throttleKeys({ email: `second-factor:${user.id}`, address });
  const throttle = await checkThrottle(keys);
  if (throttle.locked) {
    await recordAudit({ who: 'anonymous', what: 'auth.second-factor.throttled', subjectId: user.id, subjectType: 'staff_user', correlationId, details: { retryAfterSeconds: throttle.retryAfterSeconds } });
    return { ok: false, reason: 'locked', retryAfterSeconds: throttle.retryAfterSeconds };
  }
  const check = await checkSecondFactor(user.id, code);
  await recordAttempt(keys, check.ok);
  if (!check.ok) {
    await recordAudit({ who: 'anonymous', what: 'auth.second-factor.failed', subjectId: user.id, subjectType: 'staff_user', correlationId });
    return { ok: false, reason: 'invalid' };
  }
  if (previousToken) await destroyStaffSession(previousToken);
  const token = await openSession(user, correlationId, { secondFactor: check.used }, pendingToken!);
  return { ok: true, user, token };
}

export type EnrolSignInResult = { ok: true; user: StaffUser; token: string; recoveryCodes: string[] } | { ok: false; reason: 'expired' } | { ok: false; reason: 'invalid'; message: string };

/** Someone who must use an authenticator and has none sets one up as they sign in. */
export async function signInWithEnrolment({
  pendingToken,
  code,
  previousToken,
  correlationId,
}: {
  pendingToken: string | null;
  code: string;
  previousToken?: string | null;
  correlationId?: string;
}): Promise<EnrolSignInResult> {
  const pending = await pendingSignIn(pendingToken);
  if (pending.state !== 'enrol') return { ok: false, reason: 'expired' };
  const result = await confirmEnrolment({ user: pending.user, code, by: pending.user, correlationId });
  if (!result.ok) return { ok: false, reason: 'invalid', message: result.message };
  if (previousToken) await destroyStaffSession(previousToken);
  const token = await openSession(pending.user, correlationId, { secondFactor: 'authenticator' }, pendingToken!);
  return { ok: true, user: pending.user, token, recoveryCodes: result.recoveryCodes };
}

export async function signOut({ token, userId, correlationId }: { token: string; userId?: string; correlationId?: string }) {
  await destroyStaffSession(token);
  if (userId) await recordAudit({ who: userId, what: 'auth.sign-out', subjectId: userId, subjectType: 'staff_user', correlationId });
}
