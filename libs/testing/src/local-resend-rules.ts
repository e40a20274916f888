// The rules the local Resend server applies to a request: payload validation, the per-key rate
// limit and the quota windows. Kept apart from the HTTP plumbing in local-resend.ts; the sources
// for each rule are listed there.
import { createHash } from 'node:crypto';

/** Resend's error body, as the SDK parses it into `{ error }`. */
export interface ResendErrorBody {
  statusCode: number;
  name: string;
  message: string;
}

export function errorBody(statusCode: number, name: string, message: string): ResendErrorBody {
  return { statusCode, name, message };
}

/** One email as the server keeps it, after validation. */
export interface EmailPayload {
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  replyTo?: string;
}

export const BATCH_LIMIT = 100;
const RECIPIENT_LIMIT = 50;
// Deliberately simple: enough to tell a real address from a typo or an empty string.
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const NAMED_ADDRESS = /^[^<>]*<([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>$/;

/** Validates one email; returns the error (422 validation_error) or the normalised payload. */
export function validateEmail(body: unknown, where = ''): EmailPayload | ResendErrorBody {
  const invalid = (message: string) => errorBody(422, 'validation_error', `${where}${message}`);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return invalid('The email must be a JSON object.');
  const email = body as Record<string, unknown>;
  if (email.from === undefined) return invalid('Missing `from` field.');
  if (
    typeof email.from !== 'string' ||
    !(ADDRESS.test(email.from.trim()) || NAMED_ADDRESS.test(email.from.trim()))
  ) {
    return invalid(
      'Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.',
    );
  }
  if (email.to === undefined) return invalid('Missing `to` field.');
  const to = typeof email.to === 'string' ? [email.to] : email.to;
  if (
    !Array.isArray(to) ||
    to.length === 0 ||
    to.length > RECIPIENT_LIMIT ||
    !to.every((a) => typeof a === 'string' && ADDRESS.test(a))
  ) {
    return invalid(
      'Invalid `to` field. The email address needs to follow the `email@example.com` format (at most 50 addresses).',
    );
  }
  if (typeof email.subject !== 'string' || email.subject.length === 0)
    return invalid('Missing `subject` field.');
  if (email.attachments !== undefined && where)
    return invalid('The `attachments` field is not supported in batch sending.');
  return {
    from: email.from,
    to: to as string[],
    subject: email.subject,
    ...(typeof email.html === 'string' ? { html: email.html } : {}),
    ...(typeof email.text === 'string' ? { text: email.text } : {}),
    ...(isHeaders(email.headers) ? { headers: email.headers } : {}),
    ...(typeof email.reply_to === 'string' ? { replyTo: email.reply_to } : {}),
  };
}

function isHeaders(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string')
  );
}

export function isError(value: unknown): value is ResendErrorBody {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'name' in value;
}

/** Same JSON value → same hash, whatever the key order or whitespace of the request body. */
export function bodyHash(value: unknown): string {
  const sorted = (_: string, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v;
  return createHash('sha256').update(JSON.stringify(value, sorted)).digest('hex');
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * A token bucket per API key: `perSecond` tokens a second, at most `perSecond` in hand. Resend
 * documents the limit ("N requests per second") and its headers, not its algorithm; a bucket of
 * one second keeps the documented rate while letting a client that paces itself at exactly that
 * rate through despite jitter.
 */
export function rateLimiter(perSecond: number, now: () => number = Date.now): (key: string) => RateDecision {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const capacity = Math.max(1, perSecond);
  return (key) => {
    const time = now();
    const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
    bucket.at = time;
    buckets.set(key, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const headers: Record<string, string> = {
      'ratelimit-limit': String(perSecond),
      'ratelimit-remaining': String(Math.floor(bucket.tokens)),
      'ratelimit-reset': String(Math.ceil((capacity - bucket.tokens) / perSecond)),
    };
    // Whole seconds, as the header's delta-seconds form requires; never 0, or a client would spin.
    if (!allowed) headers['retry-after'] = String(Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)));
    return { allowed, headers };
  };
}

export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
