// A local HTTP server that keeps the part of Resend's API contract the notifier relies on, so tests
// and the benchmark run the real `resend` SDK (pointed here with RESEND_BASE_URL or `baseUrl`)
// without a network or an account. What it keeps, and where Resend documents it:
//
// - POST /emails answers { id }; POST /emails/batch takes a JSON array of at most 100 emails, no
//   attachments, and answers { data: [{ id }] } in request order. Batches are validated strictly
//   (one bad email rejects the whole batch), the SDK's default `x-batch-validation: strict`; with
//   `x-batch-validation: permissive` the valid emails are sent and the answer is
//   { data: [{ id }] (the created ones, in request order), errors: [{ index, message }] }.
//   https://resend.com/docs/api-reference/emails/send-email
//   https://resend.com/docs/api-reference/emails/send-batch-emails
//   https://resend.com/changelog/batch-validation-modes
// - Errors are JSON { statusCode, name, message }, the shape the SDK hands back as `error`.
//   https://resend.com/docs/api-reference/errors (and resend-node's ErrorResponse type)
// - `Authorization: Bearer <key>`: 401 missing_api_key without one, 403 invalid_api_key for a wrong one.
//   https://resend.com/docs/api-reference/introduction#authentication, .../errors
// - Bad payload (missing from/to/subject, malformed address, more than 100 emails, a non-array
//   batch): 422 validation_error. Resend's errors page now lists validation_error as 400 and 422
//   for missing fields; the SDK's own fixtures record 422 validation_error. Both are "do not retry".
// - `Idempotency-Key` (1–256 characters, else 400 invalid_idempotency_key): the same key on the
//   same endpoint within 24 hours with the same body answers the original response and sends
//   nothing; with a different body, 409 invalid_idempotent_request. Only accepted requests are
//   remembered. (409 concurrent_idempotent_requests does not arise: a request is handled at once.)
//   https://resend.com/docs/dashboard/emails/idempotency-keys
// - Rate limit: `requestsPerSecond` per API key (Resend counts per team; one key per team here),
//   429 rate_limit_exceeded with `retry-after` in seconds, and ratelimit-limit / -remaining /
//   -reset on every authenticated answer. Resend's default was 2 per second when the limit came
//   (changelog) and is 10 in today's docs.
//   https://resend.com/docs/api-reference/rate-limit, https://resend.com/changelog/api-rate-limit
// - Quotas: with `dailyQuota`, 429 daily_quota_exceeded once the UTC day's accepted emails reach
//   it (Resend's free plan; the day resets at midnight UTC) and x-resend-daily-quota on answers;
//   x-resend-monthly-quota (emails this UTC month) always. Same page, "Email Quotas".
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BATCH_LIMIT,
  bodyHash,
  errorBody,
  isError,
  rateLimiter,
  utcDay,
  validateEmail,
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

const ROUTES = new Set(['/emails', '/emails/batch']);
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
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

interface Remembered {
  hash: string;
  status: number;
  body: unknown;
  expiresAt: number;
}

export async function startLocalResend(options: LocalResendOptions): Promise<LocalResend> {
  const emails: AcceptedEmail[] = [];
  const requests: ReceivedRequest[] = [];
  const stats: LocalResendStats = { requests: 0, tooManyRequests: 0, rateLimited: 0, replays: 0 };
  const faults: LocalResendFault[] = [];
  let storm: { until: number; fault: LocalResendFault } | null = null;
  const remembered = new Map<string, Remembered>();
  const timers = new Set<NodeJS.Timeout>();
  const watchers = new Set<() => void>();
  const limit = options.requestsPerSecond ? rateLimiter(options.requestsPerSecond) : null;
  const refused = new Set((options.refusedAddresses ?? []).map((address) => address.toLowerCase()));
  const validate = (email: unknown, where?: string) => {
    const payload = validateEmail(email, where);
    if (isError(payload)) return payload;
    const bad = payload.to.find((address) => refused.has(address.toLowerCase()));
    return bad
      ? errorBody(422, 'validation_error', `${where ?? ''}Invalid \`to\` field: ${bad} cannot receive email.`)
      : payload;
  };

  const quotaHeaders = (now: number): Record<string, string> => {
    const month = utcDay(now).slice(0, 7);
    const headers: Record<string, string> = {
      'x-resend-monthly-quota': String(emails.filter((e) => utcDay(e.acceptedAt).startsWith(month)).length),
    };
    if (options.dailyQuota !== undefined) headers['x-resend-daily-quota'] = String(usedToday(now));
    return headers;
  };
  const usedToday = (now: number) => emails.filter((e) => utcDay(e.acceptedAt) === utcDay(now)).length;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://local').pathname.replace(/\/$/, '');
    const idempotencyKey =
      req.headers['idempotency-key'] === undefined ? null : String(req.headers['idempotency-key']);
    const entry: ReceivedRequest = { at, path, idempotencyKey, status: 0, accepted: 0, replayed: false };
    requests.push(entry);
    stats.requests += 1;
    let headers: Record<string, string> = {};
    const answer = (status: number, body: unknown) => {
      entry.status = status;
      if (status === 429) stats.tooManyRequests += 1;
      if (isError(body) && body.name === 'rate_limit_exceeded') stats.rateLimited += 1;
      if (!res.destroyed)
        res
          .writeHead(status, { 'content-type': 'application/json', ...headers, ...quotaHeaders(Date.now()) })
          .end(JSON.stringify(body));
    };
    const fail = (error: ResendErrorBody) => answer(error.statusCode, error);

    if (!ROUTES.has(path)) return fail(errorBody(404, 'not_found', 'The requested endpoint does not exist.'));
    if (req.method !== 'POST')
      return fail(errorBody(405, 'method_not_allowed', 'Method is not allowed for the requested path.'));
    const key = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!key) return fail(errorBody(401, 'missing_api_key', 'Missing API key in the authorization header.'));
    if (key !== options.apiKey) return fail(errorBody(403, 'invalid_api_key', 'API key is invalid.'));
    if (limit) {
      const decision = limit(key);
      headers = decision.headers;
      if (!decision.allowed) {
        return fail(
          errorBody(
            429,
            'rate_limit_exceeded',
            'Too many requests. Please limit the number of requests per second.',
          ),
        );
      }
    }

    const fault = faults.shift() ?? (storm && at < storm.until ? storm.fault : undefined);
    if (fault && typeof fault.status === 'number') {
      const [name, message] = DEFAULT_FAULT_ERRORS[fault.status] ?? [
        'application_error',
        'An unexpected error occurred.',
      ];
      if (fault.status === 429) headers = { ...headers, 'retry-after': String(fault.retryAfterSeconds ?? 1) };
      return fail(errorBody(fault.status, fault.name ?? name, fault.message ?? message));
    }
    if (fault?.status === 'drop-connection' && fault.accepted === false) return drop();

    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return fail(errorBody(422, 'validation_error', 'The request body must be valid JSON.'));
    }
    const scope = `${key}\nPOST ${path}\n${idempotencyKey}`;
    if (idempotencyKey !== null) {
      if (idempotencyKey.length < 1 || idempotencyKey.length > 256) {
        return fail(
          errorBody(
            400,
            'invalid_idempotency_key',
            'Idempotency keys, if present, must have between 1 and 256 characters.',
          ),
        );
      }
      const earlier = remembered.get(scope);
      if (earlier && earlier.expiresAt > at) {
        if (earlier.hash !== bodyHash(body)) {
          return fail(
            errorBody(
              409,
              'invalid_idempotent_request',
              "This idempotency key has been used with this HTTP method and endpoint within the last 24 hours, but the request body was modified and doesn't match the original request.",
            ),
          );
        }
        entry.replayed = true;
        stats.replays += 1;
        return deliver(earlier.status, earlier.body);
      }
    }

    const batch = path === '/emails/batch';
    if (batch && (!Array.isArray(body) || body.length === 0 || body.length > BATCH_LIMIT)) {
      return fail(
        errorBody(422, 'validation_error', `The batch must be a JSON array of 1 to ${BATCH_LIMIT} emails.`),
      );
    }
    const checked = batch
      ? (body as unknown[]).map((email, i) => validate(email, `emails[${i}]: `))
      : [validate(body)];
    const permissive = batch && String(req.headers['x-batch-validation']).toLowerCase() === 'permissive';
    const invalid = checked.find(isError);
    if (invalid && !permissive) return fail(invalid);
    const errors = checked.flatMap((payload, index) =>
      isError(payload) ? [{ index, message: payload.message }] : [],
    );
    const payloads = checked.filter((payload): payload is EmailPayload => !isError(payload));
    if (options.dailyQuota !== undefined && usedToday(at) + payloads.length > options.dailyQuota) {
      return fail(
        errorBody(429, 'daily_quota_exceeded', 'You have exceeded your daily email sending quota.'),
      );
    }

    const accepted = payloads.map((payload) => ({
      ...payload,
      id: randomUUID(),
      acceptedAt: at,
      idempotencyKey,
    }));
    emails.push(...accepted);
    entry.accepted = accepted.length;
    const data = accepted.map(({ id }) => ({ id }));
    const response = batch ? (permissive ? { data, errors } : { data }) : { id: accepted[0]!.id };
    if (idempotencyKey !== null)
      remembered.set(scope, {
        hash: bodyHash(body),
        status: 200,
        body: response,
        expiresAt: at + IDEMPOTENCY_WINDOW_MS,
      });
    return deliver(200, response);

    function deliver(status: number, response: unknown): void {
      if (fault?.status === 'drop-connection') return drop();
      if (fault?.status === 'delay') {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer(status, response);
        }, fault.ms);
        timers.add(timer);
        return;
      }
      answer(status, response);
    }
    function drop(): void {
      entry.status = 'dropped';
      req.socket.destroy();
    }
  }

  const server = createServer((req, res) => {
    handle(req, res)
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(errorBody(500, 'application_error', String(error))));
      })
      .finally(() => {
        for (const watcher of watchers) watcher();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    requests,
    stats,
    refuse(address) {
      refused.add(address.toLowerCase());
    },
    failNext(count, fault) {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    failFor(ms, fault) {
      storm = ms > 0 ? { until: Date.now() + ms, fault } : null;
    },
    waitUntil(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          watchers.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(
            new Error(
              `local Resend: condition not met within ${timeoutMs} ms (${stats.requests} requests, ${emails.length} emails)`,
            ),
          );
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
