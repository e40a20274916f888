// How the Resend transport turns each answer of the real SDK (over HTTP, from the local Resend
// server) into the notifier's failure vocabulary: what Temporal will retry, and how soon.
import { startLocalResend, type LocalResend, type LocalResendFault } from '@rhythm/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { Resend } from 'resend';
import { EmailFailure } from '../src/errors.js';
import { resendTransport } from '../src/transports/resend.transport.js';
import type { OutgoingEmail } from '../src/transports/transport.js';

const API_KEY = 're_test_transport';
let server: LocalResend;
beforeAll(async () => {
  server = await startLocalResend({ apiKey: API_KEY });
});
afterAll(async () => server?.close());

const transport = (key = API_KEY, baseUrl = server.url) => resendTransport(new Resend(key, { baseUrl }));
let n = 0;
const emails = (count: number, to = (i: number) => `person-${n}-${i}@example.com`): OutgoingEmail[] =>
  Array.from({ length: count }, (_, i) => ({
    idempotencyKey: `k-${n}-${i}`,
    from: 'Rhythm <rhythm@example.com>',
    to: to(i),
    subject: `Hello ${i}`,
    html: '<p>Hi</p>',
    text: 'Hi',
  }));
const send = (batch: OutgoingEmail[], key = `batch-${++n}`, via = transport()) => via.sendBatch(batch, key);
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ApplicationFailure);
      return error as ApplicationFailure;
    },
  );

describe('resend transport', () => {
  it("returns Resend's message ids in the order of the emails, sent under the caller's idempotency key", async () => {
    const batch = emails(3);
    const ids = await send(batch, 'the-callers-key');
    expect(ids).toEqual(server.emails.slice(-3).map((e) => ({ id: e.id })));
    expect(server.emails.slice(-3).map((e) => e.to[0])).toEqual(batch.map((e) => e.to));
    expect(server.requests.at(-1)).toMatchObject({
      path: '/emails/batch',
      idempotencyKey: 'the-callers-key',
    });
  });

  it('sends the others when Resend refuses one address, and returns the refusal in its place', async () => {
    server.refuse('nobody@bounce.example.com');
    const batch = emails(3, (i) => (i === 1 ? 'nobody@bounce.example.com' : `person-${n}-${i}@example.com`));
    const outcomes = await send(batch);
    const [first, third] = server.emails.slice(-2);
    expect(outcomes).toEqual([
      { id: first!.id },
      { refused: expect.stringContaining('nobody@bounce.example.com') },
      { id: third!.id },
    ]);
    expect([first!.to[0], third!.to[0]]).toEqual([batch[0]!.to, batch[2]!.to]);
  });

  it('refuses more than 100 emails before calling Resend', async () => {
    const before = server.stats.requests;
    await expect(send(emails(101))).rejects.toThrow(RangeError);
    expect(server.stats.requests).toBe(before);
  });

  it.each<{ what: string; fault: LocalResendFault; type: string; retryable: boolean }>([
    { what: '500', fault: { status: 500 }, type: EmailFailure.ProviderUnavailable, retryable: true },
    { what: '503', fault: { status: 503 }, type: EmailFailure.ProviderUnavailable, retryable: true },
    { what: '401', fault: { status: 401 }, type: EmailFailure.ProviderUnauthorized, retryable: false },
    {
      what: '422',
      fault: { status: 422, message: 'Invalid `to` field.' },
      type: EmailFailure.Rejected,
      retryable: false,
    },
    {
      what: 'a dropped connection',
      fault: { status: 'drop-connection', accepted: false },
      type: EmailFailure.ProviderUnavailable,
      retryable: true,
    },
  ])(
    'maps $what to $type (retryable: $retryable) with the normal backoff',
    async ({ fault, type, retryable }) => {
      server.failNext(1, fault);
      const failure = await failureOf(send(emails(1)));
      expect(failure).toMatchObject({ type, nonRetryable: !retryable });
      expect(failure.nextRetryDelay).toBeUndefined();
    },
  );

  it('maps a wrong API key (403 invalid_api_key) to a non-retryable failure', async () => {
    const failure = await failureOf(send(emails(1), 'k-403', transport('re_wrong')));
    expect(failure).toMatchObject({
      type: EmailFailure.ProviderUnauthorized,
      nonRetryable: true,
      message: 'invalid_api_key (403): API key is invalid.',
    });
  });

  it('maps no server at all to a retryable failure', async () => {
    const gone = await startLocalResend({ apiKey: API_KEY });
    await gone.close();
    const failure = await failureOf(send(emails(1), 'k-gone', transport(API_KEY, gone.url)));
    expect(failure).toMatchObject({ type: EmailFailure.ProviderUnavailable, nonRetryable: false });
  });

  it('maps 429 rate_limit_exceeded to a retry no sooner than retry-after', async () => {
    server.failNext(1, { status: 429, retryAfterSeconds: 7 });
    const failure = await failureOf(send(emails(1)));
    expect(failure).toMatchObject({
      type: EmailFailure.RateLimited,
      nonRetryable: false,
      nextRetryDelay: 7_000,
    });
  });

  it("maps the server's own rate limit to a retry after its retry-after", async () => {
    const limited = await startLocalResend({ apiKey: API_KEY, requestsPerSecond: 1 });
    try {
      const via = transport(API_KEY, limited.url);
      await send(emails(1), 'k-first', via);
      const failure = await failureOf(send(emails(1), 'k-second', via));
      expect(failure).toMatchObject({ type: EmailFailure.RateLimited, nonRetryable: false });
      expect(failure.nextRetryDelay).toBeGreaterThanOrEqual(1_000);
      expect(limited.stats.rateLimited).toBe(1);
    } finally {
      await limited.close();
    }
  });

  it('maps daily_quota_exceeded to a retry after the next midnight UTC, when Resend resets it', async () => {
    const quota = await startLocalResend({ apiKey: API_KEY, dailyQuota: 2 });
    try {
      const via = transport(API_KEY, quota.url);
      await send(emails(2), 'k-quota-1', via);
      const failure = await failureOf(send(emails(1), 'k-quota-2', via));
      const now = new Date();
      const untilMidnight =
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime();
      expect(failure).toMatchObject({ type: EmailFailure.QuotaExceeded, nonRetryable: false });
      expect(failure.nextRetryDelay).toBeGreaterThanOrEqual(untilMidnight);
      expect(failure.nextRetryDelay).toBeLessThanOrEqual(untilMidnight + 65_000);
      expect(quota.emails).toHaveLength(2);
    } finally {
      await quota.close();
    }
  });

  it('maps monthly_quota_exceeded to an hourly look (Resend tells no reset time)', async () => {
    server.failNext(1, {
      status: 429,
      name: 'monthly_quota_exceeded',
      message: 'You have exceeded your monthly email sending quota.',
    });
    const failure = await failureOf(send(emails(1)));
    expect(failure).toMatchObject({
      type: EmailFailure.QuotaExceeded,
      nonRetryable: false,
      nextRetryDelay: 60 * 60 * 1000,
    });
  });

  it('maps a reused idempotency key with a different body (409) to a non-retryable failure', async () => {
    await send(emails(1), 'k-reused');
    const failure = await failureOf(send(emails(2), 'k-reused'));
    expect(failure).toMatchObject({
      type: EmailFailure.Rejected,
      nonRetryable: true,
      message: expect.stringContaining('invalid_idempotent_request (409)'),
    });
  });
});
