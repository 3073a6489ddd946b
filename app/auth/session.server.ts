import { hashToken, newToken } from '~/utils/tokens.server';
import { eq, lt, or, sql } from 'drizzle-orm';
import { identityDb, type IdentityDb } from '#db/identity/client';
import { staffSessions, staffUsers, type StaffUser } from '#db/identity/schema';
import { signedCookie } from '~/utils/cookies.server';
import { STAFF_SESSION_LIMITS } from '~/governance/retention-schedule';

// Set in the retention schedule, which the privacy notice shows.
export const IDLE_TIMEOUT_MINUTES = STAFF_SESSION_LIMITS.idleMinutes;
/** However busy, a session ends this long after sign-in, so a stolen cookie does not live for ever. */
export const ABSOLUTE_LIFETIME_HOURS = STAFF_SESSION_LIMITS.absoluteHours;
// last_seen_at is refreshed at most this often, so browsing does not write on every request.
const TOUCH_AFTER_SECONDS = 60;

let cookie: ReturnType<typeof signedCookie> | undefined;

/** Signed, HttpOnly, SameSite=Lax; Secure in production. It holds only a random token. */
export function sessionCookie() {
  cookie ??= signedCookie('fv_session');
  return cookie;
}

let pendingCookie: ReturnType<typeof signedCookie> | undefined;

/** Between the password and the code: a random token for the pending sign-in, lapsing with it. */
export function pendingSignInCookie() {
  pendingCookie ??= signedCookie('fv_pending_sign_in', { maxAge: 10 * 60 });
  return pendingCookie;
}

/** Starts a new session (a new token every sign-in, so a planted cookie is never promoted). */
export async function createStaffSession(userId: string, db: IdentityDb = identityDb()): Promise<string> {
  const token = newToken();
  await db.insert(staffSessions).values({ tokenHash: hashToken(token), userId });
  return token;
}

export async function destroyStaffSession(token: string): Promise<void> {
  await identityDb().delete(staffSessions).where(eq(staffSessions.tokenHash, hashToken(token)));
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; user: StaffUser };

/**
 * Finds the signed-in user for a session token, ending the session if it has been idle for
 * IDLE_TIMEOUT_MINUTES, started more than ABSOLUTE_LIFETIME_HOURS ago, or the account has been disabled.
 */
export async function lookupStaffSession(token: string): Promise<SessionLookup> {
  const db = identityDb();
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      user: staffUsers,
      idleSeconds: sql<number>`extract(epoch from (now() - ${staffSessions.lastSeenAt}))::float8`,
      ageSeconds: sql<number>`extract(epoch from (now() - ${staffSessions.createdAt}))::float8`,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.tokenHash, tokenHash));
  if (!row) return { state: 'none' };
  if (row.idleSeconds > IDLE_TIMEOUT_MINUTES * 60 || row.ageSeconds > ABSOLUTE_LIFETIME_HOURS * 3600 || row.user.disabledAt) {
    await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
    return { state: 'expired' };
  }
  if (row.idleSeconds > TOUCH_AFTER_SECONDS) {
    await db.update(staffSessions).set({ lastSeenAt: sql`now()` }).where(eq(staffSessions.tokenHash, tokenHash));
  }
  return { state: 'active', user: row.user };
}

/** Sessions idle past the timeout or past their lifetime are dead anyway; removed by the retention job. */
export async function pruneStaffSessions(): Promise<number> {
  const gone = await identityDb()
    .delete(staffSessions)
    .where(
      or(
        lt(staffSessions.lastSeenAt, sql`now() - make_interval(mins => ${IDLE_TIMEOUT_MINUTES})`),
        lt(staffSessions.createdAt, sql`now() - make_interval(hours => ${ABSOLUTE_LIFETIME_HOURS})`),
      ),
    )
    .returning({ tokenHash: staffSessions.tokenHash });
  return gone.length;
}
