// The notifier's one vocabulary of failures. Activities throw ApplicationFailure with one of these
// types, so the session workflow, `temporal workflow show` and the Web UI all name the same cause;
// whether Temporal retries is decided here, next to the name, not at each throw site.
import { ApplicationFailure } from '@temporalio/activity';

export const EmailFailure = {
  /** 429 rate_limit_exceeded: retried, never sooner than the provider's retry-after. */
  RateLimited: 'EmailRateLimited',
  /** 429 daily/monthly quota exceeded: retried once the quota has reset. */
  QuotaExceeded: 'EmailQuotaExceeded',
  /** 5xx, no answer at all, or another request with the same key still in progress: retried with backoff. */
  ProviderUnavailable: 'EmailProviderUnavailable',
  /** 401/403: the API key is missing, wrong or not allowed to send; retrying cannot help. */
  ProviderUnauthorized: 'EmailProviderUnauthorized',
  /** 400/422 and other 4xx (e.g. 409 for a reused idempotency key): the provider refused these emails. */
  Rejected: 'EmailRejected',
} as const;
export type EmailFailure = (typeof EmailFailure)[keyof typeof EmailFailure];

const retryable: Record<EmailFailure, boolean> = {
  EmailRateLimited: true,
  EmailQuotaExceeded: true,
  EmailProviderUnavailable: true,
  EmailProviderUnauthorized: false,
  EmailRejected: false,
};

export interface ProviderError {
  status: number | null;
  name: string;
  message: string;
}

/** `nextRetryDelayMs` overrides the activity's backoff for this one retry (Temporal honours it). */
export function emailFailure(
  type: EmailFailure,
  error: ProviderError,
  nextRetryDelayMs?: number,
): ApplicationFailure {
  return ApplicationFailure.create({
    type,
    message: `${error.name}${error.status === null ? '' : ` (${error.status})`}: ${error.message}`,
    nonRetryable: !retryable[type],
    details: [error],
    ...(nextRetryDelayMs === undefined ? {} : { nextRetryDelay: nextRetryDelayMs }),
  });
}
