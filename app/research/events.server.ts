import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { eventCodes, events, localAuthorities, surveyResponses, type FeedbackEvent } from '#db/research/schema';
import { scrubPersonalData } from '~/utils/scrub';
import { hashToken, newToken } from '~/utils/tokens.server';

import { EVENT_FEEDBACK_SURVEY as EVENT_FEEDBACK_SURVEY_ID, EVENT_SECRET, MAX_EVENT_CODES, type EventKind } from './event-kinds';

export { EVENT_FEEDBACK_SURVEY, EVENT_KINDS, EVENT_KIND_VALUES, EVENT_SECRET, MAX_EVENT_CODES, WORKSHOP_KINDS, type EventKind } from './event-kinds';

export interface NewEvent {
  kind: EventKind;
  title: string;
  heldOn: Date;
  laCodes: string[];
  attendees: number;
  /** Feedback by single-use codes only (no shared link). */
  singleUse: boolean;
}

export type CreateEventResult = { ok: true; event: FeedbackEvent } | { ok: false; field: string; message: string };

/** Records an event; every authority named must be one we know. */
export async function createEvent(input: NewEvent): Promise<CreateEventResult> {
  return researchDb().transaction(async (tx) => {
    const unique = [...new Set(input.laCodes)];
    if (unique.length > 0) {
      const [known] = await tx.select({ count: sql<number>`count(*)::int` }).from(localAuthorities).where(sql`${localAuthorities.code} = any(${`{${unique.join(',')}}`}::text[])`);
      if ((known?.count ?? 0) !== unique.length) return { ok: false as const, field: 'laCodes', message: 'Choose local authorities from the list' };
    }
    const [event] = await tx
      .insert(events)
      .values({
        kind: input.kind,
        // Staff free text in the research store: emails, phone numbers and the like are taken out.
        title: scrubPersonalData(input.title),
        heldOn: sql`date_trunc('day', ${input.heldOn.toISOString()}::timestamptz, 'Europe/London')`,
        laCodes: unique.sort(),
        attendees: input.attendees,
        feedbackToken: input.singleUse ? null : newToken(),
      })
      .returning();
    return { ok: true as const, event: event! };
  });
}

export async function getEvent(id: string): Promise<FeedbackEvent | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [event] = await researchDb().select().from(events).where(eq(events.id, id));
  return event ?? null;
}

export interface EventSummary extends FeedbackEvent {
  responses: number;
  unusedCodes: number;
}

/** Events newest first, with how many gave feedback and how many codes are still unused. */
export async function listEvents({ from, to }: { from?: Date; to?: Date } = {}): Promise<EventSummary[]> {
  const conditions = [from ? gte(events.heldOn, from) : undefined, to ? lt(events.heldOn, to) : undefined].filter(Boolean);
  return researchDb()
    .select({
      id: events.id,
      kind: events.kind,
      title: events.title,
      heldOn: events.heldOn,
      laCodes: events.laCodes,
      attendees: events.attendees,
      feedbackToken: events.feedbackToken,
      createdAt: events.createdAt,
      responses: sql<number>`(select count(*)::int from ${surveyResponses} where ${surveyResponses.eventId} = ${events.id})`,
      unusedCodes: sql<number>`(select count(*)::int from ${eventCodes} where ${eventCodes.eventId} = ${events.id} and not ${eventCodes.used})`,
    })
    .from(events)
    .where(and(...conditions))
    .orderBy(desc(events.heldOn), desc(events.createdAt));
}

/** New single-use codes for an event, returned once (only their hashes are kept). */
export async function makeEventCodes(eventId: string, count: number): Promise<string[]> {
  const codes = Array.from({ length: Math.min(Math.max(count, 0), MAX_EVENT_CODES) }, () => newToken());
  if (codes.length > 0) await researchDb().insert(eventCodes).values(codes.map((code) => ({ codeHash: hashToken(code), eventId })));
  return codes;
}

/** The event a shared feedback link is for (never one whose feedback is by codes only). */
export async function eventForLink(token: string): Promise<string | null> {
  if (!EVENT_SECRET.test(token)) return null;
  const [event] = await researchDb().select({ id: events.id }).from(events).where(eq(events.feedbackToken, token));
  return event?.id ?? null;
}

/**
 * Uses a single-use code once and says which event it was for; a used, unknown or garbled code
 * gives null. One atomic update, so two tabs racing with the same code cannot both have it.
 */
export async function claimEventCode(code: string): Promise<string | null> {
  if (!EVENT_SECRET.test(code)) return null;
  const [row] = await researchDb()
    .update(eventCodes)
    .set({ used: true })
    .where(and(eq(eventCodes.codeHash, hashToken(code)), eq(eventCodes.used, false)))
    .returning({ eventId: eventCodes.eventId });
  return row?.eventId ?? null;
}

export interface SatisfactionCounts {
  responses: number;
  qualitySatisfied: number;
  usefulnessSatisfied: number;
}

/** How many answered an event's feedback, and how many rated its quality and usefulness 4 or 5. */
export async function eventFeedbackCounts(eventId: string): Promise<SatisfactionCounts> {
  const [row] = await researchDb()
    .select({
      responses: sql<number>`count(*)::int`,
      qualitySatisfied: sql<number>`count(*) filter (where (${surveyResponses.answers} ->> 'quality') in ('4', '5'))::int`,
      usefulnessSatisfied: sql<number>`count(*) filter (where (${surveyResponses.answers} ->> 'usefulness') in ('4', '5'))::int`,
    })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.eventId, eventId), eq(surveyResponses.surveyId, EVENT_FEEDBACK_SURVEY_ID)));
  return row ?? { responses: 0, qualitySatisfied: 0, usefulnessSatisfied: 0 };
}
