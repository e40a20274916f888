// Sends one stored batch (batch-store.ts) and records what became of every email in it, whoever
// asks: the process that cut it, or any activity, on any replica, whose email it holds (a retry
// after a crash or a retryable failure). The batch goes under its own key with its stored body, so
// the provider replays a request it already took. The row lock, held while the request runs,
// makes one sender at a time; the Delivery rows and the batch's end are written in the same
// transaction, so a crash leaves the batch pending and the next sender replays it.
//
// A refusal of the whole request that retrying cannot cure (a wrong key, an unverified domain)
// becomes every email's outcome, `failed` with the provider's words, as before coalescing: the
// activities complete and the sessions carry on. Retryable failures (429, 5xx, no answer) reject,
// and each activity whose email the batch holds goes back to Temporal.
import { setTimeout as sleep } from 'node:timers/promises';
import { recordDeliveries, type DeliveryMessage, type DeliveryOutcome, type Orm } from '@rhythm/persistence';
import { ApplicationFailure } from '@temporalio/activity';
import { EmailFailure } from '../errors.js';
import type { EmailOutcome, EmailTransport } from '../transports/transport.js';
import { finishBatch, lockBatchToSend, needsSending, noteFailure, type StoredBatch } from './batch-store.js';
import type { RateLimiter } from './rate-limiter.js';

/** Longest retry-after waited out in place (see request). */
const IN_PLACE_RATE_LIMIT_WAIT_MS = 2_000;

export interface BatchSender {
  /**
   * Sends batch `id` unless it is done, and records its emails' Delivery rows; rejects with the
   * retryable failure. `slotTaken`: the caller has just been given a rate-limit slot for it.
   */
  send(id: string, options?: { slotTaken?: boolean }): Promise<void>;
}

export interface BatchSenderOptions {
  orm: Orm;
  transport: EmailTransport;
  limiter: RateLimiter;
  /**
   * Batches this process sends at once. Each holds a pooled database connection while its request
   * runs (the row lock), and the limiter needs one more: fewer than the pool's ten, or they wait
   * on each other for ever.
   */
  maxConcurrent?: number;
}

export function createBatchSender({
  orm,
  transport,
  limiter,
  maxConcurrent = 4,
}: BatchSenderOptions): BatchSender {
  // Activities of this process waiting for the same batch share one send.
  const sending = new Map<string, Promise<void>>();
  const permits = semaphore(maxConcurrent);

  async function sendOnce(id: string, slotTaken: boolean): Promise<void> {
    if (!slotTaken) {
      // Look before taking a rate-limit slot: most batches an activity asks about are done.
      if (!(await needsSending(orm.em.fork(), id))) return;
      await limiter.acquire();
    }
    const failure = await permits.run(() =>
      orm.em.fork().transactional(async (tx) => {
        const batch = await lockBatchToSend(tx, id);
        if (!batch) return null; // Another sender finished it while we waited for the lock.
        let outcomes: EmailOutcome[];
        let state: 'sent' | 'refused' = 'sent';
        try {
          outcomes = await request(transport, limiter, batch);
        } catch (error) {
          if (!(error instanceof ApplicationFailure && error.nonRetryable)) {
            await noteFailure(tx, id, error);
            return error; // Committed as pending, then thrown below.
          }
          outcomes = batch.emails.map(() => ({ refused: error.message }));
          state = 'refused';
        }
        const rows = batch.members.map((message, i) => deliveryOutcome(message, outcomes[i]!));
        await recordDeliveries(orm, rows, { replaceFailed: true, em: tx });
        const claims = rows.map((row) => ({
          key: row.message.idempotencyKey,
          state: row.state === 'sent' ? ('sent' as const) : ('failed' as const),
        }));
        await finishBatch(tx, id, state, claims);
        return null;
      }),
    );
    if (failure) throw failure;
  }

  return {
    send(id, { slotTaken = false } = {}) {
      let pending = sending.get(id);
      if (!pending) {
        pending = sendOnce(id, slotTaken).finally(() => sending.delete(id));
        sending.set(id, pending);
      }
      return pending;
    },
  };
}

/**
 * The request. A first 429 that asks for a short wait is waited out here, once, with a fresh
 * slot: the batch is in hand, whereas going back to Temporal means every activity it holds waits
 * for its own retry. A second 429, or a longer wait, goes to Temporal as nextRetryDelay.
 */
async function request(
  transport: EmailTransport,
  limiter: RateLimiter,
  batch: StoredBatch,
): Promise<EmailOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transport.sendBatch(batch.emails, batch.idempotencyKey);
    } catch (error) {
      const wait =
        error instanceof ApplicationFailure && error.type === EmailFailure.RateLimited
          ? error.nextRetryDelay
          : undefined;
      if (attempt > 1 || typeof wait !== 'number' || wait > IN_PLACE_RATE_LIMIT_WAIT_MS) throw error;
      await sleep(wait);
      await limiter.acquire();
    }
  }
}

export function deliveryOutcome(message: DeliveryMessage, outcome: EmailOutcome): DeliveryOutcome {
  return 'id' in outcome
    ? { message, state: 'sent', error: null, providerMessageId: outcome.id }
    : { message, state: 'failed', error: outcome.refused, providerMessageId: null };
}

/** At most `count` callers inside `run` at once; the others queue in order. */
function semaphore(count: number) {
  const queue: (() => void)[] = [];
  let free = count;
  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await work();
      } finally {
        const next = queue.shift();
        if (next) next();
        else free++;
      }
    },
  };
}
