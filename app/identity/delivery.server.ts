import nodemailer from 'nodemailer';
import { NotifyClient } from 'notifications-node-client';
import type { Env } from '~/env.server';

/** What a sending service is given: the outbox row's content, nothing else. */
export interface OutgoingMessage {
  id: number;
  channel: 'email' | 'text';
  recipient: string;
  subject: string;
  body: string;
  /** The MIME message, with any calendar file, as SMTP sends it. */
  raw: string;
}

export interface DeliveryRoute {
  provider: 'notify' | 'smtp';
  /** Resolves with the service's own id for the message, when it gives one. */
  send(message: OutgoingMessage): Promise<string | null>;
}

export type DeliveryRoutes = Partial<Record<OutgoingMessage['channel'], DeliveryRoute>>;

/**
 * A sending service said no. `permanent` failures (the service rejected the message itself, such as
 * a number it cannot text) are not retried. The text is built here from a status code and the
 * service's error type only: its own messages can quote the recipient, so they are never kept.
 */
export class DeliveryError extends Error {
  constructor(
    readonly provider: DeliveryRoute['provider'],
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(`${provider} did not take the message (${code})`);
    this.name = 'DeliveryError';
  }
}

export const FROM_ADDRESS = 'no-reply@family-voice.example';

function notifyFailure(error: unknown): DeliveryError {
  const response = (error as { response?: { status?: number; data?: { errors?: { error?: unknown }[] } } }).response;
  if (!response?.status) return new DeliveryError('notify', 'no answer', false);
  const type = response.data?.errors?.[0]?.error;
  const code = `${response.status}${typeof type === 'string' && /^\w{1,40}$/.test(type) ? ` ${type}` : ''}`;
  // 400 is a message Notify will never accept (bad number, missing personalisation); 403 is a key
  // it refuses, which only configuration can fix; both would fail again. 429 and 5xx are worth a retry.
  return new DeliveryError('notify', code, response.status === 400 || response.status === 403);
}

/**
 * GOV.UK Notify, through one general template per channel: the email template's subject is
 * `((subject))` and its body `((body))`; the text template's body is `((body))`. Notify cannot attach
 * a calendar file, so emails through it carry the session's details in the text only.
 */
export function notifyRoute(options: { apiKey: string; baseUrl?: string; templateId: string }): DeliveryRoute {
  const client = options.baseUrl ? new NotifyClient(options.baseUrl, options.apiKey) : new NotifyClient(options.apiKey);
  return {
    provider: 'notify',
    async send(message) {
      // The reference is our row id, so Notify's records can be matched without naming anyone.
      const settings = { reference: `outbox-${message.id}` };
      try {
        const response =
          message.channel === 'email'
            ? await client.sendEmail(options.templateId, message.recipient, { ...settings, personalisation: { subject: message.subject, body: message.body } })
            : await client.sendSms(options.templateId, message.recipient, { ...settings, personalisation: { body: message.body } });
        return typeof response.data?.id === 'string' ? response.data.id : null;
      } catch (error) {
        throw notifyFailure(error);
      }
    },
  };
}

/** Email through an SMTP server: the MIME message exactly as built when it was queued. */
export function smtpRoute(url: string): DeliveryRoute {
  const transport = nodemailer.createTransport(url);
  return {
    provider: 'smtp',
    async send(message) {
      try {
        const info = await transport.sendMail({ envelope: { from: FROM_ADDRESS, to: [message.recipient] }, raw: message.raw });
        return typeof info.messageId === 'string' ? info.messageId : null;
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx from the server is a refusal of this message; anything else (no connection, 4xx) may pass later.
        throw new DeliveryError('smtp', code ? String(code) : 'no answer', code !== undefined && code >= 500);
      }
    },
  };
}

/** Which service takes each channel: Notify where configured, then SMTP for email; none otherwise. */
export function deliveryRoutes(env: Pick<Env, 'NOTIFY_API_KEY' | 'NOTIFY_BASE_URL' | 'NOTIFY_EMAIL_TEMPLATE_ID' | 'NOTIFY_TEXT_TEMPLATE_ID' | 'SMTP_URL'>): DeliveryRoutes {
  const routes: DeliveryRoutes = {};
  const notify = (templateId: string | undefined) =>
    env.NOTIFY_API_KEY && templateId ? notifyRoute({ apiKey: env.NOTIFY_API_KEY, baseUrl: env.NOTIFY_BASE_URL, templateId }) : undefined;
  routes.email = notify(env.NOTIFY_EMAIL_TEMPLATE_ID) ?? (env.SMTP_URL ? smtpRoute(env.SMTP_URL) : undefined);
  routes.text = notify(env.NOTIFY_TEXT_TEMPLATE_ID);
  return routes;
}
