import { hashToken, newToken } from '~/utils/tokens.server';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { consents, panelMemberships, participants, signUpConfirmations, type Participant } from '#db/identity/schema';
import { recordAudit } from '~/governance/audit.server';
import { PRIVACY_NOTICE_VERSION } from './participants.server';

export type ConfirmationKind = 'existing-member' | 'guardian';
const LIFETIME_DAYS = 7;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A single-use link for someone to confirm a sign-up through a contact we already hold. Returns the token. */
export async function createConfirmation({ kind, participantId, panelId }: { kind: ConfirmationKind; participantId: string; panelId: string }): Promise<string> {
  const token = newToken();
  await identityDb()
    .insert(signUpConfirmations)
    .values({ tokenHash: hashToken(token), kind, participantId, panelId, expiresAt: sql`now() + make_interval(days => ${LIFETIME_DAYS})` });
  return token;
}

export type PendingConfirmation = { kind: ConfirmationKind; panelId: string; participant: Participant };

/** What a confirmation link is for, if it is real and still open. */
export async function findConfirmation(token: string): Promise<PendingConfirmation | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const [row] = await identityDb()
    .select({ kind: signUpConfirmations.kind, panelId: signUpConfirmations.panelId, participant: participants })
    .from(signUpConfirmations)
    .innerJoin(participants, eq(participants.id, signUpConfirmations.participantId))
    .where(and(eq(signUpConfirmations.tokenHash, hashToken(token)), gt(signUpConfirmations.expiresAt, sql`now()`)));
  return row ? { ...row, kind: row.kind as ConfirmationKind } : undefined;
}

/**
 * Uses a confirmation link once: an existing member joins the panel they asked for (their details
 * stay as they were); a parent or guardian's agreement makes an under-16's membership active and is
 * recorded as consent. Returns what was confirmed, or undefined for a used, expired or unknown link.
 */
export async function confirmSignUp({ token, correlationId }: { token: string; correlationId?: string }): Promise<PendingConfirmation | undefined> {
  if (!TOKEN.test(token)) return undefined;
  return identityDb().transaction(async (tx) => {
    const [row] = await tx
      .delete(signUpConfirmations)
      .where(and(eq(signUpConfirmations.tokenHash, hashToken(token)), gt(signUpConfirmations.expiresAt, sql`now()`)))
      .returning();
    if (!row) return undefined;
    const [participant] = await tx.select().from(participants).where(eq(participants.id, row.participantId));
    if (!participant) return undefined;
    const guardian = row.kind === 'guardian';
    await tx
      .insert(panelMemberships)
      .values({ participantId: row.participantId, panelId: row.panelId, status: 'active' })
      .onConflictDoUpdate({ target: [panelMemberships.participantId, panelMemberships.panelId], set: { status: 'active' } });
    await tx.insert(consents).values({ participantId: row.participantId, researchParticipation: true, contact: true, privacyNoticeVersion: PRIVACY_NOTICE_VERSION, guardianConsent: guardian });
    await recordAudit({ who: guardian ? 'guardian' : 'participant', what: guardian ? 'participants.guardian-agreed' : 'participants.join-confirmed', subjectId: row.participantId, subjectType: 'participant', correlationId, details: { panelId: row.panelId } }, tx);
    return { kind: row.kind as ConfirmationKind, panelId: row.panelId, participant };
  });
}

/**
 * Confirmation links that have run out. A member's own link simply goes; a guardian's is returned
 * (young person and panel), left in place until the caller has dealt with the young person.
 */
export async function expiredConfirmations(now = new Date()): Promise<{ tokenHash: string; participantId: string; panelId: string }[]> {
  await identityDb()
    .delete(signUpConfirmations)
    .where(and(lt(signUpConfirmations.expiresAt, now), eq(signUpConfirmations.kind, 'existing-member')));
  return identityDb()
    .select({ tokenHash: signUpConfirmations.tokenHash, participantId: signUpConfirmations.participantId, panelId: signUpConfirmations.panelId })
    .from(signUpConfirmations)
    .where(and(lt(signUpConfirmations.expiresAt, now), eq(signUpConfirmations.kind, 'guardian')));
}

/** Removes a guardian's request that was never answered, and the membership waiting on it. */
export async function dropGuardianRequest(request: { tokenHash: string; participantId: string; panelId: string }): Promise<void> {
  await identityDb().transaction(async (tx) => {
    await tx.delete(signUpConfirmations).where(eq(signUpConfirmations.tokenHash, request.tokenHash));
    await tx
      .delete(panelMemberships)
      .where(and(eq(panelMemberships.participantId, request.participantId), eq(panelMemberships.panelId, request.panelId), eq(panelMemberships.status, 'awaiting-guardian')));
  });
}

/** Whether the person belongs to any panel (not counting ones still waiting for a guardian). */
export async function hasActiveMembership(participantId: string): Promise<boolean> {
  const rows = await identityDb()
    .select({ panelId: panelMemberships.panelId })
    .from(panelMemberships)
    .where(and(eq(panelMemberships.participantId, participantId), eq(panelMemberships.status, 'active')))
    .limit(1);
  return rows.length > 0;
}
