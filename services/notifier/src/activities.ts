// The notifier's one activity. It never sends a message twice: messages already recorded as
// Delivery rows are answered from the record, each batch carries an idempotency key derived from
// its messages' keys (the provider replays instead of resending), and the record itself is
// written with "on conflict do nothing".
import { asyncLocalStorage, heartbeat } from '@temporalio/activity';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliveryState, EmailMessage, NotifierActivities, SendResult } from '@rhythm/domain';
import { ApplicationFailure } from '@temporalio/activity';
import { Delivery, type Orm } from '@rhythm/persistence';
import { EmailFailure } from './errors.js';
import { renderEmail, type Links } from './templates/render.js';
import type { EmailTransport, OutgoingEmail } from './transports/transport.js';

/** Resend's batch endpoint takes at most 100 emails. */
export const BATCH_SIZE = 100;
/** Longest retry-after the activity waits out itself (see sendOrRecordRefusal). */
const IN_PLACE_RATE_LIMIT_WAIT_MS = 2_000;

export interface NotifierDependencies {
  orm: Orm;
  transport: EmailTransport;
  from: string;
  links: Links;
}

export function createNotifierActivities({
  orm,
  transport,
  from,
  links,
}: NotifierDependencies): NotifierActivities {
  return {
    async sendEmails(messages: EmailMessage[]): Promise<SendResult[]> {
      const em = orm.em.fork();
      const recorded = new Map(
        (await em.find(Delivery, { idempotencyKey: { $in: messages.map((m) => m.idempotencyKey) } })).map(
          (d) => [d.idempotencyKey, d],
        ),
      );
      const results = new Map<string, SendResult>();
      const skips: { message: EmailMessage; reason: string }[] = [];
      const toSend: EmailMessage[] = [];
      for (const message of messages) {
        const done = recorded.get(message.idempotencyKey);
        if (done)
          results.set(
            message.idempotencyKey,
            resultOf(message, done.state === 'sent' ? 'sent' : 'skipped', done.error ?? undefined),
          );
        else if (!message.to.member) skips.push({ message, reason: 'left the team' });
        else if (!message.to.email) skips.push({ message, reason: 'no email address' });
        else toSend.push(message);
      }
      if (skips.length) {
        await record(
          orm,
          skips.map(({ message, reason }) => ({
            message,
            state: 'skipped' as const,
            error: reason,
            providerMessageId: null,
          })),
        );
        for (const { message, reason } of skips)
          results.set(message.idempotencyKey, resultOf(message, 'skipped', reason));
      }
      for (let start = 0; start < toSend.length; start += BATCH_SIZE) {
        const chunk = toSend.slice(start, start + BATCH_SIZE);
        beat();
        const emails = await Promise.all(
          chunk.map(async (message) => ({
            idempotencyKey: message.idempotencyKey,
            from,
            to: message.to.email!,
            ...(await renderEmail(message, links)),
          })),
        );
        const ids = await sendOrRecordRefusal(orm, transport, chunk, emails);
        await record(
          orm,
          chunk.map((message, i) => ({
            message,
            state: 'sent' as const,
            error: null,
            providerMessageId: ids[i] ?? null,
          })),
        );
        for (const message of chunk) results.set(message.idempotencyKey, resultOf(message, 'sent'));
      }
      return messages.map((message) => results.get(message.idempotencyKey)!);
    },
  };
}

/**
 * Sends one chunk. When the provider refuses it for good (a non-retryable failure: bad key, bad
 * payload), the chunk's messages are recorded as failed with the provider's reason before the
 * failure goes on to the workflow, so the refusal is visible in the Delivery rows; retryable
 * failures record nothing, since Temporal will try the chunk again under the same key.
 *
 * A first 429 that asks for a short wait is waited out here, once: the chunk is rendered and its
 * key in hand, whereas a Temporal retry would render it again and spend another of the task
 * queue's rate-limited dispatches. A second 429, or a longer wait, goes to Temporal as
 * nextRetryDelay.
 */
async function sendOrRecordRefusal(
  orm: Orm,
  transport: EmailTransport,
  chunk: EmailMessage[],
  emails: OutgoingEmail[],
): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transport.sendBatch(emails, batchKey(chunk));
    } catch (error) {
      if (error instanceof ApplicationFailure && error.nonRetryable) {
        await record(
          orm,
          chunk.map((message) => ({
            message,
            state: 'failed' as const,
            error: error.message,
            providerMessageId: null,
          })),
        );
      }
      const wait =
        error instanceof ApplicationFailure && error.type === EmailFailure.RateLimited
          ? error.nextRetryDelay
          : undefined;
      if (attempt > 1 || typeof wait !== 'number' || wait > IN_PLACE_RATE_LIMIT_WAIT_MS) throw error;
      await sleep(wait);
    }
  }
}

/**
 * Tells Temporal the activity is alive (the workflow's heartbeat timeout then notices a crashed
 * worker in a minute, not after the 10-minute start-to-close). A no-op when called outside an
 * activity, as in tests that call the function directly.
 */
function beat(): void {
  if (asyncLocalStorage.getStore()) heartbeat();
}

/** One key per chunk, derived from its messages' keys: a retried chunk replays at the provider. */
export function batchKey(messages: EmailMessage[]): string {
  const hash = createHash('sha256');
  for (const message of messages) hash.update(message.idempotencyKey).update('\n');
  return `rhythm-batch/${hash.digest('hex').slice(0, 48)}`;
}

function resultOf(message: EmailMessage, state: SendResult['state'], reason?: string): SendResult {
  return {
    idempotencyKey: message.idempotencyKey,
    userId: message.to.userId,
    state,
    ...(reason ? { reason } : {}),
  };
}

async function record(
  orm: Orm,
  rows: {
    message: EmailMessage;
    state: DeliveryState;
    error: string | null;
    providerMessageId: string | null;
  }[],
): Promise<void> {
  await orm.em.fork().upsertMany(
    Delivery,
    rows.map(({ message, state, error, providerMessageId }) => ({
      session: message.sessionId,
      user: message.to.userId,
      step: message.template,
      sessionDate: message.sessionDate,
      idempotencyKey: message.idempotencyKey,
      providerMessageId,
      state,
      error,
    })),
    { onConflictFields: ['idempotencyKey'], onConflictAction: 'ignore' },
  );
}
