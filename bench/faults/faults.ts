// The faults the scenario injects (run.ts lists each phase's script, phases.ts triggers it). Each
// returns when it began and ended, so that the report can say how soon emails flowed again after
// it; one that could not be injected (nothing to kill, no reply in flight) returns null and is
// listed as not reached.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceName } from './services.ts';
import { KILL_DOWN_MS, PG_DOWN_MS, STORM_MS } from './settings.ts';
import type { World } from './world.ts';

export async function killService(world: World, service: ServiceName, afterMs: number) {
  await sleep(afterMs);
  const at = Date.now();
  const killed = await world.services.kill(service, KILL_DOWN_MS);
  return killed ? { at, end: at + KILL_DOWN_MS } : null;
}

/**
 * The most dangerous moment for exactly-once: the provider has accepted a batch but the notifier
 * has not heard so, let alone recorded it. The next request's answer is held back 10 s and every
 * notifier is killed while it waits; the retry must be replayed by the provider, not sent again.
 */
export async function killNotifiersMidReply(world: World) {
  const { resend } = world;
  const from = resend.requests.length;
  resend.failNext(1, { status: 'delay', ms: 10_000 });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (resend.requests.slice(from).some((r) => r.status === 0 && (r.accepted > 0 || r.replayed))) {
      const at = Date.now();
      const killed = await world.services.kill('notifier', KILL_DOWN_MS);
      return killed ? { at, end: at + KILL_DOWN_MS } : null;
    }
    await sleep(20);
  }
  return null;
}

export async function storm(world: World, status: 500 | 429) {
  const at = Date.now();
  world.resend.failFor(STORM_MS, status === 429 ? { status, retryAfterSeconds: 1 } : { status });
  await sleep(STORM_MS);
  return { at, end: Date.now() };
}

export async function postgresDown(world: World) {
  const at = Date.now();
  await world.servers.stopPostgres();
  await sleep(PG_DOWN_MS);
  await world.servers.startPostgres();
  return { at, end: Date.now() };
}
