// Coalescing with the activity run by Temporal: the real dev server, a stand-in session workflow
// per session, the real notifier worker in this process (many activities at once), the local
// Resend server at Resend's 5 requests per second, and a real PostgreSQL.
import { receivedBy } from './harness.js';
import {
  allSent,
  batchRequestsFrom,
  duplicates,
  reachedBy,
  replica,
  sessionsOf,
  useRateLimitedHarness,
} from './coalescing.harness.js';
import { startTemporalHarness, type TemporalHarness } from './temporal-harness.js';

let temporal: TemporalHarness;
const h = useRateLimitedHarness({
  async setUp(opened) {
    // A long linger: only full batches go, so the counts below cannot depend on this machine's speed.
    temporal = await startTemporalHarness(replica(opened, { lingerMs: 5_000 }));
  },
  tearDown: async () => temporal?.dispose(),
});

/** One stand-in session workflow per session, all at once; their results, in order. */
async function runAll(sessions: Awaited<ReturnType<typeof sessionsOf>>) {
  const handles = await Promise.all(sessions.map((messages) => temporal.start(messages)));
  return Promise.all(handles.map((handle) => handle.result()));
}

describe('coalesced sends on Temporal', () => {
  it('sends 30 session workflows’ 300 emails in 3 requests, not 30, and each workflow gets its own results', async () => {
    const sessions = await sessionsOf(h, 30, 10);
    const calls = batchRequestsFrom(h.resendServer);

    const results = await runAll(sessions);

    expect(calls().map((call) => [call.status, call.accepted])).toEqual([
      [200, 100],
      [200, 100],
      [200, 100],
    ]);
    results.forEach((result, i) => expect(result).toEqual(allSent(sessions[i]!)));
    expect(duplicates(h.resendServer)).toBe(0);
  });

  it('after a 503, sends the batch of 10 sessions again under its key, once for all their retries: nobody gets two', async () => {
    const sessions = await sessionsOf(h, 10, 10);
    const calls = batchRequestsFrom(h.resendServer);
    h.resendServer.failNext(1, { status: 503 });

    const results = await runAll(sessions);

    const [failed, again, ...more] = calls();
    expect([failed?.status, again?.status, again?.accepted, more]).toEqual([503, 200, 100, []]);
    expect(again!.idempotencyKey).toBe(failed!.idempotencyKey);
    results.forEach((result, i) => expect(result).toEqual(allSent(sessions[i]!)));
    const received = receivedBy(h.resendServer);
    for (const message of sessions.flat()) expect(received.get(message.to.email!)).toBe(1);
    expect(new Set(reachedBy(h.resendServer, again!.idempotencyKey)).size).toBe(100);
  });
});
