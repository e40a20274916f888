// The notifier as the process it runs in production (dist/main.js, configured by the environment:
// RESEND_API_KEY and RESEND_BASE_URL pointing at the local Resend server) killed with SIGKILL while
// Resend holds its reply to a batch it has already accepted, then started again: Temporal retries
// the activity on the new process, Resend replays the batch by its key, and every owner gets
// exactly one email.
import type { ChildProcess } from 'node:child_process';
import { deliveries, everyone, messagesTo, openHarness, receivedBy, type Harness } from './harness.js';
import { startNotifierProcess } from './notifier-process.js';
import { startTemporalHarness, type TemporalHarness } from './temporal-harness.js';

let h: Harness;
let temporal: TemporalHarness;
const children: ChildProcess[] = [];

beforeAll(async () => {
  h = await openHarness();
  temporal = await startTemporalHarness(); // No notifier in this process: the child polls.
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await temporal?.dispose();
  await h?.dispose();
});

async function startNotifier(): Promise<ChildProcess> {
  const { child, output } = await startNotifierProcess(h, temporal.taskQueue);
  children.push(child);
  expect(output()).toContain('"transport":"resend"');
  return child;
}

describe('notifier process killed mid-batch', () => {
  it('delivers every message exactly once after it is started again', async () => {
    const messages = await messagesTo(h.orm, everyone(150));
    // Resend accepts the first batch at once but holds its reply for longer than the test runs.
    h.resendServer.failNext(1, { status: 'delay', ms: 120_000 });
    const first = await startNotifier();
    const handle = await temporal.start(messages, { startToCloseTimeout: '5 seconds' });

    await h.resendServer.waitUntil(() => h.resendServer.emails.length >= 100);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect((await deliveries(h.orm, messages)).size).toBe(0); // Killed between send and record.

    await startNotifier();
    const results = await handle.result();

    expect(results.every((r) => r.state === 'sent')).toBe(true);
    const received = receivedBy(h.resendServer);
    for (const message of messages) expect(received.get(message.to.email!)).toBe(1);
    expect(h.resendServer.emails).toHaveLength(150);
    const batches = h.resendServer.requests.filter((r) => r.path === '/emails/batch');
    expect(batches.map((r) => [r.accepted, r.replayed])).toEqual([
      [100, false], // accepted, reply held, worker killed
      [0, true], // the retry on the new process, replayed under the same key
      [50, false],
    ]);
    const rows = await deliveries(h.orm, messages);
    expect([...rows.values()].filter((row) => row.state === 'sent')).toHaveLength(150);
  });
});
