// The notifier as the process it runs in production (dist/main.js, configured by the environment:
// RESEND_API_KEY and RESEND_BASE_URL pointing at the local Resend server) killed with SIGKILL while
// Resend holds its reply to a batch it has already accepted, then started again: Temporal retries
// the activity on the new process, Resend replays the batch by its key, and every owner gets
// exactly one email.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requireEnv } from '@rhythm/testing';
import { API_KEY, deliveries, everyone, FROM, LINKS, messagesTo, openHarness, receivedBy, type Harness } from './harness.js';
import { startTemporalHarness, type TemporalHarness } from './temporal-harness.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
let h: Harness;
let temporal: TemporalHarness;
const children: ChildProcess[] = [];

beforeAll(async () => {
  h = await openHarness();
  temporal = await startTemporalHarness(); // No notifier in this process: the child polls.
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await temporal?.dispose();
  await h?.dispose();
});

/** Starts the built notifier; resolves once it polls its task queue. */
async function startNotifier(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'info',
      DATABASE_URL: h.database.url,
      TEMPORAL_ADDRESS: requireEnv('TEMPORAL_ADDRESS'),
      RESEND_API_KEY: API_KEY,
      RESEND_BASE_URL: h.resendServer.url,
      NOTIFIER_TASK_QUEUE: temporal.taskQueue,
      EMAIL_FROM: FROM,
      WEB_BASE_URL: LINKS.web,
      API_BASE_URL: LINKS.api,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the notifier did not start polling within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('rhythm-notifier polling')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the notifier exited (${code}) before polling:\n${output}`)));
  });
  expect(output).toContain('"transport":"resend"');
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
