import nodemailer from 'nodemailer';
import { desc } from 'drizzle-orm';
import { identityDb } from '#db/identity/client';
import { outboxMessages } from '#db/identity/schema';
import { getEnv } from '~/env.server';
import { recordAudit } from '~/governance/audit.server';

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

const FROM = 'Family Voice <no-reply@family-voice.example>';

let transport: nodemailer.Transporter | undefined;
function smtpTransport(url: string): nodemailer.Transporter {
  transport ??= nodemailer.createTransport(url);
  return transport;
}

// Builds the real message (MIME) without sending it, for the outbox.
const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

/**
 * Sends a message: by email through SMTP_URL when it is configured, otherwise into the outbox in the
 * identity store, where administrators can read it. Text messages always go to the outbox until a
 * text-message provider is configured.
 */
export async function sendMessage(message: Message): Promise<void> {
  const mail = {
    from: FROM,
    to: message.channel === 'email' ? message.to : 'text-message@family-voice.invalid',
    subject: message.subject,
    text: message.text,
    icalEvent: message.ics ? { filename: 'session.ics', method: 'REQUEST', content: message.ics } : undefined,
  };
  const smtp = getEnv().SMTP_URL;
  if (smtp && message.channel === 'email') {
    await smtpTransport(smtp).sendMail(mail);
    return;
  }
  const built = await builder.sendMail(mail);
  await identityDb()
    .insert(outboxMessages)
    .values({ channel: message.channel, recipient: message.to, subject: message.subject, body: message.text, raw: String(built.message), participantId: message.participantId ?? null });
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
export function sendToMember(person: Contactable, message: { subject: string; text: string; ics?: string }): Promise<void> {
  const byEmail = person.preferredContact === 'email' && person.email;
  return sendMessage({
    channel: byEmail ? 'email' : 'text',
    to: (byEmail ? person.email : (person.phone ?? person.email)) ?? '',
    subject: message.subject,
    text: message.text,
    ics: byEmail ? message.ics : undefined,
    participantId: person.id,
  });
}

/** The outbox, newest first; reading it is a view of identity data, so it is audited. */
export async function readOutbox({ viewerId, correlationId, limit = 50 }: { viewerId: string; correlationId?: string; limit?: number }) {
  const messages = await identityDb().select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(limit);
  await recordAudit({ who: viewerId, what: 'outbox.view', subjectType: 'outbox', correlationId, details: { count: messages.length } });
  return messages;
}
