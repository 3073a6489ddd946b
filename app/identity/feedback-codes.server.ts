import { hashToken, newToken } from '~/utils/tokens.server';
import { and, eq } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { feedbackCodes } from '#db/identity/schema';

export const FEEDBACK_CODE = /^[A-Za-z0-9_-]{43}$/;

/** A new code for one attendee's feedback link (a repeat for the same invitation replaces it). */
export async function createFeedbackCode({ sessionId, invitationId }: { sessionId: string; invitationId: string }): Promise<string> {
  const code = newToken();
  await identityDb()
    .insert(feedbackCodes)
    .values({ codeHash: hashToken(code), sessionId, invitationId })
    .onConflictDoUpdate({ target: feedbackCodes.invitationId, set: { codeHash: hashToken(code), used: false } });
  return code;
}

/**
 * Uses a code once and says which session it was for; a used, unknown or garbled code gives null.
 * One atomic update, so two tabs racing with the same link cannot both get the session.
 */
export async function claimFeedbackCode(code: string): Promise<string | null> {
  if (!FEEDBACK_CODE.test(code)) return null;
  const [row] = await identityDb()
    .update(feedbackCodes)
    .set({ used: true })
    .where(and(eq(feedbackCodes.codeHash, hashToken(code)), eq(feedbackCodes.used, false)))
    .returning({ sessionId: feedbackCodes.sessionId });
  return row?.sessionId ?? null;
}
