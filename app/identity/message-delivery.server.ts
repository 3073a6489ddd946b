import { and, eq, inArray, lt, or } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { identityDb } from '#db/identity/client';
import { outboxMessages } from '#db/identity/schema';
import { jobQueue, QUEUES } from '~/jobs/queue.server';
import { logger } from '~/utils/logger.server';
import { DeliveryError, type DeliveryRoutes } from './delivery.server';

export type DeliveryJob = { messageId: number };

/** A claim older than this is taken to be from a worker that stopped mid-send. */
const STALE_CLAIM_MS = 10 * 60_000;
const RETRIES = { retryLimit: 8, retryDelay: 30, retryBackoff: true, retryDelayMax: 3_600, expireInSeconds: 300 } as const;

/**
 * Puts a delivery job on the queue. If the queue cannot take it, the message stays `queued` in the
 * outbox and is picked up when a worker next starts (`requeueWaitingMessages`).
 */
export async function enqueueDelivery(messageId: number): Promise<void> {
  const job: DeliveryJob = { messageId };
  try {
    await jobQueue().send(QUEUES.deliverMessage, job, RETRIES);
  } catch (error) {
    logger.warn({ err: error, messageId }, 'message queued in the outbox but not on the job queue');
  }
}

export type DeliveryOutcome = 'sent' | 'held' | 'failed' | 'not-waiting';

/**
 * Sends one outbox message through the service configured for its channel. The row is claimed first,
 * so two workers never send it at once; once sent, its content is cleared. A refusal the service will
 * repeat (or the last attempt) marks it `failed` with the service's status code only; other failures
 * put it back and throw, so the queue retries with back-off.
 */
export async function deliverQueuedMessage(messageId: number, routes: DeliveryRoutes, { lastAttempt = false } = {}): Promise<DeliveryOutcome> {
  const staleBefore = new Date(Date.now() - STALE_CLAIM_MS);
  const [message] = await identityDb()
    .update(outboxMessages)
    .set({ status: 'sending', claimedAt: new Date() })
    .where(
      and(
        eq(outboxMessages.id, messageId),
        or(eq(outboxMessages.status, 'queued'), and(eq(outboxMessages.status, 'sending'), lt(outboxMessages.claimedAt, staleBefore))),
      ),
    )
    .returning();
  if (!message) return 'not-waiting';
  const route = routes[message.channel];
  if (!route || message.recipient === null || message.subject === null || message.body === null || message.raw === null) {
    await identityDb().update(outboxMessages).set({ status: 'held', claimedAt: null }).where(eq(outboxMessages.id, messageId));
    return 'held';
  }
  try {
    const reference = await route.send({ id: message.id, channel: message.channel, recipient: message.recipient, subject: message.subject, body: message.body, raw: message.raw });
    await identityDb()
      .update(outboxMessages)
      .set({ status: 'sent', sentAt: new Date(), provider: route.provider, providerReference: reference, recipient: null, subject: null, body: null, raw: null, failure: null, claimedAt: null })
      .where(eq(outboxMessages.id, messageId));
    return 'sent';
  } catch (error) {
    const failure = error instanceof DeliveryError ? error : new DeliveryError(route.provider, 'unexpected error', false);
    const final = failure.permanent || lastAttempt;
    await identityDb()
      .update(outboxMessages)
      .set({ status: final ? 'failed' : 'queued', failure: failure.code, provider: route.provider, claimedAt: null })
      .where(eq(outboxMessages.id, messageId));
    logger.warn({ messageId, provider: route.provider, code: failure.code, final }, 'message not delivered');
    if (final) return 'failed';
    throw failure;
  }
}

/** Queues a job again for every message still waiting (a queue that was down, a worker that died). */
export async function requeueWaitingMessages(): Promise<number> {
  const waiting = await identityDb()
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(inArray(outboxMessages.status, ['queued', 'sending']));
  for (const { id } of waiting) await enqueueDelivery(id);
  return waiting.length;
}

/** Starts working delivery jobs in this process, after queueing any messages left waiting. */
export async function workMessageDeliveries(routes: DeliveryRoutes, boss: PgBoss = jobQueue(), { pollingIntervalSeconds = 5 } = {}): Promise<string> {
  const requeued = await requeueWaitingMessages();
  if (requeued > 0) logger.info({ messages: requeued }, 'waiting messages queued again');
  return boss.work<DeliveryJob, unknown, { pollingIntervalSeconds: number; includeMetadata: true }>(
    QUEUES.deliverMessage,
    { pollingIntervalSeconds, includeMetadata: true },
    async (jobs) => {
      for (const job of jobs) await deliverQueuedMessage(job.data.messageId, routes, { lastAttempt: job.retryCount >= job.retryLimit });
    },
  );
}
