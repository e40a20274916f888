// The built notifier (dist/main.js, configured by the environment) killed with SIGKILL while
// Resend holds its reply to a batch mixing four sessions' emails, then started again: Temporal
// retries the four activities on the new process, which sends that batch again under its key
// (Resend replays it) and the rest in a new one. Every owner gets exactly one email.
import type { ChildProcess } from 'node:child_process';
import { deliveries } from './harness.js';
import { duplicates, sessionsOf, useRateLimitedHarness } from './coalescing.harness.js';
import { startNotifierProcess } from './notifier-process.js';
import { startTemporalHarness, type TemporalHarness } from './temporal-harness.js';

let temporal: TemporalHarness;
const children: ChildProcess[] = [];
const h = useRateLimitedHarness({
  async setUp() {
    temporal = await startTemporalHarness(); // No notifier in this process: the child polls.
  },
  async tearDown() {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await temporal?.dispose();
  },
});

async function startNotifier(): Promise<ChildProcess> {
  // A long linger: the first batch goes when 100 emails are in, the other 20 wait.
  const { child } = await startNotifierProcess(h, temporal.taskQueue, { NOTIFIER_BATCH_LINGER_MS: '5000' });
  children.push(child);
  return child;
}

it('sends a batch of several sessions again under its key after the notifier was killed mid-request', async () => {
  const sessions = await sessionsOf(h, 4, 30);
  h.resendServer.failNext(1, { status: 'delay', ms: 120_000 }); // Accepted at once, no reply.
  const first = await startNotifier();
  const handles = await Promise.all(
    sessions.map((messages) => temporal.start(messages, { startToCloseTimeout: '5 seconds' })),
  );

  await h.resendServer.waitUntil(() => h.resendServer.emails.length >= 100);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  await startNotifier();
  const results = await Promise.all(handles.map((handle) => handle.result()));

  expect(results.flat().every((result) => result.state === 'sent')).toBe(true);
  const batches = h.resendServer.requests.filter((request) => request.path === '/emails/batch');
  expect(batches.map((request) => [request.accepted, request.replayed])).toEqual([
    [100, false], // four sessions' emails, accepted, reply held, worker killed
    [0, true], // the same batch from the new process, replayed under its key
    [20, false], // the emails that had not gone yet
  ]);
  expect(batches[1]!.idempotencyKey).toBe(batches[0]!.idempotencyKey);
  expect(h.resendServer.emails).toHaveLength(120);
  expect(duplicates(h.resendServer)).toBe(0);
  const rows = await deliveries(h.orm, sessions.flat());
  expect([...rows.values()].filter((row) => row.state === 'sent')).toHaveLength(120);
});
