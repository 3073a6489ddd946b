import { eq, sql } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { staffUsers, type StaffUser } from '#db/identity/schema';
import { recordAudit } from '~/governance/audit.server';
import { decoyPasswordHash, verifyPassword } from './password.server';
import { createStaffSession, destroyStaffSession } from './session.server';
import { checkThrottle, recordAttempt, throttleKeys } from './throttle.server';

export type SignInResult =
  | { ok: true; user: StaffUser; token: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

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

  if (previousToken) await destroyStaffSession(previousToken);
  const token = await identityDb().transaction(async (tx) => {
    await tx.update(staffUsers).set({ lastSignInAt: sql`now()` }).where(eq(staffUsers.id, user.id));
    await recordAudit({ who: user.id, what: 'auth.sign-in', subjectId: user.id, subjectType: 'staff_user', correlationId }, tx);
    return createStaffSession(user.id, tx);
  });
  await recordAttempt(keys, true);
  return { ok: true, user, token };
}

export async function signOut({ token, userId, correlationId }: { token: string; userId?: string; correlationId?: string }) {
  await destroyStaffSession(token);
  if (userId) await recordAudit({ who: userId, what: 'auth.sign-out', subjectId: userId, subjectType: 'staff_user', correlationId });
}
