// The sendEmails activity with the real `resend` SDK over HTTP to the local Resend server and a
// real PostgreSQL, run again (as Temporal does after a failure or a crash) and refused by Resend:
// nobody receives an email twice, and the Delivery rows say which failed and why.
import { Delivery } from '@rhythm/persistence';
import { Resend } from 'resend';
import { createNotifierActivities } from '../src/activities.js';
import { EmailFailure } from '../src/errors.js';
import { resendTransport } from '../src/transports/resend.transport.js';
import { deliveries, everyone, FROM, LINKS, messagesTo, receivedBy } from './harness.js';
import { useSendEmailsHarness } from './send-emails.harness.js';

const h = useSendEmailsHarness();
const { batchCalls } = h;

describe('sendEmails', () => {
  it('run twice, leaves one Delivery and one email per message', async () => {
    const messages = await messagesTo(h.orm, everyone(120));
    await h.activities.sendEmails(messages);
    const { result, calls } = await batchCalls(() => h.activities.sendEmails(messages));

    expect(calls).toHaveLength(0); // Answered from the Delivery rows.
    expect(result.every((r) => r.state === 'sent')).toBe(true);
    const received = receivedBy(h.resendServer);
    for (const message of messages) expect(received.get(message.to.email!)).toBe(1);
    expect(
      await h.orm.em
        .fork()
        .count(Delivery, { idempotencyKey: { $in: messages.map((m) => m.idempotencyKey) } }),
    ).toBe(120);
  });

  it('run again after the record was lost (a crash between send and record), is replayed by Resend, not resent', async () => {
    const messages = await messagesTo(h.orm, everyone(120));
    await h.activities.sendEmails(messages);
    const first = await deliveries(h.orm, messages);
    await h.orm.em
      .fork()
      .nativeDelete(Delivery, { idempotencyKey: { $in: messages.map((m) => m.idempotencyKey) } });

    const replaysBefore = h.resendServer.stats.replays;
    const { calls } = await batchCalls(() => h.activities.sendEmails(messages));

    expect(calls.map((c) => [c.status, c.replayed])).toEqual([
      [200, true],
      [200, true],
    ]);
    expect(h.resendServer.stats.replays - replaysBefore).toBe(2);
    const received = receivedBy(h.resendServer);
    for (const message of messages) expect(received.get(message.to.email!)).toBe(1);
    const again = await deliveries(h.orm, messages);
    for (const message of messages) {
      expect(again.get(message.idempotencyKey)?.providerMessageId).toBe(
        first.get(message.idempotencyKey)?.providerMessageId,
      );
    }
  });

  it("sends the others when Resend refuses one address, recording only that one failed, with Resend's words", async () => {
    const messages = await messagesTo(h.orm, [{ name: 'Ada' }, { name: 'Typo', email: 'typo@example' }]);
    const result = await h.activities.sendEmails(messages);

    expect(result.map((r) => r.state)).toEqual(['sent', 'failed']);
    expect(result[1]!.reason).toMatch(/Invalid `to` field/);
    const received = receivedBy(h.resendServer);
    expect(received.get(messages[0]!.to.email!)).toBe(1);
    expect(received.get('typo@example')).toBeUndefined();
    const rows = await deliveries(h.orm, messages);
    expect(rows.get(messages[0]!.idempotencyKey)).toMatchObject({ state: 'sent', error: null });
    expect(rows.get(messages[1]!.idempotencyKey)).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/Invalid `to` field/),
    });
  });

  it('retries a failed email once its address is fixed, and never resends one that went out', async () => {
    const messages = await messagesTo(h.orm, [
      { name: 'Ada' },
      { name: 'Typo', email: 'typo-again@example' },
    ]);
    await h.activities.sendEmails(messages);
    const fixed = messages.map((m, i) =>
      i === 1 ? { ...m, to: { ...m.to, email: `fixed-${m.to.userId}@example.com` } } : m,
    );
    const result = await h.activities.sendEmails(fixed);

    expect(result.map((r) => r.state)).toEqual(['sent', 'sent']);
    const received = receivedBy(h.resendServer);
    expect(received.get(messages[0]!.to.email!)).toBe(1);
    expect(received.get(fixed[1]!.to.email!)).toBe(1);
    const rows = await deliveries(h.orm, messages);
    expect(rows.get(messages[1]!.idempotencyKey)).toMatchObject({ state: 'sent', error: null });
  });

  it('records every email failed on a rejected API key (403), without failing the activity', async () => {
    const wrongKey = createNotifierActivities({
      orm: h.orm,
      transport: resendTransport(new Resend('re_wrong', { baseUrl: h.resendServer.url })),
      from: FROM,
      links: LINKS,
    });
    const messages = await messagesTo(h.orm, everyone(2));
    const result = await wrongKey.sendEmails(messages);

    expect(result.map((r) => [r.state, r.reason])).toEqual([
      ['failed', 'invalid_api_key (403): API key is invalid.'],
      ['failed', 'invalid_api_key (403): API key is invalid.'],
    ]);
    const rows = await deliveries(h.orm, messages);
    expect([...rows.values()].map((row) => [row.state, row.error])).toEqual([
      ['failed', 'invalid_api_key (403): API key is invalid.'],
      ['failed', 'invalid_api_key (403): API key is invalid.'],
    ]);
    // With the right key, a retry sends both.
    expect((await h.activities.sendEmails(messages)).map((r) => r.state)).toEqual(['sent', 'sent']);
  });

  it('waits out a short retry-after once, in place, and sends the rendered chunk again', async () => {
    const messages = await messagesTo(h.orm, everyone(3));
    h.resendServer.failNext(1, { status: 429, retryAfterSeconds: 1 });
    const { result, calls } = await batchCalls(() => h.activities.sendEmails(messages));

    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect(result.every((r) => r.state === 'sent')).toBe(true);
  });

  it('hands a second 429 to Temporal with its retry-after, recording nothing', async () => {
    const messages = await messagesTo(h.orm, everyone(3));
    h.resendServer.failNext(2, { status: 429, retryAfterSeconds: 1 });
    const failure = await h.activities.sendEmails(messages).catch((error: unknown) => error);

    expect(failure).toMatchObject({
      type: EmailFailure.RateLimited,
      nonRetryable: false,
      nextRetryDelay: 1_000,
    });
    expect((await deliveries(h.orm, messages)).size).toBe(0);
  });

  it('records nothing on a retryable failure (503), so the retry sends the chunk', async () => {
    const messages = await messagesTo(h.orm, everyone(3));
    h.resendServer.failNext(1, { status: 503 });
    const failure = await h.activities.sendEmails(messages).catch((error: unknown) => error);

    expect(failure).toMatchObject({ type: EmailFailure.ProviderUnavailable, nonRetryable: false });
    expect((await deliveries(h.orm, messages)).size).toBe(0);
    await h.activities.sendEmails(messages);
    const received = receivedBy(h.resendServer);
    for (const message of messages) expect(received.get(message.to.email!)).toBe(1);
  });
});
