// Emails of many sessions' sendEmails activities, handed in at once, coalesced into provider batches
// of up to 100: the real `resend` SDK over HTTP to the local Resend server, which keeps Resend's
// limit of 5 requests per second, and a real PostgreSQL. Each activity still answers for its own
// emails, a refusal stays one email's, and no email is sent twice, however many replicas race.
import { deliveries, messagesTo, receivedBy } from './harness.js';
import {
  allSent,
  batchRequestsFrom,
  duplicates,
  reachedBy,
  replica,
  REQUESTS_PER_SECOND,
  sessionsOf,
  useRateLimitedHarness,
} from './coalescing.harness.js';

const h = useRateLimitedHarness();

describe('coalesced sends', () => {
  it('sends the emails of 60 sessions × 5 owners in ceil(300 / 100) = 3 requests, each activity answering for its own', async () => {
    const sessions = await sessionsOf(h, 60, 5);
    const calls = batchRequestsFrom(h.resendServer);
    // A long linger: only full batches go, so the count cannot depend on how fast this machine renders.
    const notifier = replica(h, { lingerMs: 30_000 });

    const results = await Promise.all(sessions.map((messages) => notifier.sendEmails(messages)));

    expect(calls().map((call) => [call.status, call.accepted])).toEqual([
      [200, 100],
      [200, 100],
      [200, 100],
    ]);
    results.forEach((result, i) => expect(result).toEqual(allSent(sessions[i]!)));
    // The requests mixed the sessions: the first one reached owners of many of them.
    const first = new Set(reachedBy(h.resendServer, calls()[0]!.idempotencyKey));
    expect(sessions.filter((messages) => first.has(messages[0]!.to.email!)).length).toBeGreaterThan(10);
    const ids = new Map(h.resendServer.emails.map((email) => [email.to[0], email.id]));
    const rows = await deliveries(h.orm, sessions.flat());
    for (const message of sessions.flat())
      expect(rows.get(message.idempotencyKey)).toMatchObject({
        state: 'sent',
        providerMessageId: ids.get(message.to.email!),
      });
    expect(duplicates(h.resendServer)).toBe(0);
  });

  it('sends what is left after the linger (200 ms) instead of waiting for a full batch', async () => {
    const sessions = await sessionsOf(h, 3, 2);
    const calls = batchRequestsFrom(h.resendServer);
    const notifier = replica(h);

    const results = await Promise.all(sessions.map((messages) => notifier.sendEmails(messages)));

    expect(calls().reduce((sum, call) => sum + call.accepted, 0)).toBe(6);
    results.forEach((result, i) => expect(result).toEqual(allSent(sessions[i]!)));
  });

  it('fails only the refused address of a batch shared by several sessions, with Resend’s words', async () => {
    const [first, second] = await sessionsOf(h, 2, 3);
    const [typo] = await messagesTo(h.orm, [{ name: 'Typo' }]);
    h.resendServer.refuse(typo!.to.email!);
    const calls = batchRequestsFrom(h.resendServer);
    const notifier = replica(h);

    const [a, b, c] = await Promise.all([first!, second!, [typo!]].map((m) => notifier.sendEmails(m)));

    expect(calls().map((call) => [call.status, call.accepted])).toEqual([[200, 6]]);
    expect(a).toEqual(allSent(first!));
    expect(b).toEqual(allSent(second!));
    expect(c).toEqual([
      expect.objectContaining({ state: 'failed', reason: expect.stringContaining('cannot receive email') }),
    ]);
    const rows = await deliveries(h.orm, [typo!]);
    expect(rows.get(typo!.idempotencyKey)).toMatchObject({ state: 'failed', error: c![0]!.reason });
  });

  it('records every email of every session failed when the whole request is refused (403), failing no activity', async () => {
    const sessions = await sessionsOf(h, 3, 2);
    h.resendServer.failNext(1, { status: 403 });
    const notifier = replica(h);

    const results = await Promise.all(sessions.map((messages) => notifier.sendEmails(messages)));

    for (const result of results)
      expect(result.map((r) => [r.state, r.reason])).toEqual([
        ['failed', 'invalid_api_key (403): API key is invalid.'],
        ['failed', 'invalid_api_key (403): API key is invalid.'],
      ]);
    // Asked again (the process owner's retry), they go out, in one request.
    const calls = batchRequestsFrom(h.resendServer);
    const again = await Promise.all(sessions.map((messages) => notifier.sendEmails(messages)));
    again.forEach((result, i) => expect(result).toEqual(allSent(sessions[i]!)));
    expect(calls()).toHaveLength(1);
  });

  it('sends an email once when two replicas are handed it at the same moment (a retry racing its first attempt)', async () => {
    const sessions = await sessionsOf(h, 4, 30);
    const [one, two] = [replica(h), replica(h)];

    const results = await Promise.all(
      sessions.flatMap((messages) => [one.sendEmails(messages), two.sendEmails(messages)]),
    );

    results.forEach((result, i) => expect(result).toEqual(allSent(sessions[Math.floor(i / 2)]!)));
    const received = receivedBy(h.resendServer);
    for (const message of sessions.flat()) expect(received.get(message.to.email!)).toBe(1);
    expect(duplicates(h.resendServer)).toBe(0);
  });

  it('keeps two replicas together inside the provider’s 5 requests per second', async () => {
    const sessions = await sessionsOf(h, 30, 1);
    // No linger: each replica cuts a batch at every slot it gets, so the two contend for slots.
    const replicas = ['A <a@example.com>', 'B <b@example.com>'].map((from) =>
      replica(h, { lingerMs: 0, from }),
    );
    const calls = batchRequestsFrom(h.resendServer);
    const emailsBefore = h.resendServer.emails.length;

    await Promise.all(
      sessions.map(async (messages, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 50));
        return replicas[i % 2]!.sendEmails(messages);
      }),
    );

    const made = calls();
    expect(made.every((call) => call.status === 200)).toBe(true); // No 429.
    expect(made.length).toBeGreaterThanOrEqual(6);
    const spacing = 1000 / REQUESTS_PER_SECOND;
    // Slots are 200 ms apart by PostgreSQL's clock; a request may start late, never early.
    expect(made.at(-1)!.at - made[0]!.at).toBeGreaterThanOrEqual((made.length - 1) * spacing - 150);
    const senders = new Set(h.resendServer.emails.slice(emailsBefore).map((email) => email.from));
    expect(senders).toEqual(new Set(['A <a@example.com>', 'B <b@example.com>']));
  });
});
