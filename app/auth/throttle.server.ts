import { createHmac } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { signInAttempts } from '#db/identity/schema';
import { getEnv } from '~/env.server';

export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 5;

export interface ThrottleKeys {
  accountKey: string;
  addressKey: string;
}

/** Keyed hashes of the email and network address: the table never holds either in the clear. */
export function throttleKeys({ email, address }: { email: string; address: string }): ThrottleKeys {
  const key = getEnv().SESSION_SECRET;
  const digest = (value: string) => createHmac('sha256', key).update(value).digest('base64url');
  return { accountKey: digest(`account:${email}`), addressKey: digest(`address:${address}`) };
}

/**
 * Whether this account or this address has had MAX_FAILURES failed sign-ins in the last
 * WINDOW_MINUTES, and if so how long until the oldest of them leaves the window.
 */
export async function checkThrottle(keys: ThrottleKeys): Promise<{ locked: false } | { locked: true; retryAfterSeconds: number }> {
  const windowStart = sql`now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const failuresFor = (column: typeof signInAttempts.accountKey | typeof signInAttempts.addressKey, value: string) =>
    identityDb()
      .select({ count: sql<number>`count(*)::int`, oldest: sql<string>`min(${signInAttempts.attemptedAt})` })
      .from(signInAttempts)
      .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, windowStart)));
  const [[account], [address]] = await Promise.all([
    failuresFor(signInAttempts.accountKey, keys.accountKey),
    failuresFor(signInAttempts.addressKey, keys.addressKey),
  ]);
  const blocking = [account, address].filter((row) => row && row.count >= MAX_FAILURES);
  if (blocking.length === 0) return { locked: false };
  const oldest = Math.max(...blocking.map((row) => new Date(row!.oldest).getTime()));
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + WINDOW_MINUTES * 60_000 - Date.now()) / 1000));
  return { locked: true, retryAfterSeconds };
}

export async function recordAttempt(keys: ThrottleKeys, succeeded: boolean): Promise<void> {
  await identityDb().insert(signInAttempts).values({ ...keys, succeeded });
}

/** Attempts older than a day serve no purpose; removed at start-up. */
export async function pruneAttempts(days = 1): Promise<number> {
  const gone = await identityDb().delete(signInAttempts).where(lt(signInAttempts.attemptedAt, sql`now() - make_interval(days => ${days})`)).returning({ id: signInAttempts.id });
  return gone.length;
}

