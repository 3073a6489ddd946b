import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { identityDb } from '#db/identity/client';
import { queryRows } from '#db/store';
import { consents, invitations, outboxMessages, panelMemberships, participants, signUpDrafts, type Participant } from '#db/identity/schema';
import type { StaffUser } from '#db/identity/schema';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { optionalText, UK_PHONE } from '~/panels/sign-up-steps.server';
import { withdrawParticipant } from '~/panels/withdraw.server';
import { memberResearchRecord, panelAndSessionNames, type MemberResearchRecord } from '~/research/member-record.server';
import { likePattern } from '~/utils/like-pattern';
import { recordAudit } from './audit.server';

/**
 * A person's rights (UK GDPR articles 15 to 17), carried out by an administrator: find a member,
 * give them everything held about them in both stores, correct it, or erase it. Every step is audited.
 */

export const MEMBER_SEARCH_LIMIT = 20;

/** Members whose email or phone is the query, or whose name contains it. Audited, without the query. */
export async function findMembers({ query, by, correlationId }: { query: string; by: StaffUser; correlationId?: string }) {
  const term = query.trim();
  if (term.length < 3) return [];
  const digits = term.replace(/[^\d+]/g, '');
  const rows = await identityDb()
    .select({ id: participants.id, fullName: participants.fullName, email: participants.email, phone: participants.phone, createdAt: participants.createdAt })
    .from(participants)
    .where(
      or(
        eq(participants.email, term.toLowerCase()),
        digits.length >= 6 ? sql`regexp_replace(coalesce(${participants.phone}, ''), '[^0-9+]', '', 'g') = ${digits}` : undefined,
        ilike(participants.fullName, `%${likePattern(term)}%`),
      ),
    )
    .orderBy(asc(participants.fullName))
    .limit(MEMBER_SEARCH_LIMIT);
  await recordAudit({ who: by.id, what: 'participants.search', subjectType: 'participant', correlationId, details: { matches: rows.length } });
  return rows;
}

export async function getMember(id: string): Promise<Participant | undefined> {
  if (!z.string().uuid().safeParse(id).success) return undefined;
  const [row] = await identityDb().select().from(participants).where(eq(participants.id, id));
  return row;
}

export interface SubjectAccessRecord {
  person: Participant;
  consents: { researchParticipation: boolean; contact: boolean; guardianConsent: boolean; method: string; privacyNoticeVersion: string; consentedAt: Date }[];
  panels: { name: string; status: string; joinedAt: Date }[];
  invitations: { session: string; startsAt: Date | null; status: string; attended: boolean | null; accessNote: string | null; respondedAt: Date | null }[];
  messages: { channel: string; status: string; subject: string | null; body: string | null; createdAt: Date; sentAt: Date | null }[];
  research: MemberResearchRecord;
}

/** Everything held about one member: the identity store by their id, the research store by their pseudonym. */
export async function subjectAccessRecord(person: Participant): Promise<SubjectAccessRecord> {
  const db = identityDb();
  const [consentRows, memberships, invited, messages, research] = await Promise.all([
    db.select().from(consents).where(eq(consents.participantId, person.id)).orderBy(asc(consents.consentedAt)),
    db.select().from(panelMemberships).where(eq(panelMemberships.participantId, person.id)),
    db.select().from(invitations).where(eq(invitations.participantId, person.id)).orderBy(asc(invitations.createdAt)),
    db.select().from(outboxMessages).where(messagesFor(person)).orderBy(asc(outboxMessages.createdAt)),
    memberResearchRecord(pseudonymFor(person.id)),
  ]);
  const names = await panelAndSessionNames(
    memberships.map((row) => row.panelId),
    invited.map((row) => row.sessionId),
  );
  return {
    person,
    consents: consentRows.map(({ researchParticipation, contact, guardianConsent, method, privacyNoticeVersion, consentedAt }) => ({ researchParticipation, contact, guardianConsent, method, privacyNoticeVersion, consentedAt })),
    panels: memberships.map((row) => ({ name: names.panels.get(row.panelId) ?? 'A panel that has since closed', status: row.status, joinedAt: row.joinedAt })),
    invitations: invited.map((row) => {
      const session = names.sessions.get(row.sessionId);
      return { session: session?.title ?? 'A session that has since been removed', startsAt: session?.startsAt ?? null, status: row.status, attended: row.attended, accessNote: row.accessNote, respondedAt: row.respondedAt };
    }),
    messages: messages.map(({ channel, status, subject, body, createdAt, sentAt }) => ({ channel, status, subject, body, createdAt, sentAt })),
    research,
  };
}

/** Messages to them: by their id, or (sent before they joined, such as a confirmation) to their address or number. */
function messagesFor(person: Pick<Participant, 'id' | 'email' | 'phone'>) {
  const addresses = [person.email, person.phone].filter((value): value is string => Boolean(value));
  return or(eq(outboxMessages.participantId, person.id), addresses.length ? inArray(outboxMessages.recipient, addresses) : undefined);
}

export async function recordSubjectAccess({ person, by, correlationId }: { person: Participant; by: StaffUser; correlationId?: string }) {
  await recordAudit({ who: by.id, what: 'participants.subject-access', subjectId: person.id, subjectType: 'participant', correlationId });
}

/** What an administrator may correct on request (the same rules as joining). */
export const correctionSchema = z
  .object({
    fullName: z.string().trim().min(1, 'Enter their name').max(200, 'Name must be 200 characters or fewer'),
    email: optionalText(254, 'Email address').refine((value) => value === null || z.string().email().safeParse(value).success, 'Enter an email address in the correct format, like name@example.com'),
    phone: optionalText(20, 'Phone number').refine((value) => value === null || UK_PHONE.test(value), 'Enter a UK phone number, like 07700 900 982'),
    preferredContact: z.enum(['email', 'phone', 'text'], { errorMap: () => ({ message: 'Select how they would like to be contacted' }) }),
    accessNeeds: optionalText(1000, 'Access needs'),
    caringCommitments: optionalText(1000, 'Childcare and caring'),
  })
  .superRefine((form, ctx) => {
    if (!form.email && !form.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address or a phone number' });
    else if (form.preferredContact === 'email' && !form.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter their email address, or choose another way to contact them' });
    else if (form.preferredContact !== 'email' && !form.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter their phone number, or choose another way to contact them' });
  });
export type Correction = z.output<typeof correctionSchema>;

/** Corrects a member's details; the audit names the fields changed, never their values. */
export async function correctMember({ person, correction, by, correlationId }: { person: Participant; correction: Correction; by: StaffUser; correlationId?: string }): Promise<{ ok: true; changed: string[] } | { ok: false; field: string; message: string }> {
  const next = { ...correction, email: correction.email?.toLowerCase() ?? null };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => (person[key] ?? null) !== next[key]);
  if (changed.length === 0) return { ok: true, changed };
  return identityDb().transaction(async (tx) => {
    if (next.email && changed.includes('email')) {
      const [other] = await tx.select({ id: participants.id }).from(participants).where(and(eq(participants.email, next.email), sql`${participants.id} <> ${person.id}`));
      if (other) return { ok: false as const, field: 'email', message: 'Another member has this email address' };
    }
    await tx.update(participants).set({ ...next, updatedAt: sql`now()` }).where(eq(participants.id, person.id));
    await recordAudit({ who: by.id, what: 'participants.correct', subjectId: person.id, subjectType: 'participant', correlationId, details: { fields: changed } }, tx);
    return { ok: true as const, changed };
  });
}

/**
 * Erases a member on request: their research rows (through the pseudonym), then their identity
 * record with everything that cascades from it (consents, memberships, invitations, reminders,
 * feedback codes, messages), messages sent to their address before they joined, unfinished
 * sign-ups naming them, and the queue's delivery jobs for their messages. The audit says an
 * erasure happened and who did it, not whom.
 */
export async function eraseMember({ person, by, correlationId }: { person: Participant; by: StaffUser; correlationId?: string }): Promise<void> {
  const db = identityDb();
  const messageIds = (await db.select({ id: outboxMessages.id }).from(outboxMessages).where(messagesFor(person))).map((row) => row.id);
  await db.transaction(async (tx) => {
    if (messageIds.length > 0) {
      await tx.delete(outboxMessages).where(inArray(outboxMessages.id, messageIds));
      const [queue] = await queryRows<{ present: boolean }>(tx, sql`select to_regclass('pgboss.job') is not null as present`);
      if (queue?.present) {
        await tx.execute(sql`delete from pgboss.job where name = 'deliver-message' and (data->>'messageId')::bigint = any(${`{${messageIds.join(',')}}`}::bigint[])`);
      }
    }
    const addresses = [person.email, person.phone].filter((value): value is string => Boolean(value));
    if (addresses.length > 0) {
      await tx.delete(signUpDrafts).where(or(...addresses.map((address) => sql`${signUpDrafts.answers} -> 'details' ->> 'email' = ${address} or ${signUpDrafts.answers} -> 'details' ->> 'phone' = ${address}`)));
    }
  });
  await withdrawParticipant({ participantId: person.id, deleteAnswers: true });
  await recordAudit({ who: by.id, what: 'participants.erase', subjectType: 'participant', correlationId });
}
