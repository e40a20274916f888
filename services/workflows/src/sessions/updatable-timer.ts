// The updatable timer the session loop sleeps on: a durable timer to the next step that a signal
// can cut short (the signal sets a flag; the loop then plans again from the new state).
import { condition } from '@temporalio/workflow';

/** Sleeps until `at` (epoch ms) unless `woken()` turns true first; true when woken. */
export async function sleepUntil(at: number, woken: () => boolean): Promise<boolean> {
  const wait = at - Date.now();
  return wait > 0 && (await condition(woken, wait));
}
