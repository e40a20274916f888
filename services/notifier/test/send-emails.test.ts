// The sendEmails activity with the real `resend` SDK over HTTP to the local Resend server and a
// real PostgreSQL: what recipients receive and what the Delivery rows say.
import { Delivery, Membership, User } from '@rhythm/persistence';
import { pauseUrl } from '@rhythm/platform';
import { Resend } from 'resend';
import { createNotifierActivities } from '../src/activities.js';
import { EmailFailure } from '../src/errors.js';
import { renderEmail } from '../src/templates/render.js';
import { resendTransport } from '../src/transports/resend.transport.js';
import {
  deliveries,
  everyone,
  FROM,
  LINKS,
  messagesTo,
  openHarness,
  PAUSE_LINKS,
  receivedBy,
  type Harness,
} from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => h?.dispose());

/** Requests to the batch endpoint made during `run`. */
async function batchCalls<T>(run: () => Promise<T>) {
  const before = h.resendServer.requests.length;
  const result = await run();
  const calls = h.resendServer.requests.slice(before).filter((r) => r.path === '/emails/batch');
  return { result, calls };
}

describe('sendEmails', () => {
  it('sends 250 messages as three batch calls of 100, 100 and 50, each under its own idempotency key', async () => {
    const messages = await messagesTo(h.orm, everyone(250));
    const { result, calls } = await batchCalls(() => h.activities.sendEmails(messages));

    expect(calls.map((c) => [c.status, c.accepted])).toEqual([
      [200, 100],
      [200, 100],
      [200, 50],
    ]);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(3);
    const received = receivedBy(h.resendServer);
    for (const message of messages) expect(received.get(message.to.email!)).toBe(1);
    expect(result.every((r) => r.state === 'sent')).toBe(true);
    const rows = await deliveries(h.orm, messages);
    const ids = new Map(h.resendServer.emails.map((e) => [e.to[0], e.id]));
    for (const message of messages) {
      expect(rows.get(message.idempotencyKey)).toMatchObject({
        state: 'sent',
        providerMessageId: ids.get(message.to.email!),
      });
    }
  });

  it("writes each email in the recipient's language", async () => {
    const [dutch, english] = await messagesTo(h.orm, [
      { name: 'Bo', locale: 'nl' },
      { name: 'Ada', locale: 'en' },
    ]);
    await h.activities.sendEmails([dutch!, english!]);

    const to = (address: string) => h.resendServer.emails.find((e) => e.to.includes(address))!;
    const nl = to(dutch!.to.email!);
    const en = to(english!.to.email!);
    // The session is on 12 March 2026: the month's name says which language the email is in.
    expect(nl.text).toMatch(/maart/);
    expect(nl.text).not.toMatch(/March/);
    expect(en.text).toMatch(/March/);
    expect({ subject: nl.subject, html: nl.html, text: nl.text }).toEqual(await renderEmail(dutch!, LINKS));
  });

  it('gives every email a signed one-click pause link (List-Unsubscribe, RFC 8058) for its owner and team', async () => {
    const [message] = await messagesTo(h.orm, [{ name: 'Ada', locale: 'en' }]);
    await h.activities.sendEmails([message!]);
    const email = h.resendServer.emails.find((e) => e.to.includes(message!.to.email!))!;
    expect(email.headers).toEqual({
      'List-Unsubscribe': `<${pauseUrl(PAUSE_LINKS.baseUrl, PAUSE_LINKS.secret, message!.teamId, message!.to.userId)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('sends replies to the team’s process owner', async () => {
    const [message] = await messagesTo(h.orm, [{ name: 'Ada', locale: 'en' }]);
    const em = h.orm.em.fork();
    const pim = em.create(User, { name: 'Pim', email: `pim-${message!.teamId}@example.com`, locale: null });
    em.create(Membership, { team: message!.teamId, user: pim, roles: ['process_owner'] });
    await em.flush();
    await h.activities.sendEmails([message!]);
    const email = h.resendServer.emails.find((e) => e.to.includes(message!.to.email!))!;
    expect(email.replyTo).toBe(pim.email);
  });

  it('skips owners without an address or who left the team, records why, and emails the rest', async () => {
    const messages = await messagesTo(h.orm, [
      { name: 'Ada' },
      { name: 'Cy', email: null },
      { name: 'Dee', member: false },
    ]);
    const { result, calls } = await batchCalls(() => h.activities.sendEmails(messages));

    expect(calls.map((c) => c.accepted)).toEqual([1]);
    expect(h.resendServer.emails.filter((e) => e.to.includes(messages[0]!.to.email!))).toHaveLength(1);
    expect(h.resendServer.emails.some((e) => e.to.includes(messages[2]!.to.email!))).toBe(false);
    expect(result.map((r) => [r.state, r.reason])).toEqual([
      ['sent', undefined],
      ['skipped', 'no email address'],
      ['skipped', 'left the team'],
    ]);
    const rows = await deliveries(h.orm, messages);
    expect(
      messages.map((m) => [rows.get(m.idempotencyKey)?.state, rows.get(m.idempotencyKey)?.error]),
    ).toEqual([
      ['sent', null],
      ['skipped', 'no email address'],
      ['skipped', 'left the team'],
    ]);
  });

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
