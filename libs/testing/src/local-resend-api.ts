// The local Resend server's interface (local-resend.ts): its options, what it records, the faults a
// test can inject, and the error names and messages Resend answers with.
import {
  bodyHash,
  errorBody,
  utcDay,
  type EmailPayload,
  type ResendErrorBody,
} from './local-resend-rules.js';

export interface LocalResendOptions {
  apiKey: string;
  /** Requests per second per API key; unlimited when unset. */
  requestsPerSecond?: number;
  /** Emails per UTC day before 429 daily_quota_exceeded; unlimited when unset. */
  dailyQuota?: number;
  /**
   * Well-formed addresses the server refuses as Resend refuses an address it will not send to
   * (422 validation_error; in a permissive batch, an entry of `errors`). More with `refuse()`.
   */
  refusedAddresses?: string[];
}

/** An email the server accepted: what a recipient would receive. */
export interface AcceptedEmail extends EmailPayload {
  id: string;
  acceptedAt: number;
  idempotencyKey: string | null;
}

/** One request as it arrived, for assertions on timing and retries. */
export interface ReceivedRequest {
  at: number;
  path: string;
  idempotencyKey: string | null;
  /** The HTTP status answered, or 'dropped' when the connection was cut instead. */
  status: number | 'dropped';
  /** Emails accepted by this request (0 for a replay or an error). */
  accepted: number;
  replayed: boolean;
}

/** What the next matching requests do instead of (or on top of) the normal handling. */
export type LocalResendFault =
  | { status: 400 | 401 | 403 | 422 | 500 | 502 | 503; name?: string; message?: string }
  | {
      status: 429;
      name?: 'rate_limit_exceeded' | 'daily_quota_exceeded' | 'monthly_quota_exceeded';
      retryAfterSeconds?: number;
      message?: string;
    }
  /** Cut the connection without an answer; by default after accepting the emails (a lost reply). */
  | { status: 'drop-connection'; accepted?: boolean }
  /** Accept the emails at once, answer after `ms` (a slow reply; the client may be gone by then). */
  | { status: 'delay'; ms: number };

export interface LocalResendStats {
  requests: number;
  /** 429 answers of any kind (rate limit or quota, natural or injected). */
  tooManyRequests: number;
  rateLimited: number;
  replays: number;
}

export interface LocalResend {
  url: string;
  readonly emails: readonly AcceptedEmail[];
  readonly requests: readonly ReceivedRequest[];
  readonly stats: Readonly<LocalResendStats>;
  /** From now on, emails to `address` are refused (422 validation_error). */
  refuse(address: string): void;
  /** The next `count` authenticated, in-rate requests to /emails or /emails/batch get `fault`. */
  failNext(count: number, fault: LocalResendFault): void;
  /**
   * A storm: for the next `ms` milliseconds every authenticated, in-rate request to /emails or
   * /emails/batch gets `fault` (an outage of 5xx, a run of 429s), in Resend's error shape. Faults
   * queued by `failNext` come first; a new storm replaces one still blowing; `ms` ≤ 0 ends it.
   */
  failFor(ms: number, fault: LocalResendFault): void;
  /** Resolves once `predicate` holds (checked after each request), or rejects after `timeoutMs`. */
  waitUntil(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface Remembered {
  hash: string;
  status: number;
  body: unknown;
  expiresAt: number;
}

/** Resend's error name and message for each status a fault can answer with. */
const DEFAULT_FAULT_ERRORS: Record<number, [string, string]> = {
  400: ['validation_error', 'An error was found with one or more fields in the request.'],
  401: ['missing_api_key', 'Missing API key in the authorization header.'],
  403: ['invalid_api_key', 'API key is invalid.'],
  422: ['validation_error', 'An error was found with one or more fields in the request.'],
  429: ['rate_limit_exceeded', 'Too many requests. Please limit the number of requests per second.'],
  500: ['application_error', 'An unexpected error occurred.'],
  502: ['application_error', 'An unexpected error occurred.'],
  503: ['service_unavailable', 'API is temporarily unavailable'],
};

/** The error an injected fault answers with: its own name and message, else Resend's for its status. */
export function faultError(fault: Extract<LocalResendFault, { status: number }>): ResendErrorBody {
  const [name, message] = DEFAULT_FAULT_ERRORS[fault.status] ?? [
    'application_error',
    'An unexpected error occurred.',
  ];
  return errorBody(fault.status, fault.name ?? name, fault.message ?? message);
}

const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Resend's idempotency: the same key on the same endpoint within 24 hours answers the first
 * response; with another body it is 409; a malformed key is 400. Only accepted requests are kept.
 */
export function idempotencyMemory() {
  const remembered = new Map<string, Remembered>();
  return {
    recall(scope: string, key: string, body: unknown, at: number): ResendErrorBody | Remembered | null {
      if (key.length < 1 || key.length > 256)
        return errorBody(
          400,
          'invalid_idempotency_key',
          'Idempotency keys, if present, must have between 1 and 256 characters.',
        );
      const earlier = remembered.get(scope);
      if (!earlier || earlier.expiresAt <= at) return null;
      if (earlier.hash === bodyHash(body)) return earlier;
      return errorBody(
        409,
        'invalid_idempotent_request',
        "This idempotency key has been used with this HTTP method and endpoint within the last 24 hours, but the request body was modified and doesn't match the original request.",
      );
    },
    remember(scope: string, body: unknown, response: unknown, at: number): void {
      remembered.set(scope, {
        hash: bodyHash(body),
        status: 200,
        body: response,
        expiresAt: at + IDEMPOTENCY_WINDOW_MS,
      });
    },
  };
}

/** Callers waiting for a condition on what the server received, checked after each request. */
export function requestWatchers() {
  const watchers = new Set<() => void>();
  return {
    notify: () => watchers.forEach((watcher) => watcher()),
    waitUntil(predicate: () => boolean, timeoutMs: number, state: () => string): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          watchers.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`local Resend: condition not met within ${timeoutMs} ms (${state()})`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
  };
}

/** Resend's quota headers, and the UTC day's accepted emails a daily quota counts. */
export function quotas(emails: readonly AcceptedEmail[], dailyQuota: number | undefined) {
  const usedToday = (now: number) => emails.filter((e) => utcDay(e.acceptedAt) === utcDay(now)).length;
  const quotaHeaders = (now: number): Record<string, string> => {
    const month = utcDay(now).slice(0, 7);
    return {
      'x-resend-monthly-quota': String(emails.filter((e) => utcDay(e.acceptedAt).startsWith(month)).length),
      ...(dailyQuota === undefined ? {} : { 'x-resend-daily-quota': String(usedToday(now)) }),
    };
  };
  return { quotaHeaders, usedToday };
}
