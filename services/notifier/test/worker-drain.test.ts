// SIGTERM while a batch is in flight: the notifier stops polling, finishes the running activity
// (the emails are recorded as sent), reports itself healthy while draining, and exits 0.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { deliveries, everyone, messagesTo, openHarness, type Harness } from './harness.js';
import { startNotifierProcess } from './notifier-process.js';
import { startTemporalHarness, type TemporalHarness } from './temporal-harness.js';

let h: Harness;
let temporal: TemporalHarness;
let child: ChildProcess | undefined;

beforeAll(async () => {
  h = await openHarness();
  temporal = await startTemporalHarness(); // No notifier in this process: the child polls.
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await temporal?.dispose();
  await h?.dispose();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function health(port: number): Promise<{ http: number; state?: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  const { state } = (await response.json()) as { state: string };
  return { http: response.status, state };
}

it('drains on SIGTERM: finishes the batch in flight, then exits 0', async () => {
  const port = await freePort();
  ({ child } = await startNotifierProcess(h, temporal.taskQueue, { HEALTH_PORT: String(port) }));
  expect(await health(port)).toEqual({ http: 200, state: 'RUNNING' });

  const messages = await messagesTo(h.orm, everyone(20));
  h.resendServer.failNext(1, { status: 'delay', ms: 3_000 }); // Accepted at once, reply after 3 s.
  const handle = await temporal.start(messages);
  await h.resendServer.waitUntil(() => h.resendServer.emails.length === 20);

  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  const signalledAt = Date.now();
  child.kill('SIGTERM');
  const draining = await health(port);
  expect(draining.http).toBe(200); // Probes must not kill a worker finishing its work.

  expect(await exited).toBe(0);
  expect(Date.now() - signalledAt).toBeLessThan(30_000); // Within the shutdown grace time.
  const results = await handle.result();
  expect(results.every((result) => result.state === 'sent')).toBe(true);
  expect(
    [...(await deliveries(h.orm, messages)).values()].filter((row) => row.state === 'sent'),
  ).toHaveLength(20);
  expect(h.resendServer.emails).toHaveLength(20);
});
