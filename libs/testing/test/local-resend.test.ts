// The local Resend server keeps the contract its header lists. Plain fetch here, so each status,
// error body and header is checked as it goes over the wire; the notifier's tests drive it
// through the real SDK.
import { startLocalResend, type LocalResend } from '../src/index.js';

const API_KEY = 're_test_local';
let server: LocalResend;
beforeEach(async () => {
  server = await startLocalResend({ apiKey: API_KEY });
});
afterEach(async () => server?.close());

const email = (i: number, overrides: Record<string, unknown> = {}) => ({
  from: 'Rhythm <rhythm@example.com>',
  to: [`p${i}@example.com`],
  subject: `S${i}`,
  html: '<p>x</p>',
  ...overrides,
});
const batch = (count: number) => Array.from({ length: count }, (_, i) => email(i));

async function post(path: string, body: unknown, headers: Record<string, string> = {}, target = server) {
  const response = await fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('local Resend server', () => {
  it('accepts a batch of 100 and answers their ids in order; a single email gets one id', async () => {
    const answer = await post('/emails/batch', batch(100));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual(server.emails.map((e) => ({ id: e.id })));
    expect(server.emails.map((e) => e.to[0])).toEqual(batch(100).map((e) => e.to[0]));

    const single = await post('/emails', email(200, { to: 'solo@example.com' }));
    expect(single).toMatchObject({ status: 200, body: { id: server.emails.at(-1)!.id } });
    expect(server.emails.at(-1)!.to).toEqual(['solo@example.com']);
  });

  it.each([
    ['101 emails in a batch', '/emails/batch', batch(101), /1 to 100 emails/],
    ['a batch that is not an array', '/emails/batch', email(0), /JSON array/],
    ['a missing from', '/emails/batch', [email(0, { from: undefined })], /Missing `from` field/],
    [
      'a missing to',
      '/emails/batch',
      [email(0), email(1, { to: undefined })],
      /emails\[1\]: Missing `to` field/,
    ],
    ['a missing subject', '/emails', email(0, { subject: undefined }), /Missing `subject` field/],
    ['a malformed address', '/emails', email(0, { to: 'typo@example' }), /Invalid `to` field/],
    [
      'attachments in a batch',
      '/emails/batch',
      [email(0, { attachments: [{ filename: 'a.txt', content: 'eA==' }] })],
      /attachments/,
    ],
  ])('refuses %s with 422 validation_error and sends nothing', async (_, path, body, message) => {
    const answer = await post(path, body);
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      statusCode: 422,
      name: 'validation_error',
      message: expect.stringMatching(message),
    });
    expect(server.emails).toHaveLength(0);
  });

  it('refuses a batch with a refused address whole in strict mode, and only that email in permissive mode', async () => {
    server.refuse('bounce@example.com');
    const emails = [email(0), email(1, { to: 'bounce@example.com' }), email(2)];
    const strict = await post('/emails/batch', emails);
    expect(strict).toMatchObject({
      status: 422,
      body: { statusCode: 422, name: 'validation_error', message: expect.stringMatching(/emails\[1\]/) },
    });
    expect(server.emails).toHaveLength(0);

    const permissive = await post('/emails/batch', emails, { 'x-batch-validation': 'permissive' });
    expect(permissive.status).toBe(200);
    expect(permissive.body).toEqual({
      data: server.emails.map(({ id }) => ({ id })),
      errors: [{ index: 1, message: expect.stringContaining('bounce@example.com') }],
    });
    expect(server.emails.map((e) => e.to[0])).toEqual(['p0@example.com', 'p2@example.com']);
  });

  it("answers 401 without an API key and 403 with a wrong one, in Resend's error shape", async () => {
    expect(await post('/emails', email(0), { authorization: '' })).toMatchObject({
      status: 401,
      body: {
        statusCode: 401,
        name: 'missing_api_key',
        message: 'Missing API key in the authorization header.',
      },
    });
    expect(await post('/emails', email(0), { authorization: 'Bearer re_wrong' })).toMatchObject({
      status: 403,
      body: { statusCode: 403, name: 'invalid_api_key', message: 'API key is invalid.' },
    });
    expect(server.emails).toHaveLength(0);
  });

  it('replays the same key with the same body without sending again, and refuses it with another body (409)', async () => {
    const first = await post('/emails/batch', batch(3), { 'idempotency-key': 'k-1' });
    const again = await post('/emails/batch', batch(3), { 'idempotency-key': 'k-1' });
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(server.emails).toHaveLength(3);
    expect(server.stats.replays).toBe(1);

    const changed = await post('/emails/batch', batch(4), { 'idempotency-key': 'k-1' });
    expect(changed).toMatchObject({
      status: 409,
      body: { statusCode: 409, name: 'invalid_idempotent_request' },
    });
    expect(await post('/emails', email(9), { 'idempotency-key': 'x'.repeat(257) })).toMatchObject({
      status: 400,
      body: { name: 'invalid_idempotency_key' },
    });
    expect(server.emails).toHaveLength(3);
  });

  it('limits requests per second per key with 429 rate_limit_exceeded, retry-after and ratelimit headers', async () => {
    const limited = await startLocalResend({ apiKey: API_KEY, requestsPerSecond: 2 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await post('/emails', email(i), {}, limited));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      expect(answers[0]!.headers.get('ratelimit-limit')).toBe('2');
      expect(answers[0]!.headers.get('ratelimit-remaining')).toBe('1');
      const refused = answers[2]!;
      expect(refused.body).toMatchObject({ statusCode: 429, name: 'rate_limit_exceeded' });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(limited.stats).toMatchObject({ requests: 3, rateLimited: 1, tooManyRequests: 1 });

      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      expect((await post('/emails', email(3), {}, limited)).status).toBe(200);
      expect(limited.emails).toHaveLength(3);
    } finally {
      await limited.close();
    }
  });

  it('enforces a daily quota with 429 daily_quota_exceeded and reports the day’s use', async () => {
    const quota = await startLocalResend({ apiKey: API_KEY, dailyQuota: 3 });
    try {
      const ok = await post('/emails/batch', batch(2), {}, quota);
      expect(ok.headers.get('x-resend-daily-quota')).toBe('2');
      expect(ok.headers.get('x-resend-monthly-quota')).toBe('2');
      const over = await post('/emails/batch', batch(2), {}, quota);
      expect(over).toMatchObject({ status: 429, body: { statusCode: 429, name: 'daily_quota_exceeded' } });
      expect(quota.emails).toHaveLength(2);
    } finally {
      await quota.close();
    }
  });

  it('injects error answers for the next requests, then behaves again', async () => {
    server.failNext(1, { status: 500 });
    server.failNext(1, { status: 503 });
    server.failNext(1, { status: 429, retryAfterSeconds: 5 });
    server.failNext(1, { status: 422, message: 'nope' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await post('/emails', email(i)));
    expect(answers.map((a) => [a.status, a.body.name])).toEqual([
      [500, 'application_error'],
      [503, 'service_unavailable'],
      [429, 'rate_limit_exceeded'],
      [422, 'validation_error'],
      [200, undefined],
    ]);
    expect(answers[2]!.headers.get('retry-after')).toBe('5');
    expect(answers[3]!.body.message).toBe('nope');
    expect(server.emails).toHaveLength(1);
  });

  it('answers every request with the fault during a storm, failNext first, then behaves again', async () => {
    server.failFor(400, { status: 500 });
    server.failNext(1, { status: 503 });
    const during = [];
    for (let i = 0; i < 3; i++) during.push(await post('/emails', email(i)));
    expect(during.map((a) => [a.status, a.body])).toEqual([
      [503, { statusCode: 503, name: 'service_unavailable', message: 'API is temporarily unavailable' }],
      [500, { statusCode: 500, name: 'application_error', message: 'An unexpected error occurred.' }],
      [500, { statusCode: 500, name: 'application_error', message: 'An unexpected error occurred.' }],
    ]);
    server.failFor(60_000, { status: 429, retryAfterSeconds: 2 });
    const limited = await post('/emails', email(3));
    expect(limited).toMatchObject({ status: 429, body: { statusCode: 429, name: 'rate_limit_exceeded' } });
    expect(limited.headers.get('retry-after')).toBe('2');
    server.failFor(0, { status: 500 });
    expect((await post('/emails', email(4))).status).toBe(200);
    expect(server.emails).toHaveLength(1);
  });

  it('drops the connection after accepting (a lost reply) or before, and delays a reply on request', async () => {
    server.failNext(1, { status: 'drop-connection' });
    await expect(post('/emails', email(1))).rejects.toThrow();
    expect(server.emails).toHaveLength(1);
    server.failNext(1, { status: 'drop-connection', accepted: false });
    await expect(post('/emails', email(2))).rejects.toThrow();
    expect(server.emails).toHaveLength(1);
    expect(server.requests.map((r) => r.status)).toEqual(['dropped', 'dropped']);

    server.failNext(1, { status: 'delay', ms: 300 });
    const started = Date.now();
    expect((await post('/emails', email(3))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('answers 404 not_found for another path and 405 for another method', async () => {
    expect(await post('/domains', {})).toMatchObject({ status: 404, body: { name: 'not_found' } });
    const get = await fetch(`${server.url}/emails`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(get.status).toBe(405);
  });
});
