// The notifier's one activity. Its emails leave in batches shared with the other sessions' emails
// this process is sending (coalescing/batcher.ts), so N sessions due at the same hour cost about
// N × owners / 100 provider requests instead of N. It never sends a message twice: messages
// already recorded as sent or skipped are answered from the record, each batch is written with
// its idempotency key and exact body before it goes (a retry sends that batch again, and the
// provider replays it), and no two batches hold one email. It never fails a session for email
// either: a refusal is that email's outcome (`failed`, with the provider's words), and only
// failures worth retrying go back to Temporal.
import { asyncLocalStorage } from '@temporalio/activity';
import {
  EMAIL_BATCH_LIMIT,
  SKIP_REASON,
  skipCause,
  type EmailMessage,
  type NotifierActivities,
  type SendResult,
} from '@rhythm/domain';
import {
  Delivery,
  processOwnerEmails,
  recordDeliveries,
  type DeliveryOutcome,
  type Orm,
} from '@rhythm/persistence';
import { createBatchSender } from './coalescing/batch-sender.js';
import { claimsOf } from './coalescing/batch-store.js';
import { createEmailBatcher, settleAll } from './coalescing/batcher.js';
import { unlimited, type RateLimiter } from './coalescing/rate-limiter.js';
import { deliveryMessage, LANE, latestOwnerState, outgoingEmail, type EmailDressing } from './outgoing.js';
import { createSingleEmailActivities, type SingleEmailActivities } from './single-email.activities.js';
import type { EmailTransport } from './transports/transport.js';

/** How often an activity waiting for its batches tells Temporal it is alive. */
const HEARTBEAT_EVERY_MS = 10_000;

export interface NotifierDependencies extends EmailDressing {
  orm: Orm;
  transport: EmailTransport;
  /**
   * The process's coalescing: the provider's rate limit, shared by every replica (none by
   * default, for tests that call the activity directly), and how long a batch waits for more
   * emails (200 ms by default).
   */
  coalescing?: { limiter?: RateLimiter; lingerMs?: number };
}

export function createNotifierActivities({
  orm,
  transport,
  coalescing = {},
  ...dressing
}: NotifierDependencies): NotifierActivities & SingleEmailActivities {
  const limiter = coalescing.limiter ?? unlimited;
  const batcher = createEmailBatcher({
    orm,
    sender: createBatchSender({ orm, transport, limiter }),
    limiter,
    ...(coalescing.lingerMs === undefined ? {} : { lingerMs: coalescing.lingerMs }),
  });
  return {
    ...createSingleEmailActivities({ transport, limiter, from: dressing.from, web: dressing.links.web }),
    async sendEmails(messages: EmailMessage[]): Promise<SendResult[]> {
      const em = orm.em.fork();
      const recorded = await deliveriesOf(orm, messages);
      const skipped: DeliveryOutcome[] = [];
      const toSend: EmailMessage[] = [];
      const latest = await latestOwnerState(em, messages);
      for (const message of messages) {
        // Sent and skipped are final; a failed one is here again because someone asked for a retry.
        const done = recorded.get(message.idempotencyKey);
        if (done && done.state !== 'failed') continue;
        const skip = skipCause(latest(message));
        if (skip)
          skipped.push({ message, state: 'skipped', error: SKIP_REASON[skip], providerMessageId: null });
        else toSend.push(message);
      }
      // A failed row is here again because someone asked for a retry: its new outcome replaces it.
      await recordDeliveries(orm, skipped, { replaceFailed: true });
      // A reply reaches the team's process owner, not a no-reply mailbox.
      const replyTo = await processOwnerEmails(
        em,
        toSend.map((message) => message.teamId),
      );
      // A hundred at a time, each hundred sent and recorded before the next is handed in: after a
      // retryable failure the activity stops there, as it did before coalescing.
      for (let start = 0; start < toSend.length; start += EMAIL_BATCH_LIMIT) {
        const chunk = toSend.slice(start, start + EMAIL_BATCH_LIMIT);
        await whileBeating(sendChunk(chunk));
      }
      const rows = await deliveriesOf(orm, messages);
      return messages.map((message) => {
        const row = rows.get(message.idempotencyKey);
        if (!row) throw new Error(`no Delivery row for ${message.idempotencyKey} after sending`);
        return resultOf(message, row);
      });

      async function sendChunk(chunk: EmailMessage[]): Promise<void> {
        const claims = await claimsOf(
          orm.em.fork(),
          chunk.map((message) => message.idempotencyKey),
        );
        const again = new Set<string>();
        const fresh: EmailMessage[] = [];
        for (const message of chunk) {
          const claim = claims.get(message.idempotencyKey);
          // A batch still out (a crash, a retryable failure) or whose record was lost goes again,
          // with all its emails; the email joins no other batch.
          if (claim && (claim.state === 'pending' || !recorded.has(message.idempotencyKey)))
            again.add(claim.batchId);
          else fresh.push(message);
        }
        const submissions = await Promise.all(
          fresh.map(async (message) => ({
            lane: LANE[message.template],
            member: deliveryMessage(message),
            email: await outgoingEmail(dressing, message, replyTo.get(message.teamId)),
          })),
        );
        await settleAll([...[...again].map((id) => batcher.resend(id)), batcher.submit(submissions)]);
      }
    },
  };
}

async function deliveriesOf(orm: Orm, messages: EmailMessage[]): Promise<Map<string, Delivery>> {
  const rows = await orm.em
    .fork()
    .find(Delivery, { idempotencyKey: { $in: messages.map((message) => message.idempotencyKey) } });
  return new Map(rows.map((row) => [row.idempotencyKey, row]));
}

function resultOf(message: EmailMessage, row: Delivery): SendResult {
  return {
    idempotencyKey: message.idempotencyKey,
    userId: message.to.userId,
    state: row.state,
    ...(row.error ? { reason: row.error } : {}),
  };
}

/**
 * Waits for `work`, telling Temporal meanwhile that the activity is alive: a batch may wait for
 * its slot behind others, and the workflow's heartbeat timeout (a minute) should notice only a
 * crashed worker. Outside an activity (tests calling the function directly) it just waits.
 */
async function whileBeating<T>(work: Promise<T>): Promise<T> {
  const context = asyncLocalStorage.getStore();
  if (!context) return work;
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
