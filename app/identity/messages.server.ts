import nodemailer from 'nodemailer';
import { and, count, desc, ilike, ne, or } from 'drizzle-orm';
import { likePattern } from '~/utils/like-pattern';
import { identityDb } from '#db/identity/client';
import { outboxMessages } from '#db/identity/schema';
import { getEnv } from '~/env.server';
import { recordAudit } from '~/governance/audit.server';
import { enqueueDelivery } from './message-delivery.server';
import { deliveryRoutes, FROM_ADDRESS, type DeliveryRoutes } from './delivery.server';

export interface Message {
  channel: 'email' | 'text';
  to: string;
  subject: string;
  text: string;
  /** An iCalendar event to attach (emails only). */
  ics?: string;
  /** The participant it is for, so their withdrawal removes it from the outbox too. */
  participantId?: string;
}

const FROM = `Family Voice <${FROM_ADDRESS}>`;

// Builds the real message (MIME) without sending it: SMTP sends it as is, administrators read it.
const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

const routesKey = Symbol.for('family-voice.delivery-routes');
const routesHolder = globalThis as { [routesKey]?: DeliveryRoutes };
/** The sending services this process's configuration names (one SMTP transport, one Notify client). */
export function configuredRoutes(): DeliveryRoutes {
  routesHolder[routesKey] ??= deliveryRoutes(getEnv());
  return routesHolder[routesKey];
}

/**
 * Queues a message: it is written to the outbox in the identity store, and a delivery job carrying
 * only the row's id is put on the queue, so nothing is sent inside a request and a message survives a
 * restart. A channel with no sending service configured keeps the message `held` in the outbox,
 * where administrators can read it (local use).
 */
export async function queueMessage(message: Message, routes: DeliveryRoutes = configuredRoutes()): Promise<number> {
  const mail = {
    from: FROM,
    to: message.channel === 'email' ? message.to : 'text-message@family-voice.invalid',
    subject: message.subject,
    text: message.text,
    icalEvent: message.ics ? { filename: 'session.ics', method: 'REQUEST', content: message.ics } : undefined,
  };
  const built = await builder.sendMail(mail);
  const deliverable = Boolean(routes[message.channel]);
  const [row] = await identityDb()
    .insert(outboxMessages)
    .values({
      channel: message.channel,
      status: deliverable ? 'queued' : 'held',
      recipient: message.to,
      subject: message.subject,
      body: message.text,
      raw: String(built.message),
      participantId: message.participantId ?? null,
    })
    .returning({ id: outboxMessages.id });
  if (deliverable) await enqueueDelivery(row!.id);
  return row!.id;
}

export interface Contactable {
  id: string;
  preferredContact: string;
  email: string | null;
  phone: string | null;
}

/**
 * Sends a message to a member the way they asked to be contacted: email when they chose it and gave
 * an address (with the calendar file, if any), otherwise a text message to their phone.
 */
export function queueForMember(person: Contactable, message: { subject: string; text: string; ics?: string }, routes?: DeliveryRoutes): Promise<number> {
  const byEmail = person.preferredContact === 'email' && person.email;
  return queueMessage({
    channel: byEmail ? 'email' : 'text',
    to: (byEmail ? person.email : (person.phone ?? person.email)) ?? '',
    subject: message.subject,
    text: message.text,
    ics: byEmail ? message.ics : undefined,
    participantId: person.id,
  }, routes);
}

/**
 * The outbox, newest first: messages still held, waiting or failed (sent ones keep no content).
 * Reading it is a view of identity data, so it is audited.
 */
export const OUTBOX_PAGE_SIZE = 25;

/** `%` and `_` typed in a search are matched as themselves. */

/**
 * A page of the messages not yet sent (or that failed), newest first, searched by recipient or
 * subject. Reading them is audited, with what was searched for left out (it may be a person's address).
 */
export async function readOutbox({
  viewerId,
  correlationId,
  search = '',
  page = 1,
}: {
  viewerId: string;
  correlationId?: string;
  search?: string;
  page?: number;
}) {
  const text = search.trim().slice(0, 200);
  const where = and(
    ne(outboxMessages.status, 'sent'),
    text ? or(ilike(outboxMessages.recipient, likePattern(text)), ilike(outboxMessages.subject, likePattern(text))) : undefined,
  );
  const [messages, [total]] = await Promise.all([
    identityDb()
      .select()
      .from(outboxMessages)
      .where(where)
      .orderBy(desc(outboxMessages.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset((page - 1) * OUTBOX_PAGE_SIZE),
    identityDb().select({ total: count() }).from(outboxMessages).where(where),
  ]);
  await recordAudit({ who: viewerId, what: 'outbox.view', subjectType: 'outbox', correlationId, details: { count: messages.length, searched: text !== '' } });
  return { messages, total: total?.total ?? 0 };
}
