import { and, count, eq, ilike, or, sql } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { auditEvents, consents, panelMemberships, participants, withdrawnLinks, type Participant } from '#db/identity/schema';
import { hashToken } from '~/utils/tokens.server';
import { likePattern } from '~/utils/like-pattern';
import { recordAudit } from '~/governance/audit.server';

export const PRIVACY_NOTICE_VERSION = '2026-11';

export interface ParticipantDetails {
  fullName: string;
  email: string | null;
  phone: string | null;
  preferredContact: 'email' | 'phone' | 'text';
  ageGroup: 'under-16' | '16-17' | '18-plus';
  accessNeeds: string | null;
  caringCommitments: string | null;
  availability: string[];
  attendanceMode: 'in-person' | 'online' | 'either';
  guardianName: string | null;
  guardianContact: string | null;
}

/** The member who signed up with this email, if any (emails are kept lower-case). */
export async function findParticipantByEmail(email: string): Promise<Participant | undefined> {
  const [found] = await identityDb().select().from(participants).where(eq(participants.email, email.toLowerCase()));
  return found;
}

/**
 * Adds a new participant to a panel in the identity store, with their consent, in one transaction.
 * An under-16's membership waits for their parent or guardian ('awaiting-guardian'). Someone who
 * already signed up is never changed here: see `confirmSignUp`.
 */
export async function createParticipant({
  details,
  panelId,
  correlationId,
  offline,
}: {
  details: ParticipantDetails;
  panelId: string;
  correlationId?: string;
  /** Someone a facilitator recruited in person: how they agreed, and who recorded it. */
  offline?: { method: 'paper-form' | 'phone' | 'in-person'; recordedBy: string };
}): Promise<Participant> {
  return identityDb().transaction(async (tx) => {
    const [participant] = await tx.insert(participants).values(details).returning();
    if (!participant) throw new Error('Participant was not written');
    await tx.insert(consents).values({
      participantId: participant.id,
      researchParticipation: true,
      contact: true,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      guardianConsent: false,
      method: offline?.method ?? 'online',
      recordedBy: offline?.recordedBy ?? null,
    });
    await tx.insert(panelMemberships).values({ participantId: participant.id, panelId, status: details.ageGroup === 'under-16' ? 'awaiting-guardian' : 'active' });
    // Who and what, never the person's details.
    await recordAudit(
      offline
        ? { who: offline.recordedBy, what: 'participants.add-offline', subjectId: participant.id, subjectType: 'participant', correlationId, details: { panelId, method: offline.method } }
        : { who: 'anonymous', what: 'participants.sign-up', subjectId: participant.id, subjectType: 'participant', correlationId, details: { panelId } },
      tx,
    );
    return participant;
  });
}

/** Undoes a sign-up whose research-store half could not be written, so nothing is half-kept. */
export async function undoSignUp({ participantId }: { participantId: string }) {
  await identityDb().delete(participants).where(eq(participants.id, participantId));
}

export const MEMBERS_PER_PAGE = 25;

/**
 * A panel's members with their contact details and needs, a page at a time: all of them, those
 * whose name, email or phone contains `search`, or the call list (those who prefer a phone call).
 * Every view is audited, without what was searched for.
 */
export async function listPanelMembers({
  panelId,
  viewerId,
  correlationId,
  search = '',
  callList = false,
  page = 1,
}: {
  panelId: string;
  viewerId: string;
  correlationId?: string;
  search?: string;
  callList?: boolean;
  page?: number;
}) {
  const term = search.trim();
  const like = likePattern(term);
  const where = and(
    eq(panelMemberships.panelId, panelId),
    eq(panelMemberships.status, 'active'),
    term ? or(ilike(participants.fullName, like), ilike(participants.email, like), ilike(participants.phone, like)) : undefined,
    callList ? eq(participants.preferredContact, 'phone') : undefined,
  );
  const [rows, [total]] = await Promise.all([
    identityDb()
      .select({
        id: participants.id,
        fullName: participants.fullName,
        email: participants.email,
        phone: participants.phone,
        preferredContact: participants.preferredContact,
        ageGroup: participants.ageGroup,
        accessNeeds: participants.accessNeeds,
        caringCommitments: participants.caringCommitments,
        availability: participants.availability,
        attendanceMode: participants.attendanceMode,
        joinedAt: panelMemberships.joinedAt,
      })
      .from(panelMemberships)
      .innerJoin(participants, eq(participants.id, panelMemberships.participantId))
      .where(where)
      .orderBy(participants.fullName, participants.id)
      .limit(MEMBERS_PER_PAGE)
      .offset((Math.max(1, page) - 1) * MEMBERS_PER_PAGE),
    identityDb().select({ count: count() }).from(panelMemberships).innerJoin(participants, eq(participants.id, panelMemberships.participantId)).where(where),
  ]);
  await recordAudit({
    who: viewerId,
    what: 'participants.view',
    subjectId: panelId,
    subjectType: 'panel',
    correlationId,
    details: { count: rows.length, ...(term ? { searched: true } : {}), ...(callList ? { callList: true } : {}) },
  });
  return { members: rows, total: total?.count ?? 0 };
}

/** Young people waiting for a parent or guardian to agree, by name: a view of identity data, audited. */
export async function listAwaitingGuardian({ panelId, viewerId, correlationId }: { panelId: string; viewerId: string; correlationId?: string }) {
  const rows = await identityDb()
    .select({ id: participants.id, fullName: participants.fullName, since: panelMemberships.joinedAt })
    .from(panelMemberships)
    .innerJoin(participants, eq(participants.id, panelMemberships.participantId))
    .where(and(eq(panelMemberships.panelId, panelId), eq(panelMemberships.status, 'awaiting-guardian')))
    .orderBy(participants.fullName);
  if (rows.length > 0) await recordAudit({ who: viewerId, what: 'participants.view-awaiting-guardian', subjectId: panelId, subjectType: 'panel', correlationId, details: { count: rows.length } });
  return rows;
}

/** How many members a panel has, and how many wait for a guardian: counts only, not a view of anyone. */
export async function membershipCounts(panelId: string): Promise<{ active: number; awaitingGuardian: number }> {
  const rows = await identityDb()
    .select({ status: panelMemberships.status, count: count() })
    .from(panelMemberships)
    .where(eq(panelMemberships.panelId, panelId))
    .groupBy(panelMemberships.status);
  const of = (status: string) => rows.find((row) => row.status === status)?.count ?? 0;
  return { active: of('active'), awaitingGuardian: of('awaiting-guardian') };
}

/**
 * The times each member of a panel said suit them, without saying who: used to warn about timing
 * when a session is planned. Only counts leave this function, so it is not a view of identity data.
 */
export async function panelAvailability(panelId: string): Promise<string[][]> {
  const rows = await identityDb()
    .select({ availability: participants.availability })
    .from(panelMemberships)
    .innerJoin(participants, eq(participants.id, panelMemberships.participantId))
    .where(and(eq(panelMemberships.panelId, panelId), eq(panelMemberships.status, 'active')));
  return rows.map((row) => row.availability);
}

/**
 * What a panel's members need, in counts only, for planning a session: how they want to take part,
 * when suits them, and how many have access needs or caring commitments. Not a view of anyone.
 */
export async function panelPlanningSummary(panelId: string) {
  const [row] = await identityDb()
    .select({
      members: sql<number>`count(*)::int`,
      inPerson: sql<number>`count(*) filter (where ${participants.attendanceMode} = 'in-person')::int`,
      online: sql<number>`count(*) filter (where ${participants.attendanceMode} = 'online')::int`,
      either: sql<number>`count(*) filter (where ${participants.attendanceMode} = 'either')::int`,
      accessNeeds: sql<number>`count(*) filter (where coalesce(${participants.accessNeeds}, '') <> '')::int`,
      caring: sql<number>`count(*) filter (where coalesce(${participants.caringCommitments}, '') <> '')::int`,
    })
    .from(panelMemberships)
    .innerJoin(participants, eq(participants.id, panelMemberships.participantId))
    .where(and(eq(panelMemberships.panelId, panelId), eq(panelMemberships.status, 'active')));
  const times = await identityDb()
    .select({ time: sql<string>`unnest(${participants.availability})`, count: sql<number>`count(*)::int` })
    .from(panelMemberships)
    .innerJoin(participants, eq(participants.id, panelMemberships.participantId))
    .where(and(eq(panelMemberships.panelId, panelId), eq(panelMemberships.status, 'active')))
    .groupBy(sql`1`);
  return { ...row!, availability: Object.fromEntries(times.map((time) => [time.time, time.count])) as Record<string, number> };
}

/**
 * Removes a participant from the identity store: their details, consents, memberships, invitations,
 * reminders, open confirmation links and messages go with them (cascades), and earlier audit entries
 * about them lose their id, which could otherwise be turned back into their pseudonym. The audit
 * entry records that a withdrawal happened, not who.
 */
export async function deleteParticipant({ participantId, researchDeleted }: { participantId: string; researchDeleted: boolean }): Promise<void> {
  await identityDb().transaction(async (tx) => {
    // Their personal links, as hashes with the day only, so an old link says they have left.
    await tx.execute(
      sql`insert into withdrawn_links (token_hash, withdrawn_on)
          select token_hash, (now() at time zone 'Europe/London')::date from invitations where participant_id = ${participantId}
          on conflict do nothing`,
    );
    await tx.delete(participants).where(eq(participants.id, participantId));
    await tx
      .update(auditEvents)
      .set({ subjectId: null })
      .where(and(eq(auditEvents.subjectType, 'participant'), eq(auditEvents.subjectId, participantId)));
    await recordAudit({ who: 'anonymous', what: 'participants.withdraw', details: { researchDeleted } }, tx);
  });
}

/** What a member can change about themselves through their personal link. */
export async function updateOwnPreferences({
  participantId,
  preferences,
}: {
  participantId: string;
  preferences: Pick<ParticipantDetails, 'preferredContact' | 'accessNeeds' | 'caringCommitments' | 'availability'>;
}): Promise<{ ok: true } | { ok: false; field: string; message: string }> {
  return identityDb().transaction(async (tx) => {
    const [current] = await tx.select().from(participants).where(eq(participants.id, participantId));
    if (!current) return { ok: false as const, field: 'preferredContact', message: 'We could not find your details' };
    if (preferences.preferredContact === 'email' && !current.email) {
      return { ok: false as const, field: 'preferredContact', message: 'We do not have an email address for you. Choose phone or text.' };
    }
    if (preferences.preferredContact !== 'email' && !current.phone) {
      return { ok: false as const, field: 'preferredContact', message: 'We do not have a phone number for you. Choose email.' };
    }
    await tx.update(participants).set({ ...preferences, updatedAt: sql`now()` }).where(eq(participants.id, participantId));
    await recordAudit({ who: 'participant', what: 'participants.update-self', subjectId: participantId, subjectType: 'participant' }, tx);
    return { ok: true as const };
  });
}

/** Whether a personal link belonged to someone who has since left (and when is not kept beyond the day). */
export async function linkOfWithdrawnMember(token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const rows = await identityDb().select({ tokenHash: withdrawnLinks.tokenHash }).from(withdrawnLinks).where(eq(withdrawnLinks.tokenHash, hashToken(token)));
  return rows.length > 0;
}

/** Old links of people who left are forgotten after a year. */
export async function pruneWithdrawnLinks(days = 365): Promise<number> {
  const gone = await identityDb()
    .delete(withdrawnLinks)
    .where(sql`${withdrawnLinks.withdrawnOn} < (now() at time zone 'Europe/London')::date - ${days}::int`)
    .returning({ tokenHash: withdrawnLinks.tokenHash });
  return gone.length;
}
