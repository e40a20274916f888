// Resend through the real SDK's batch endpoint. The SDK resolves to { data, error, headers } and
// does not throw, neither on an HTTP error nor on a network failure (that comes back as
// application_error with statusCode null), so every outcome is mapped here onto the notifier's
// failure vocabulary (../errors.ts), with the wait Resend asks for where it tells one.
//
// Retries must end well inside Resend's 24-hour idempotency window. That bound is not here but on
// the caller: EMAIL_RETRY_BOUND (libs/domain/src/notification-rules.ts) ends every retry however
// long a retry-after or a quota reset asks to wait.
import { EMAIL_BATCH_LIMIT } from '@rhythm/domain';
import type { ApplicationFailure } from '@temporalio/activity';
import type { Resend } from 'resend';
import { EmailFailure, emailFailure, type ProviderError } from '../errors.js';
import type { EmailOutcome, EmailTransport, OutgoingEmail } from './transport.js';

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;

export interface ResendTransportOptions {
  /** Abort a request that has not answered by then; the retry replays under the same key. */
  requestTimeoutMs?: number;
}

export function resendTransport(
  resend: Resend,
  { requestTimeoutMs = 30 * SECOND }: ResendTransportOptions = {},
): EmailTransport {
  return {
    name: 'resend',
    async sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<EmailOutcome[]> {
      if (emails.length > EMAIL_BATCH_LIMIT)
        throw new RangeError(
          `a Resend batch takes at most ${EMAIL_BATCH_LIMIT} emails, got ${emails.length}`,
        );
      const { data, error, headers } = await resend.batch.send(
        emails.map(({ from, to, subject, html, text, headers, replyTo }) => ({
          from,
          to,
          subject,
          html,
          text,
          ...(headers ? { headers } : {}),
          ...(replyTo ? { replyTo } : {}),
        })),
        // Permissive: an email Resend refuses (a bad address) comes back in `errors` by its index
        // and the others are sent, instead of the whole batch being refused for one recipient.
        { idempotencyKey, batchValidation: 'permissive', signal: AbortSignal.timeout(requestTimeoutMs) },
      );
      if (error)
        throw resendFailure(
          { status: error.statusCode ?? null, name: error.name, message: error.message },
          headers ?? {},
          Date.now(),
        );
      return outcomes(emails.length, data.data, data.errors ?? []);
    },
  };
}

/**
 * Resend's permissive answer lists the created emails' ids in request order (`data`) and the
 * refused ones by index (`errors`); this pairs them back with the emails.
 */
export function outcomes(
  count: number,
  created: { id: string }[],
  errors: { index: number; message: string }[],
): EmailOutcome[] {
  const refusals = new Map(errors.map((error) => [error.index, error.message]));
  const ids = created[Symbol.iterator]();
  return Array.from({ length: count }, (_, index): EmailOutcome => {
    const refusal = refusals.get(index);
    if (refusal !== undefined) return { refused: refusal };
    const id = ids.next();
    if (id.done)
      throw new Error(
        `Resend answered ${created.length} ids and ${errors.length} errors for ${count} emails`,
      );
    return { id: id.value.id };
  });
}

/** Maps one Resend error (https://resend.com/docs/api-reference/errors) to a Temporal failure. */
export function resendFailure(
  error: ProviderError,
  headers: Record<string, string>,
  now: number,
): ApplicationFailure {
  const asked = retryAfterMs(headers, now);
  if (error.status === null) return emailFailure(EmailFailure.ProviderUnavailable, error);
  // Resend: the daily quota (free plan) resets at midnight UTC. The monthly quota follows the
  // billing period, which the API does not tell, and an upgrade lifts it at once: look hourly.
  if (error.name === 'daily_quota_exceeded')
    return emailFailure(EmailFailure.QuotaExceeded, error, Math.max(untilUtcMidnight(now), asked ?? 0));
  if (error.name === 'monthly_quota_exceeded')
    return emailFailure(EmailFailure.QuotaExceeded, error, Math.max(HOUR, asked ?? 0));
  if (error.status === 429)
    return emailFailure(EmailFailure.RateLimited, error, asked ?? resetMs(headers) ?? SECOND);
  if (error.status >= 500 || error.name === 'concurrent_idempotent_requests')
    return emailFailure(EmailFailure.ProviderUnavailable, error);
  if (error.status === 401 || error.status === 403)
    return emailFailure(EmailFailure.ProviderUnauthorized, error);
  return emailFailure(EmailFailure.Rejected, error);
}

/** `retry-after` as delta-seconds or an HTTP date, rounded up so the retry is never early. */
function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * SECOND);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function resetMs(headers: Record<string, string>): number | undefined {
  const seconds = Number(headers['ratelimit-reset']);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds * SECOND) : undefined;
}

/** A minute past the next 00:00 UTC, so a clock a little behind Resend's does not retry early. */
function untilUtcMidnight(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1) - now + 60 * SECOND;
}
