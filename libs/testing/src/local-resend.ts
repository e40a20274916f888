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
//   batch): 422 validation_error, as the SDK's fixtures record it (do not retry).
// - `Idempotency-Key` (1–256 characters, else 400 invalid_idempotency_key): the same key on the
//   same endpoint within 24 hours with the same body answers the original response and sends
//   nothing; with a different body, 409 invalid_idempotent_request. Only accepted requests are
//   remembered. (409 concurrent_idempotent_requests does not arise: a request is handled at once.)
//   https://resend.com/docs/dashboard/emails/idempotency-keys
// - Rate limit: `requestsPerSecond` per API key (Resend counts per team; one key per team here),
//   429 rate_limit_exceeded with `retry-after` in seconds, and ratelimit-limit / -remaining /
//   -reset on every authenticated answer. https://resend.com/docs/api-reference/rate-limit
// - Quotas: with `dailyQuota`, 429 daily_quota_exceeded once the UTC day's accepted emails reach it,
//   x-resend-daily-quota on answers; x-resend-monthly-quota always. Same page, "Email Quotas".
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  faultError,
  quotas,
  idempotencyMemory,
  requestWatchers,
  type AcceptedEmail,
  type LocalResend,
  type LocalResendFault,
  type LocalResendOptions,
  type LocalResendStats,
  type ReceivedRequest,
} from './local-resend-api.js';
import {
  BATCH_LIMIT,
  errorBody,
  isError,
  rateLimiter,
  validateEmail,
  type EmailPayload,
  type ResendErrorBody,
} from './local-resend-rules.js';

const ROUTES = new Set(['/emails', '/emails/batch']);

export async function startLocalResend(options: LocalResendOptions): Promise<LocalResend> {
  const emails: AcceptedEmail[] = [];
  const requests: ReceivedRequest[] = [];
  const stats: LocalResendStats = { requests: 0, tooManyRequests: 0, rateLimited: 0, replays: 0 };
  const faults: LocalResendFault[] = [];
  let storm: { until: number; fault: LocalResendFault } | null = null;
  const idempotency = idempotencyMemory();
  const timers = new Set<NodeJS.Timeout>();
  const watchers = requestWatchers();
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

  const { quotaHeaders, usedToday } = quotas(emails, options.dailyQuota);

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
      if (!decision.allowed) return fail(faultError({ status: 429 }));
    }

    const fault = faults.shift() ?? (storm && at < storm.until ? storm.fault : undefined);
    if (fault && typeof fault.status === 'number') {
      if (fault.status === 429) headers = { ...headers, 'retry-after': String(fault.retryAfterSeconds ?? 1) };
      return fail(faultError(fault));
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
      const earlier = idempotency.recall(scope, idempotencyKey, body, at);
      if (earlier && 'statusCode' in earlier) return fail(earlier);
      if (earlier) {
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
    if (idempotencyKey !== null) idempotency.remember(scope, body, response, at);
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
        watchers.notify();
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
    waitUntil: (predicate, timeoutMs = 30_000) =>
      watchers.waitUntil(predicate, timeoutMs, () => `${stats.requests} requests, ${emails.length} emails`),
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

export type {
  AcceptedEmail,
  LocalResend,
  LocalResendFault,
  LocalResendOptions,
  LocalResendStats,
  ReceivedRequest,
} from './local-resend-api.js';
