// The sendEmails activity run by Temporal (the real dev server and notifier worker) against the
// local Resend server: which provider answers Temporal retries, when, and that a retry never
// makes anyone receive an email twice.
import { type WorkflowHandle } from '@temporalio/client';
import { deliveries, everyone, messagesTo, openHarness, receivedBy, type Harness } from './harness.js';
import { startTemporalHarness, type TemporalHarness } from './temporal-harness.js';

let h: Harness;
let temporal: TemporalHarness;
beforeAll(async () => {
  h = await openHarness();
  temporal = await startTemporalHarness(h.activities);
});
afterAll(async () => {
  await temporal?.dispose();
  await h?.dispose();
});

/** From now on: the batch requests the local Resend server receives. */
function batchRequestsFrom() {
  const first = h.resendServer.requests.length;
  return () => h.resendServer.requests.slice(first).filter((r) => r.path === '/emails/batch');
}

/** The attempt number of the workflow's sendEmails activity that ran last. */
async function lastAttempt(handle: WorkflowHandle): Promise<number | null | undefined> {
  const history = await handle.fetchHistory();
  return history.events?.find((event) => event.activityTaskStartedEventAttributes)
    ?.activityTaskStartedEventAttributes?.attempt;
}

async function expectEachReceivedOnce(messages: Awaited<ReturnType<typeof messagesTo>>) {
  const received = receivedBy(h.resendServer);
  for (const message of messages) expect(received.get(message.to.email!)).toBe(1);
  const rows = await deliveries(h.orm, messages);
  for (const message of messages) expect(rows.get(message.idempotencyKey)?.state).toBe('sent');
}

describe('sendEmails on Temporal', () => {
  it('after two 429s, waits out retry-after in place, then is retried by Temporal no sooner than retry-after; every email goes out once', async () => {
    const messages = await messagesTo(h.orm, everyone(3));
    const calls = batchRequestsFrom();
    h.resendServer.failNext(2, { status: 429, retryAfterSeconds: 2 });

    const handle = await temporal.start(messages);
    const results = await handle.result();

    expect(results.map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    const [limited, limitedAgain, sent] = calls();
    expect([limited?.status, limitedAgain?.status, sent?.status]).toEqual([429, 429, 200]);
    // The workflow's own backoff starts at 100 ms: only retry-after can explain 2 s waits.
    expect(limitedAgain!.at - limited!.at).toBeGreaterThanOrEqual(2_000);
    expect(sent!.at - limitedAgain!.at).toBeGreaterThanOrEqual(2_000);
    expect(await lastAttempt(handle)).toBe(2); // The second wait was Temporal's retry.
    await expectEachReceivedOnce(messages);
  });

  it('after 503s, is retried with backoff until Resend answers, and every email goes out once', async () => {
    const messages = await messagesTo(h.orm, everyone(3));
    const calls = batchRequestsFrom();
    h.resendServer.failNext(2, { status: 503 });

    await (await temporal.start(messages)).result();

    expect(calls().map((c) => c.status)).toEqual([503, 503, 200]);
    await expectEachReceivedOnce(messages);
  });

  it('after a refusal of the whole request (403), completes without a retry: every email failed with why', async () => {
    const messages = await messagesTo(h.orm, everyone(2));
    const calls = batchRequestsFrom();
    h.resendServer.failNext(1, { status: 403 });

    const results = await (await temporal.start(messages)).result();

    expect(calls()).toHaveLength(1);
    expect(results).toEqual(
      messages.map((m) =>
        expect.objectContaining({
          idempotencyKey: m.idempotencyKey,
          state: 'failed',
          reason: expect.stringContaining('(403)'),
        }),
      ),
    );
    const rows = await deliveries(h.orm, messages);
    for (const message of messages)
      expect(rows.get(message.idempotencyKey)).toMatchObject({ state: 'failed' });
  });

  it('when the reply is lost after Resend accepted the batch, the retry is replayed and every email goes out once', async () => {
    const messages = await messagesTo(h.orm, everyone(150));
    const calls = batchRequestsFrom();
    h.resendServer.failNext(1, { status: 'drop-connection' });

    await (await temporal.start(messages)).result();

    // Chunk 1 accepted but unanswered, chunk 1 again (replayed under its key), then chunk 2.
    expect(calls().map((c) => [c.status, c.accepted, c.replayed])).toEqual([
      ['dropped', 100, false],
      [200, 0, true],
      [200, 50, false],
    ]);
    await expectEachReceivedOnce(messages);
    const rows = await deliveries(h.orm, messages);
    const ids = new Map(h.resendServer.emails.map((e) => [e.to[0], e.id]));
    for (const message of messages)
      expect(rows.get(message.idempotencyKey)?.providerMessageId).toBe(ids.get(message.to.email!));
  });
});
