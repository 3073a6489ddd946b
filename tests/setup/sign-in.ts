import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { identityDb } from '#db/identity/client';
import { staffAuthenticators, staffUsers } from '#db/identity/schema';
import { DEMO_TOTP_SECRET } from '#db/seed/staff';
import { enrolmentFor } from '~/auth/second-factor.server';
import { signIn, signInWithCode, signInWithEnrolment } from '~/auth/sign-in.server';

const knownSecrets = new Map<string, string>();

/** For a test that set up someone's app itself: later sign-ins here use its key. */
export const rememberAuthenticatorKey = (userId: string, key: string) => knownSecrets.set(userId, key.replace(/ /g, ''));

/** A code for the first 30-second step (now or the next, which the server also accepts) not used yet, waiting if both are. */
export async function freshCode(userId: string, secret: string): Promise<string> {
  for (;;) {
    const [row] = await identityDb().select({ last: staffAuthenticators.lastUsedStep }).from(staffAuthenticators).where(eq(staffAuthenticators.userId, userId));
    const now = Math.floor(Date.now() / 1000);
    const step = Math.floor(now / 30);
    const last = row?.last ?? 0;
    if (step > last) return generate({ secret, epoch: now });
    if (step + 1 > last && now % 30 >= 5) return generate({ secret, epoch: now + 30 });
    await new Promise((resolve) => setTimeout(resolve, (30 - (now % 30)) * 1000 + 100));
  }
}

/**
 * Signs staff in as the pages do: the password, then the authenticator code, setting one up first
 * (and remembering its key) for a role that needs one and has none.
 */
export async function signInStaff(args: Parameters<typeof signIn>[0]) {
  const first = await signIn(args);
  if (first.ok || first.reason !== 'second-factor') return first;
  const [user] = await identityDb().select().from(staffUsers).where(eq(staffUsers.email, args.email.trim().toLowerCase()));
  if (!user) throw new Error('no such user');
  if (first.next === 'enrol') {
    const secret = (await enrolmentFor(user)).key.replace(/ /g, '');
    knownSecrets.set(user.id, secret);
    const done = await signInWithEnrolment({ pendingToken: first.pendingToken, code: await generate({ secret }) });
    if (!done.ok) throw new Error(`enrolment failed: ${done.reason}`);
    return { ok: true as const, user: done.user, token: done.token };
  }
  const secret = knownSecrets.get(user.id) ?? DEMO_TOTP_SECRET;
  const done = await signInWithCode({ pendingToken: first.pendingToken, code: await freshCode(user.id, secret), address: args.address });
  if (!done.ok) throw new Error(`code refused: ${done.reason}`);
  return done;
}
