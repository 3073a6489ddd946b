import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { identityDb } from '#db/identity/client';
import { outboxMessages, participants } from '#db/identity/schema';
import { queryRows } from '#db/store';
import { deliveryRoutes, type DeliveryRoutes } from '~/identity/delivery.server';
import { deliverQueuedMessage, requeueWaitingMessages, workMessageDeliveries } from '~/identity/message-delivery.server';
import { queueForMember, queueMessage } from '~/identity/messages.server';
import { jobQueue, QUEUES } from '~/jobs/queue.server';
import { withTestStores } from '../setup/stores';

withTestStores();

const SERVICE_ID = randomUUID();
const SECRET = randomUUID();
const API_KEY = `family_voice_test-${SERVICE_ID}-${SECRET}`;
const EMAIL_TEMPLATE = randomUUID();
const TEXT_TEMPLATE = randomUUID();

type Received = { path: string; body: Record<string, unknown>; problem: string | null };

/**
 * A stand-in for GOV.UK Notify's API that checks what the real one checks: a JWT signed with the
 * key's secret (HS256), issued by the service, within 30 seconds; and the JSON body's fields.
 */
class FakeNotify {
  received: Received[] = [];
  /** Status codes to answer with, one per request, before going back to 201. */
  answers: number[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        const problem = this.check(request.method ?? '', request.url ?? '', request.headers.authorization ?? '', body);
        this.received.push({ path: request.url ?? '', body, problem });
        const status = problem ? 403 : (this.answers.shift() ?? 201);
        response.writeHead(status, { 'content-type': 'application/json' });
        if (status === 201) response.end(JSON.stringify({ id: randomUUID(), reference: body.reference, content: {}, uri: '', template: { id: body.template_id } }));
        // Notify's own error messages can quote the recipient; ours does, to show it is never kept.
        else if (status === 400) response.end(JSON.stringify({ status_code: 400, errors: [{ error: 'BadRequestError', message: `phone_number Not a UK mobile number: ${String(body.phone_number)}` }] }));
        else response.end(JSON.stringify({ status_code: status, errors: [{ error: status === 403 ? 'AuthError' : 'Exception', message: 'Internal server error' }] }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private check(method: string, path: string, authorization: string, body: Record<string, unknown>): string | null {
    if (method !== 'POST') return 'not a POST';
    const token = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization);
    if (!token) return 'no bearer token';
    const [, header, claims, signature] = token;
    const expected = createHmac('sha256', SECRET).update(`${header}.${claims}`).digest();
    const given = Buffer.from(signature!, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
    const head = JSON.parse(Buffer.from(header!, 'base64url').toString()) as { alg?: string };
    if (head.alg !== 'HS256') return 'wrong algorithm';
    const claim = JSON.parse(Buffer.from(claims!, 'base64url').toString()) as { iss?: string; iat?: number };
    if (claim.iss !== SERVICE_ID) return 'wrong issuer';
    if (typeof claim.iat !== 'number' || Math.abs(Date.now() / 1000 - claim.iat) > 30) return 'token too old';
    if (typeof body.reference !== 'string') return 'no reference';
    if (path === '/v2/notifications/email') {
      if (body.template_id !== EMAIL_TEMPLATE || typeof body.email_address !== 'string') return 'bad email request';
      const personalisation = body.personalisation as Record<string, unknown> | undefined;
      if (typeof personalisation?.subject !== 'string' || typeof personalisation.body !== 'string') return 'email without subject and body';
      return null;
    }
    if (path === '/v2/notifications/sms') {
      if (body.template_id !== TEXT_TEMPLATE || typeof body.phone_number !== 'string') return 'bad text request';
      if (typeof (body.personalisation as Record<string, unknown> | undefined)?.body !== 'string') return 'text without body';
      return null;
    }
    return `unknown path ${path}`;
  }
}

const notify = new FakeNotify();
let routes: DeliveryRoutes;

beforeAll(async () => {
  await notify.start();
  routes = deliveryRoutes({ NOTIFY_API_KEY: API_KEY, NOTIFY_BASE_URL: notify.url, NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE, NOTIFY_TEXT_TEMPLATE_ID: TEXT_TEMPLATE, SMTP_URL: undefined });
});
afterAll(() => notify.stop());
beforeEach(() => {
  notify.received = [];
  notify.answers = [];
});

const row = async (id: number) => (await identityDb().select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0]!;
/** A member in the identity store (messages to members name them, for erasure on withdrawal). */
let members = 0;
async function member(preferredContact = 'email') {
  members += 1;
  const details = { fullName: 'Rowan Quill', email: `rowan.quill.${members}@example.com`, phone: '07700 900123', preferredContact };
  const [person] = await identityDb()
    .insert(participants)
    .values({ ...details, ageGroup: '25-34', attendanceMode: 'either' })
    .returning({ id: participants.id });
  return { id: person!.id, ...details };
}

describe('delivering messages through GOV.UK Notify', () => {
  it('queues a job that names only the outbox row, then sends an email through the email template', async () => {
    const id = await queueForMember(await member(), { subject: 'You are invited', text: 'Hello Rowan Quill, your link: https://fv.example/invitations/abc' }, routes);
    expect((await row(id)).status).toBe('queued');
    const jobs = await queryRows<{ data: unknown }>(identityDb(), sql`select data from pgboss.job where name = ${QUEUES.deliverMessage}`);
    expect(jobs.map((job) => job.data)).toContainEqual({ messageId: id });
    expect(JSON.stringify(jobs)).not.toMatch(/rowan|quill|07700/i);

    expect(await deliverQueuedMessage(id, routes)).toBe('sent');
    expect(notify.received).toHaveLength(1);
    const [request] = notify.received;
    expect(request!.problem).toBeNull();
    expect(request!.path).toBe('/v2/notifications/email');
    expect(request!.body).toMatchObject({ email_address: 'rowan.quill.1@example.com', template_id: EMAIL_TEMPLATE, reference: `outbox-${id}`, personalisation: { subject: 'You are invited' } });
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', provider: 'notify', recipient: null, subject: null, body: null, raw: null });
    expect(sent.providerReference).toMatch(/^[0-9a-f-]{36}$/);
    // Sent once: a second job for the same row (a requeue) sends nothing.
    expect(await deliverQueuedMessage(id, routes)).toBe('not-waiting');
    expect(notify.received).toHaveLength(1);
  });

  it('sends a text message to members who asked for one', async () => {
    const id = await queueMessage({ channel: 'text', to: '07700 900123', subject: 'Session moved', text: 'Hello, your session has moved.' }, routes);
    expect(await deliverQueuedMessage(id, routes)).toBe('sent');
    expect(notify.received[0]!.path).toBe('/v2/notifications/sms');
    expect(notify.received[0]!.body).toMatchObject({ phone_number: '07700 900123', template_id: TEXT_TEMPLATE, personalisation: { body: 'Hello, your session has moved.' } });
  });

  it('marks a message Notify refuses as failed, keeping its status code but not its words', async () => {
    notify.answers = [400];
    const id = await queueMessage({ channel: 'text', to: '07700 900999', subject: 'Hello', text: 'Hello' }, routes);
    expect(await deliverQueuedMessage(id, routes)).toBe('failed');
    const failed = await row(id);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toBe('400 BadRequestError');
    expect(JSON.stringify(await queryRows(identityDb(), sql`select * from pgboss.job where name = ${QUEUES.deliverMessage}`))).not.toContain('900999');
  });

  it('puts a message back for a retry when Notify is down, and fails it on the last attempt', async () => {
    notify.answers = [500, 503];
    const id = await queueMessage({ channel: 'email', to: 'sam@example.com', subject: 'Hello', text: 'Hello' }, routes);
    await expect(deliverQueuedMessage(id, routes)).rejects.toThrow('notify did not take the message (500 Exception)');
    expect((await row(id)).status).toBe('queued');
    expect(await deliverQueuedMessage(id, routes, { lastAttempt: true })).toBe('failed');
    expect((await row(id)).failure).toBe('503 Exception');
  });

  it('refuses a forged key: the fake checks the signature, so a wrong secret is a failure, not a send', async () => {
    const forged = deliveryRoutes({ NOTIFY_API_KEY: `family_voice_test-${SERVICE_ID}-${randomUUID()}`, NOTIFY_BASE_URL: notify.url, NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE, NOTIFY_TEXT_TEMPLATE_ID: TEXT_TEMPLATE, SMTP_URL: undefined });
    const id = await queueMessage({ channel: 'email', to: 'sam@example.com', subject: 'Hello', text: 'Hello' }, forged);
    expect(await deliverQueuedMessage(id, forged)).toBe('failed');
    expect(notify.received[0]!.problem).toBe('bad signature');
    expect((await row(id)).failure).toBe('403 AuthError');
  });

  it('keeps messages in the outbox when no service is configured for their channel', async () => {
    const emailOnly = deliveryRoutes({ NOTIFY_API_KEY: API_KEY, NOTIFY_BASE_URL: notify.url, NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE, NOTIFY_TEXT_TEMPLATE_ID: undefined, SMTP_URL: undefined });
    const id = await queueForMember(await member('text'), { subject: 'Hello', text: 'Hello' }, emailOnly);
    expect(await row(id)).toMatchObject({ status: 'held', channel: 'text', recipient: '07700 900123' });
    const jobs = await queryRows(identityDb(), sql`select 1 from pgboss.job where name = ${QUEUES.deliverMessage} and (data->>'messageId')::bigint = ${id}`);
    expect(jobs).toHaveLength(0);
  });

  it('works the queue: a queued message is sent by the worker, and one left waiting is queued again at start', async () => {
    const queued = await queueMessage({ channel: 'email', to: 'kit@example.com', subject: 'From the queue', text: 'Hello' }, routes);
    // A message whose job was lost (the queue was down when it was written).
    const [orphan] = await identityDb()
      .insert(outboxMessages)
      .values({ channel: 'email', status: 'queued', recipient: 'lee@example.com', subject: 'Left waiting', body: 'Hello', raw: 'x' })
      .returning({ id: outboxMessages.id });
    const worker = await workMessageDeliveries(routes, jobQueue(), { pollingIntervalSeconds: 0.5 });
    try {
      await expect.poll(async () => [(await row(queued)).status, (await row(orphan!.id)).status], { timeout: 15_000, interval: 250 }).toEqual(['sent', 'sent']);
    } finally {
      await jobQueue().offWork(QUEUES.deliverMessage, { id: worker });
    }
    expect(notify.received.map((request) => request.body.email_address).sort()).toEqual(['kit@example.com', 'lee@example.com']);
    expect(await requeueWaitingMessages()).toBe(0);
  });
});
