// Polling a real server until what a test waits for is there, bounded, for tests of processes
// (workers, the API) whose effects arrive in their own time.
import { setTimeout as delay } from 'node:timers/promises';

/** Resolves with `probe`'s first truthy answer; fails naming `what` after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(250);
  }
}
