// One notifier process's coalescing: its concurrent sendEmails activities (of many sessions) hand
// in their rendered emails, and they leave in provider batches of up to 100. A batch goes when it
// is full or when its first email has waited `lingerMs`, and no sooner than the shared rate limit
// gives a slot. It is cut only then, urgent lane first (invitations and reminders before moved and
// cancelled notices), so an invitation handed in while hundreds of notices wait takes the next
// request. Each email's promise settles when its batch is answered and recorded.
import { EMAIL_BATCH_LIMIT } from '@rhythm/domain';
import type { Orm } from '@rhythm/persistence';
import type { BatchSender } from './batch-sender.js';
import { storeBatch, type BatchEntry, type Lane } from './batch-store.js';
import type { RateLimiter } from './rate-limiter.js';

export interface Submission extends BatchEntry {
  lane: Lane;
}

export interface EmailBatcher {
  /**
   * Resolves once every one of these emails' batches is answered and recorded; rejects, once all
   * have settled, with the first retryable failure among them.
   */
  submit(submissions: Submission[]): Promise<void>;
  /** Sends again (or waits for) the batch that already holds an email; settles like `submit`. */
  resend(batchId: string): Promise<void>;
}

export interface EmailBatcherOptions {
  orm: Orm;
  sender: BatchSender;
  limiter: RateLimiter;
  /** How long the first email of a batch waits for others before the batch goes anyway. */
  lingerMs?: number;
  /** This process's batches in flight at once (see BatchSenderOptions.maxConcurrent). */
  maxInFlight?: number;
}

interface Waiting extends Submission {
  since: number;
  settle(outcome: Promise<void>): void;
}

export function createEmailBatcher({
  orm,
  sender,
  limiter,
  lingerMs = 200,
  maxInFlight = 4,
}: EmailBatcherOptions): EmailBatcher {
  const lanes: Record<Lane, Waiting[]> = { urgent: [], bulk: [] };
  const inFlight = new Set<Promise<void>>();
  let dispatching = false;
  let nudge: (() => void) | null = null;
  const queued = () => lanes.urgent.length + lanes.bulk.length;

  /** Until a batch is full, or its oldest email has lingered long enough. */
  async function lingered(): Promise<void> {
    for (;;) {
      if (queued() >= EMAIL_BATCH_LIMIT) return;
      const oldest = Math.min(lanes.urgent[0]?.since ?? Infinity, lanes.bulk[0]?.since ?? Infinity);
      const wait = oldest + lingerMs - Date.now();
      if (wait <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        nudge = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      nudge = null;
    }
  }

  // Runs while emails wait and ends when none do, so an idle notifier holds no timer.
  async function dispatch(): Promise<void> {
    try {
      while (queued() > 0) {
        await lingered();
        while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
        await limiter.acquire();
        const cut = lanes.urgent.splice(0, EMAIL_BATCH_LIMIT);
        cut.push(...lanes.bulk.splice(0, EMAIL_BATCH_LIMIT - cut.length));
        const job = send(cut);
        inFlight.add(job);
        void job.finally(() => inFlight.delete(job));
      }
    } catch (error) {
      // The limiter could not reach PostgreSQL: whatever waits fails, and Temporal retries it.
      for (const waiting of [...lanes.urgent.splice(0), ...lanes.bulk.splice(0)])
        waiting.settle(Promise.reject(error));
    } finally {
      dispatching = false;
    }
  }

  /** Stores the cut as a batch and sends it; never rejects (each email's promise carries the outcome). */
  async function send(cut: Waiting[]): Promise<void> {
    // One entry per email: a retry of an activity still running here may hand the same one in.
    const entries = new Map<string, Waiting>();
    for (const waiting of cut)
      if (!entries.has(waiting.member.idempotencyKey)) entries.set(waiting.member.idempotencyKey, waiting);
    const lane: Lane = cut.some((waiting) => waiting.lane === 'urgent') ? 'urgent' : 'bulk';
    try {
      const { id, holders } = await storeBatch(orm, lane, [...entries.values()]);
      const own = id === null ? null : sender.send(id, { slotTaken: true });
      for (const waiting of cut) {
        const holder = holders.get(waiting.member.idempotencyKey);
        // An email another batch already holds waits for that batch instead.
        if (holder === undefined) waiting.settle(Promise.reject(new Error('email left unclaimed')));
        else waiting.settle(holder === id && own ? own : sender.send(holder));
      }
      await own?.catch(() => undefined);
    } catch (error) {
      for (const waiting of cut) waiting.settle(Promise.reject(error));
    }
  }

  return {
    submit(submissions) {
      const outcomes = submissions.map(
        (submission) =>
          new Promise<void>((resolve, reject) => {
            lanes[submission.lane].push({
              ...submission,
              since: Date.now(),
              settle: (outcome) => void outcome.then(resolve, reject),
            });
          }),
      );
      if (dispatching) nudge?.();
      else {
        dispatching = true;
        void dispatch();
      }
      return settleAll(outcomes);
    },
    resend: (batchId) => sender.send(batchId),
  };
}

/** Waits for all; then rejects with the first failure, if any. */
export async function settleAll(work: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find(
    (result): result is PromiseRejectedResult => result.status === 'rejected',
  );
  if (failed) throw failed.reason;
}
