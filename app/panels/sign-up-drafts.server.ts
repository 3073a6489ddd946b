import { and, eq, lt } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { signUpDrafts } from '#db/identity/schema';
import { SIGN_UP_DRAFT_DAYS } from '~/governance/retention-schedule';
import { signedCookie } from '~/utils/cookies.server';
import { hashToken, newToken } from '~/utils/tokens.server';
import type { SignUpAnswers } from './sign-up-steps.server';

// Set in the retention schedule, which the privacy notice shows.
const KEEP_FOR_MS = SIGN_UP_DRAFT_DAYS * 24 * 60 * 60 * 1000;

export const joinCookie = () => signedCookie('fv_join', { path: '/panels', maxAge: KEEP_FOR_MS / 1000 });

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await joinCookie().parse(request.headers.get('Cookie'));
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** This browser's answers so far for this panel; empty when it has none (or they were for another panel). */
export async function readSignUpDraft(request: Request, panelId: string): Promise<SignUpAnswers> {
  const token = await tokenFrom(request);
  if (!token) return {};
  const [draft] = await identityDb()
    .select({ answers: signUpDrafts.answers, expiresAt: signUpDrafts.expiresAt })
    .from(signUpDrafts)
    .where(and(eq(signUpDrafts.tokenHash, hashToken(token)), eq(signUpDrafts.panelId, panelId)));
  return draft && draft.expiresAt > new Date() ? (draft.answers as SignUpAnswers) : {};
}

/**
 * Saves this browser's answers for the panel and returns the Set-Cookie header. A browser has one
 * sign-up at a time: starting another panel's replaces it.
 */
export async function saveSignUpDraft(request: Request, panelId: string, answers: SignUpAnswers): Promise<string> {
  const token = (await tokenFrom(request)) ?? newToken();
  const expiresAt = new Date(Date.now() + KEEP_FOR_MS);
  await identityDb()
    .insert(signUpDrafts)
    .values({ tokenHash: hashToken(token), panelId, answers, expiresAt })
    .onConflictDoUpdate({ target: signUpDrafts.tokenHash, set: { panelId, answers, expiresAt } });
  return joinCookie().serialize(token);
}

/** Forgets this browser's sign-up (after joining); returns the Set-Cookie header that clears it. */
export async function deleteSignUpDraft(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) await identityDb().delete(signUpDrafts).where(eq(signUpDrafts.tokenHash, hashToken(token)));
  return joinCookie().serialize('', { maxAge: 0 });
}

/** Housekeeping: sign-ups nobody finished. */
export async function pruneSignUpDrafts(now = new Date()): Promise<number> {
  return (await identityDb().delete(signUpDrafts).where(lt(signUpDrafts.expiresAt, now)).returning({ tokenHash: signUpDrafts.tokenHash })).length;
}
