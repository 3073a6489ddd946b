import { and, desc, eq, inArray, isNotNull, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { auditEvents, consents, invitations, outboxMessages, participants } from '#db/identity/schema';
import { pruneStaffSessions } from '~/auth/session.server';
import { pruneAttempts } from '~/auth/throttle.server';
import { queueForMember } from '~/identity/messages.server';
import { pruneWithdrawnLinks } from '~/identity/participants.server';
import { pruneSignUpDrafts } from '~/panels/sign-up-drafts.server';
import { withdrawParticipant } from '~/panels/withdraw.server';
import { pruneDrafts } from '~/surveys/drafts.server';
import { publicUrl } from '~/utils/public-url.server';
import { hashToken, newToken } from '~/utils/tokens.server';
import { recordAudit } from './audit.server';
import { periodText, RETENTION_DAYS, wholeYears, type RetentionKey } from './retention-schedule';

export type RetentionCounts = Record<RetentionKey, number>;

/** The moment a period ago, counted as the notice says it (see wholeYears). */
const olderThan = (days: number) => {
  const years = wholeYears(days);
  return years === null ? sql`now() - make_interval(days => ${days})` : sql`now() - make_interval(years => ${years})`;
};

/** Sent, failed and held messages past their time; ones still being delivered stay. */
async function pruneOutbox(): Promise<number> {
  const gone = await identityDb()
    .delete(outboxMessages)
    .where(and(notInArray(outboxMessages.status, ['queued', 'sending']), lt(outboxMessages.createdAt, olderThan(RETENTION_DAYS.outboxMessages))))
    .returning({ id: outboxMessages.id });
  return gone.length;
}

/** Invitations (their expiry is the session's start) long past; reminders and feedback codes go with them. */
async function prunePastInvitations(): Promise<number> {
  const gone = await identityDb().delete(invitations).where(lt(invitations.expiresAt, olderThan(RETENTION_DAYS.pastInvitations))).returning({ id: invitations.id });
  return gone.length;
}

/**
 * When a member last did anything: joined, changed their details, agreed again, answered an
 * invitation, or chose to stay after a notice.
 */
const lastActive = sql`greatest(
  ${participants.createdAt}, ${participants.updatedAt}, coalesce(${participants.keptAt}, ${participants.createdAt}),
  coalesce((select max(${invitations.respondedAt}) from ${invitations} where ${invitations.participantId} = ${participants.id}), ${participants.createdAt}),
  coalesce((select max(${consents.consentedAt}) from ${consents} where ${consents.participantId} = ${participants.id}), ${participants.createdAt})
)`;

/** Tells members inactive for two years that their details will be removed, with a link to stay. */
async function sendInactivityNotices(): Promise<number> {
  const due = await identityDb()
    .select()
    .from(participants)
    .where(and(isNull(participants.inactivityNoticeAt), lt(lastActive, olderThan(RETENTION_DAYS.inactiveMembers))));
  for (const member of due) {
    const token = newToken();
    await identityDb().update(participants).set({ inactivityNoticeAt: sql`now()`, inactivityNoticeTokenHash: hashToken(token) }).where(eq(participants.id, member.id));
    // No notice in the outbox, no clock running: the member is asked again next run.
    const unsent = () => identityDb().update(participants).set({ inactivityNoticeAt: null, inactivityNoticeTokenHash: null }).where(eq(participants.id, member.id));
    await queueForMember(member, {
      subject: 'Do you want to stay on the Family Voice panel?',
      text: `Hello ${member.fullName},\n\nYou have not taken part in a Family Voice panel for ${periodText(RETENTION_DAYS.inactiveMembers)}. If you want to stay on the panel, open this link within ${periodText(RETENTION_DAYS.inactivityNotice)} and choose to stay:\n${publicUrl(`/panels/stay/${token}`)}\n\nIf you do nothing, we will delete your contact details after ${periodText(RETENTION_DAYS.inactivityNotice)}. Answers you gave stay in our research without your name.\n\nFamily Voice`,
    }).catch(async (error: unknown) => {
      await unsent();
      throw error;
    });
  }
  return due.length;
}

/** Members told 30 days ago who have not chosen to stay or taken part since: removed as if they had left. */
async function removeInactiveMembers(): Promise<number> {
  const due = await identityDb()
    .select({ id: participants.id, active: sql<boolean>`${lastActive} > ${participants.inactivityNoticeAt}` })
    .from(participants)
    .where(and(isNotNull(participants.inactivityNoticeAt), lt(participants.inactivityNoticeAt, olderThan(RETENTION_DAYS.inactivityNotice))));
  const stayed = due.filter((member) => member.active).map((member) => member.id);
  if (stayed.length > 0) {
    await identityDb().update(participants).set({ inactivityNoticeAt: null, inactivityNoticeTokenHash: null }).where(inArray(participants.id, stayed));
  }
  const removed = due.filter((member) => !member.active);
  for (const member of removed) await withdrawParticipant({ participantId: member.id, deleteAnswers: false });
  return removed.length;
}

async function pruneAudit(): Promise<number> {
  const gone = await identityDb().delete(auditEvents).where(lt(auditEvents.occurredAt, olderThan(RETENTION_DAYS.auditEvents))).returning({ id: auditEvents.id });
  return gone.length;
}

/**
 * Applies the whole schedule once and records what it deleted, by count only, in the audit trail
 * (`retention.run`). Each step is its own transaction: a failure stops the run and is logged by
 * the queue, and the next run carries on from where the data are.
 */
export async function runRetention({ trigger = 'schedule', by = 'system', now = new Date() }: { trigger?: 'schedule' | 'administrator'; by?: string; now?: Date } = {}): Promise<RetentionCounts> {
  const counts: RetentionCounts = {
    surveyDrafts: await pruneDrafts(RETENTION_DAYS.surveyDrafts),
    signUpDrafts: await pruneSignUpDrafts(now),
    staffSessions: await pruneStaffSessions(),
    signInAttempts: await pruneAttempts(RETENTION_DAYS.signInAttempts),
    outboxMessages: await pruneOutbox(),
    pastInvitations: await prunePastInvitations(),
    inactiveMembers: await removeInactiveMembers(),
    inactivityNotices: await sendInactivityNotices(),
    withdrawnLinks: await pruneWithdrawnLinks(RETENTION_DAYS.withdrawnLinks),
    auditEvents: await pruneAudit(),
  };
  await recordAudit({ who: by, what: 'retention.run', subjectType: 'retention', details: { trigger, ...counts } });
  return counts;
}

export interface RetentionRun {
  at: Date;
  trigger: string;
  counts: Partial<RetentionCounts>;
}

/** The latest run's counts, for the audit page. */
export async function lastRetentionRun(): Promise<RetentionRun | null> {
  const [row] = await identityDb()
    .select({ at: auditEvents.occurredAt, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.what, 'retention.run'))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(1);
  if (!row) return null;
  const { trigger, ...counts } = row.details as { trigger?: string } & Partial<RetentionCounts>;
  return { at: row.at, trigger: trigger ?? 'schedule', counts };
}

/**
 * A member follows the notice's link and chooses to stay: the notice is withdrawn. The link's hash
 * stays until a later notice replaces it, so the link keeps working rather than saying "not found".
 */
export async function stayAfterNotice(token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const kept = await identityDb()
    .update(participants)
    .set({ keptAt: sql`now()`, inactivityNoticeAt: null })
    .where(eq(participants.inactivityNoticeTokenHash, hashToken(token)))
    .returning({ id: participants.id });
  if (kept.length === 0) return false;
  await recordAudit({ who: 'participant', what: 'participants.stay', subjectId: kept[0]!.id, subjectType: 'participant' });
  return true;
}

export async function noticeTokenIsLive(token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return (await identityDb().$count(participants, eq(participants.inactivityNoticeTokenHash, hashToken(token)))) === 1;
}
