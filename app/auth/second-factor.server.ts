import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { z } from 'zod';
import { identityDb, type IdentityDb } from '#db/identity/client';
import { staffAuthenticators, staffPendingSignIns, staffRecoveryCodes, staffSessions, type StaffUser } from '#db/identity/schema';
import { getEnv } from '~/env.server';
import { recordAudit } from '~/governance/audit.server';
import { hashToken, newToken } from '~/utils/tokens.server';
import { secondFactorRequired } from './roles';

/**
 * The second factor for staff sign-in: a TOTP authenticator app (RFC 6238: 6 digits, 30-second
 * steps, SHA-1, as every authenticator app expects) and ten single-use recovery codes.
 * Required for the roles that can see names, optional for the others (ADR 0022).
 */

export const RECOVERY_CODE_COUNT = 10;
/** A code one step either side of now is accepted, for phones whose clocks drift a little. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** The password step is good for this long while the code is found. */
export const PENDING_SIGN_IN_MINUTES = 10;
/** A secret being set up is kept this long for its first code. */
const ENROLMENT_MINUTES = 30;
const ISSUER = 'Family Voice';

// The secret is kept encrypted under a key derived from SESSION_SECRET: a copy of the identity
// store alone cannot make codes. AES-256-GCM, so a changed value is refused, never misread.
const secretKey = () => Buffer.from(hkdfSync('sha256', getEnv().SESSION_SECRET, 'family-voice', 'totp-secret', 32));

function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function openSecret(sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', secretKey(), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

const recoveryHash = (userId: string, code: string) => createHmac('sha256', getEnv().SESSION_SECRET).update(`recovery:${userId}:${code}`).digest('base64url');

// No 0/O, 1/I/L or U/V: codes are read from paper and typed.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstwxyz23456789';
function newRecoveryCode(): string {
  const part = () => Array.from({ length: 5 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${part()}-${part()}`;
}

/** What someone types: spaces and case do not matter, and a recovery code's dash is optional. */
export function normaliseCode(input: string): { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | null {
  const compact = input.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  if (compact.length === 10 && [...compact].every((character) => RECOVERY_ALPHABET.includes(character))) {
    return { kind: 'recovery', code: `${compact.slice(0, 5)}-${compact.slice(5)}` };
  }
  return null;
}

export interface AuthenticatorStatus {
  enrolled: boolean;
  enrolledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function authenticatorStatus(userId: string): Promise<AuthenticatorStatus> {
  const db = identityDb();
  const [[row], [codes]] = await Promise.all([
    db.select({ secret: staffAuthenticators.secret, enrolledAt: staffAuthenticators.enrolledAt }).from(staffAuthenticators).where(eq(staffAuthenticators.userId, userId)),
    db.select({ count: sql<number>`count(*)::int` }).from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId)),
  ]);
  return { enrolled: Boolean(row?.secret), enrolledAt: row?.enrolledAt ?? null, recoveryCodesLeft: codes?.count ?? 0 };
}

/** Whether signing in as this person needs a code after the password, and whether they must set one up first. */
export async function secondFactorFor(user: Pick<StaffUser, 'id' | 'role'>): Promise<'none' | 'code' | 'enrol'> {
  const { enrolled } = await authenticatorStatus(user.id);
  if (enrolled) return 'code';
  return secondFactorRequired(user.role) ? 'enrol' : 'none';
}

export interface EnrolmentDetails {
  /** The key in groups of four, for typing into an app by hand. */
  key: string;
  uri: string;
  /** The QR code as an SVG data URI, for an img element. */
  qrCode: string;
}

/**
 * The secret being set up for someone: the one already started if it is recent, so reloading the
 * page does not change the QR code under a phone that is scanning it, or a new one.
 */
export async function enrolmentFor(user: Pick<StaffUser, 'id' | 'email'>): Promise<EnrolmentDetails> {
  const db = identityDb();
  const [row] = await db
    .select({ pending: staffAuthenticators.pendingSecret })
    .from(staffAuthenticators)
    .where(and(eq(staffAuthenticators.userId, user.id), gt(staffAuthenticators.pendingStartedAt, sql`now() - make_interval(mins => ${ENROLMENT_MINUTES})`)));
  let secret = row?.pending ? openSecret(row.pending) : null;
  if (!secret) {
    secret = generateSecret();
    const sealed = sealSecret(secret);
    await db
      .insert(staffAuthenticators)
      .values({ userId: user.id, pendingSecret: sealed, pendingStartedAt: sql`now()` })
      .onConflictDoUpdate({ target: staffAuthenticators.userId, set: { pendingSecret: sealed, pendingStartedAt: sql`now()` } });
  }
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret });
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { key: secret.match(/.{1,4}/g)!.join(' '), uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export type CodeCheck = { ok: true; used: 'authenticator' | 'recovery-code' } | { ok: false };

async function acceptTotp(db: IdentityDb, userId: string, sealed: string, code: string, column: 'secret' | 'pending'): Promise<boolean> {
  const [row] = await db.select({ lastUsedStep: staffAuthenticators.lastUsedStep }).from(staffAuthenticators).where(eq(staffAuthenticators.userId, userId));
  const result = await verify({ secret: openSecret(sealed), token: code, epochTolerance: CLOCK_TOLERANCE_SECONDS, afterTimeStep: column === 'secret' ? (row?.lastUsedStep ?? 0) : undefined });
  if (!result.valid || !('timeStep' in result)) return false;
  // Claims the step atomically: two requests racing with the same code cannot both pass.
  const claimed = await db
    .update(staffAuthenticators)
    .set({ lastUsedStep: result.timeStep })
    .where(and(eq(staffAuthenticators.userId, userId), column === 'secret' ? lt(staffAuthenticators.lastUsedStep, result.timeStep) : undefined))
    .returning({ userId: staffAuthenticators.userId });
  return claimed.length === 1;
}

/** Checks a code from the app or a recovery code (used up) for someone who has set one up. */
export async function checkSecondFactor(userId: string, input: string, db: IdentityDb = identityDb()): Promise<CodeCheck> {
  const code = normaliseCode(input);
  if (!code) return { ok: false };
  if (code.kind === 'recovery') {
    const used = await db
      .delete(staffRecoveryCodes)
      .where(and(eq(staffRecoveryCodes.userId, userId), eq(staffRecoveryCodes.codeHash, recoveryHash(userId, code.code))))
      .returning({ userId: staffRecoveryCodes.userId });
    return used.length === 1 ? { ok: true, used: 'recovery-code' } : { ok: false };
  }
  const [row] = await db.select({ secret: staffAuthenticators.secret }).from(staffAuthenticators).where(eq(staffAuthenticators.userId, userId));
  if (!row?.secret) return { ok: false };
  return (await acceptTotp(db, userId, row.secret, code.code, 'secret')) ? { ok: true, used: 'authenticator' } : { ok: false };
}

async function replaceRecoveryCodes(db: IdentityDb, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await db.insert(staffRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: recoveryHash(userId, code) })));
  return codes;
}

/** The first code from a new app, as a set-up form sends it; its digits are checked by `confirmEnrolment`. */
export const enrolmentCodeSchema = z.object({
  code: z.string().max(40, 'Enter the 6-digit code your authenticator app shows').default(''),
});

export type EnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; message: string };

/**
 * Finishes setting up: the first code from the new secret proves the app has it. The new secret
 * replaces any old one, and new recovery codes replace the old ones, all at once. `by` is the
 * person themselves or the administrator setting it up with them.
 */
export async function confirmEnrolment({ user, code, by, correlationId }: { user: StaffUser; code: string; by: StaffUser; correlationId?: string }): Promise<EnrolmentResult> {
  const digits = normaliseCode(code);
  if (digits?.kind !== 'totp') return { ok: false, message: 'Enter the 6-digit code your authenticator app shows' };
  return identityDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ pending: staffAuthenticators.pendingSecret })
      .from(staffAuthenticators)
      .where(and(eq(staffAuthenticators.userId, user.id), gt(staffAuthenticators.pendingStartedAt, sql`now() - make_interval(mins => ${ENROLMENT_MINUTES})`)))
      .for('update');
    if (!row?.pending) return { ok: false, message: 'The set-up has timed out: scan the new QR code and enter its code' };
    if (!(await acceptTotp(tx, user.id, row.pending, digits.code, 'pending'))) return { ok: false, message: 'The code is not right: enter the code your app shows now' };
    await tx
      .update(staffAuthenticators)
      .set({ secret: row.pending, pendingSecret: null, pendingStartedAt: null, enrolledAt: sql`now()`, enrolledBy: by.id })
      .where(eq(staffAuthenticators.userId, user.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(
      { who: by.id, what: 'auth.second-factor.enrolled', subjectId: user.id, subjectType: 'staff_user', correlationId, details: { by: by.id === user.id ? 'self' : 'administrator' } },
      tx,
    );
    return { ok: true, recoveryCodes };
  });
}

/** Demo data and tests only: an authenticator with a published key, and no recovery codes. */
export async function enrolKnownSecret(userId: string, secret: string, db: IdentityDb = identityDb()): Promise<void> {
  const sealed = sealSecret(secret);
  await db
    .insert(staffAuthenticators)
    .values({ userId, secret: sealed, enrolledAt: sql`now()` })
    .onConflictDoUpdate({ target: staffAuthenticators.userId, set: { secret: sealed, enrolledAt: sql`now()`, pendingSecret: null, pendingStartedAt: null, lastUsedStep: 0 } });
}

/** New recovery codes for someone with an authenticator; the old ones stop working. */
export async function renewRecoveryCodes({ user, correlationId }: { user: StaffUser; correlationId?: string }): Promise<string[] | null> {
  return identityDb().transaction(async (tx) => {
    const [row] = await tx.select({ secret: staffAuthenticators.secret }).from(staffAuthenticators).where(eq(staffAuthenticators.userId, user.id));
    if (!row?.secret) return null;
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit({ who: user.id, what: 'auth.second-factor.recovery-codes', subjectId: user.id, subjectType: 'staff_user', correlationId }, tx);
    return codes;
  });
}

/**
 * An administrator removes someone's authenticator (a lost phone): their recovery codes, sessions
 * and half-finished sign-ins go too, so they set up a new one at their next sign-in.
 */
export async function resetSecondFactor({ user, by, correlationId }: { user: StaffUser; by: StaffUser; correlationId?: string }): Promise<void> {
  await identityDb().transaction(async (tx) => {
    await tx.delete(staffAuthenticators).where(eq(staffAuthenticators.userId, user.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, user.id));
    await tx.delete(staffSessions).where(eq(staffSessions.userId, user.id));
    await tx.delete(staffPendingSignIns).where(eq(staffPendingSignIns.userId, user.id));
    await recordAudit({ who: by.id, what: 'auth.second-factor.reset', subjectId: user.id, subjectType: 'staff_user', correlationId }, tx);
  });
}

/** After a right password: a short-lived token that only the code page accepts. */
export async function startPendingSignIn(userId: string, db: IdentityDb = identityDb()): Promise<string> {
  const token = newToken();
  await db.delete(staffPendingSignIns).where(eq(staffPendingSignIns.userId, userId));
  await db.insert(staffPendingSignIns).values({ tokenHash: hashToken(token), userId, expiresAt: sql`now() + make_interval(mins => ${PENDING_SIGN_IN_MINUTES})` });
  return token;
}

export async function findPendingSignIn(token: string): Promise<string | null> {
  const [row] = await identityDb()
    .select({ userId: staffPendingSignIns.userId })
    .from(staffPendingSignIns)
    .where(and(eq(staffPendingSignIns.tokenHash, hashToken(token)), gt(staffPendingSignIns.expiresAt, sql`now()`)));
  return row?.userId ?? null;
}

export async function endPendingSignIn(token: string, db: IdentityDb = identityDb()): Promise<void> {
  await db.delete(staffPendingSignIns).where(eq(staffPendingSignIns.tokenHash, hashToken(token)));
}

/** Lapsed half-finished sign-ins and set-ups never finished; removed by housekeeping. */
export async function pruneSecondFactorLeftovers(): Promise<void> {
  const db = identityDb();
  await db.delete(staffPendingSignIns).where(lt(staffPendingSignIns.expiresAt, sql`now()`));
  await db
    .update(staffAuthenticators)
    .set({ pendingSecret: null, pendingStartedAt: null })
    .where(lt(staffAuthenticators.pendingStartedAt, sql`now() - make_interval(mins => ${ENROLMENT_MINUTES})`));
  await db.delete(staffAuthenticators).where(and(sql`${staffAuthenticators.secret} is null`, sql`${staffAuthenticators.pendingSecret} is null`));
}
