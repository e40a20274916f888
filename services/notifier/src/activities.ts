// The notifier's one activity. It never sends a message twice: messages already recorded as sent
// or skipped are answered from the record, each batch carries an idempotency key derived from its
// messages' keys (the provider replays instead of resending), and the record itself is written
// once. It never fails a session for email either: a refusal is that email's outcome (`failed`,
// with the provider's words), and only failures worth retrying go back to Temporal.
import { asyncLocalStorage, heartbeat } from '@temporalio/activity';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  EMAIL_BATCH_LIMIT,
  SKIP_REASON,
  skipCause,
  type DeliveryState,
  type EmailMessage,
  type NotifierActivities,
  type Owner,
  type SendResult,
} from '@rhythm/domain';
import { ApplicationFailure } from '@temporalio/activity';
import { pauseUrl } from '@rhythm/platform';
import {
  Delivery,
  pausedIn,
  processOwnerEmails,
  suppressedReason,
  suppressionsOf,
  type EntityManager,
  recordDeliveries,
  type DeliveryOutcome,
  type Orm,
} from '@rhythm/persistence';
import { EmailFailure } from './errors.js';
import { renderEmail, type Links } from './templates/render.js';
import type { EmailOutcome, EmailTransport, OutgoingEmail } from './transports/transport.js';

/** Longest retry-after the activity waits out itself (see sendChunk). */
const IN_PLACE_RATE_LIMIT_WAIT_MS = 2_000;

export interface NotifierDependencies {
  orm: Orm;
  transport: EmailTransport;
  from: string;
  links: Links;
  /**
   * Signs the one-click pause link every email carries (List-Unsubscribe); without it, emails go
   * without one (EMAIL_LINK_SECRET unset).
   */
  pauseLinks?: { secret: string; baseUrl: string };
}

export function createNotifierActivities({
  orm,
  transport,
  from,
  links,
  pauseLinks,
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
      const rows: DeliveryOutcome[] = [];
      const toSend: EmailMessage[] = [];
      const latest = await latestOwnerState(em, messages);
      for (const message of messages) {
        const done = recorded.get(message.idempotencyKey);
        // Sent and skipped are final; a failed one is here again because someone asked for a retry.
        if (done && done.state !== 'failed')
          results.set(message.idempotencyKey, resultOf(message, done.state, done.error ?? undefined));
        else {
          const skip = skipCause(latest(message));
          if (skip) rows.push(outcome(message, 'skipped', SKIP_REASON[skip]));
          else toSend.push(message);
        }
      }
      // A failed row is here again because someone asked for a retry: its new outcome replaces it.
      await recordDeliveries(orm, rows, { replaceFailed: true });
      // A reply reaches the team's process owner, not a no-reply mailbox.
      const replyTo = await processOwnerEmails(
        em,
        toSend.map((message) => message.teamId),
      );
      for (let start = 0; start < toSend.length; start += EMAIL_BATCH_LIMIT) {
        const chunk = toSend.slice(start, start + EMAIL_BATCH_LIMIT);
        beat();
        const emails = await Promise.all(
          chunk.map(async (message) => ({
            idempotencyKey: message.idempotencyKey,
            from,
            to: message.to.email!,
            ...(await renderEmail(message, links)),
            ...(pauseLinks ? { headers: listUnsubscribe(pauseLinks, message) } : {}),
            ...(replyTo.has(message.teamId) ? { replyTo: replyTo.get(message.teamId)! } : {}),
          })),
        );
        const sent = await sendChunk(transport, chunk, emails);
        // Recorded chunk by chunk: a crash later replays only the chunks not yet recorded.
        await recordDeliveries(
          orm,
          chunk.map((message, i) => {
            const result = sent[i]!;
            const row =
              'id' in result
                ? outcome(message, 'sent', null, result.id)
                : outcome(message, 'failed', result.refused);
            rows.push(row);
            return row;
          }),
          { replaceFailed: true },
        );
      }
      for (const row of rows)
        results.set(row.message.idempotencyKey, resultOf(row.message, row.state, row.error ?? undefined));
      return messages.map((message) => results.get(message.idempotencyKey)!);
    },
  };
}

/**
 * Sends one chunk. A refusal of the whole request that retrying cannot cure (a wrong key, an
 * unverified domain, a payload the provider will not take) becomes every email's outcome: the
 * chunk is recorded failed with the provider's words, the activity completes, and the session
 * carries on; the process owner retries once the cause is fixed. Retryable failures (429, 5xx, no
 * answer) go to Temporal, which tries the chunk again under the same idempotency key.
 *
 * A first 429 that asks for a short wait is waited out here, once: the chunk is rendered and its
 * key in hand, whereas a Temporal retry would render it again and spend another of the task
 * queue's rate-limited dispatches. A second 429, or a longer wait, goes to Temporal as
 * nextRetryDelay.
 */
async function sendChunk(
  transport: EmailTransport,
  chunk: EmailMessage[],
  emails: OutgoingEmail[],
): Promise<EmailOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transport.sendBatch(emails, batchKey(chunk));
    } catch (error) {
      if (error instanceof ApplicationFailure && error.nonRetryable)
        return chunk.map(() => ({ refused: error.message }));
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

/**
 * One key per chunk, derived from its messages' keys and addresses: a retried chunk replays at the
 * provider, while a refused email retried after its address was fixed is a new request (the same
 * key with another body would be refused as 409 invalid_idempotent_request).
 */
export function batchKey(messages: EmailMessage[]): string {
  const hash = createHash('sha256');
  for (const message of messages)
    hash
      .update(message.idempotencyKey)
      .update(' ')
      .update(message.to.email ?? '')
      .update('\n');
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

/**
 * The owners as they are now: the workflow built each message when its step began, and a send can
 * be retried for hours (a quota, an outage); a bounce or a pause since then still stops it.
 */
async function latestOwnerState(em: EntityManager, messages: EmailMessage[]) {
  const suppressions = await suppressionsOf(
    em,
    messages.map((message) => message.to.email),
  );
  const paused = new Set<string>();
  for (const teamId of new Set(messages.map((message) => message.teamId))) {
    const owners = messages.filter((message) => message.teamId === teamId).map((m) => m.to.userId);
    for (const userId of await pausedIn(em, teamId, owners)) paused.add(`${teamId}/${userId}`);
  }
  return ({ to, teamId }: EmailMessage): Owner => {
    const suppressed = suppressedReason(suppressions, to.email) ?? to.suppressed;
    return {
      ...to,
      ...(suppressed ? { suppressed } : {}),
      ...(paused.has(`${teamId}/${to.userId}`) || to.paused ? { paused: true } : {}),
    };
  };
}

/** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the link. */
function listUnsubscribe(
  { secret, baseUrl }: { secret: string; baseUrl: string },
  message: EmailMessage,
): Record<string, string> {
  return {
    'List-Unsubscribe': `<${pauseUrl(baseUrl, secret, message.teamId, message.to.userId)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

function outcome(
  message: EmailMessage,
  state: DeliveryState,
  error: string | null,
  providerMessageId: string | null = null,
): DeliveryOutcome {
  return { message, state, error, providerMessageId };
}
