// One phase of the scenario: its fault script run against the emails the phase expects, while the
// run watches the provider and the Delivery rows until every email has settled and every workflow
// has moved on. Each fault is triggered when a share of the phase's deliverable emails has reached
// the provider, not at a time, so that it hits sends in progress.
import { setTimeout as sleep } from 'node:timers/promises';
import { receivedIds, settled, type Expected } from './figures.ts';
import { PHASE_TIMEOUT_MS, say } from './settings.ts';
import { allAt, deliveryRows, type World } from './world.ts';

export interface ScriptStep {
  /** Run once this fraction of the phase's deliverable emails has reached the provider. */
  at: number;
  what: string;
  run: () => Promise<{ at: number; end: number } | null>;
}

export interface PhaseResult {
  name: string;
  seconds: number;
  /** Until every email had reached the provider or been recorded refused. */
  settledSeconds: number;
  expected: Expected[];
  timedOut: boolean;
  skipped: string[];
}

/**
 * Runs the fault script against one phase's emails and waits until every expected email has
 * settled (reached the provider or been recorded refused) and every workflow has moved on to
 * `next` — or until the phase's timeout.
 */
export async function runPhase(
  world: World,
  name: string,
  expected: Expected[],
  next: 'reminder' | 'held',
  script: ScriptStep[],
): Promise<PhaseResult> {
  const started = Date.now();
  const deliverable = expected.filter((e) => e.outcome === 'sent');
  const progress = () => {
    const ids = receivedIds(world.resend.emails);
    return (
      deliverable.filter((e) => ids.has(`${e.address.toLowerCase()} ${e.step}`)).length / deliverable.length
    );
  };
  let done = false;
  const skipped: string[] = [];
  const faultsRun = (async () => {
    for (const step of script) {
      while (!done && progress() < step.at) await sleep(100);
      if (done) {
        skipped.push(step.what);
        continue;
      }
      say(`${name}: ${step.what} at ${(progress() * 100).toFixed(0)}% delivered`);
      const record = await step.run();
      if (record) world.faults.push({ phase: name, what: step.what, ...record });
      else skipped.push(step.what);
    }
  })();

  const deadline = started + PHASE_TIMEOUT_MS;
  let timedOut = false;
  let settledAt = NaN;
  let last = '';
  for (;;) {
    await sleep(2_000);
    const rows = await deliveryRows(world.orm);
    if (rows) {
      const byKey = new Map(rows.map((row) => [row.key, row]));
      const ids = receivedIds(world.resend.emails);
      const open = expected.filter((e) => !settled(e, ids, byKey)).length;
      const line = `${name}: ${expected.length - open}/${expected.length} settled`;
      if (line !== last) say((last = line));
      if (open === 0 && Number.isNaN(settledAt)) settledAt = Date.now();
      if (open === 0 && (await allAt(world, next))) break;
    }
    if (Date.now() > deadline) {
      timedOut = true;
      say(`${name}: not settled within ${PHASE_TIMEOUT_MS / 1000} s; counting what is missing as lost`);
      break;
    }
  }
  done = true;
  await faultsRun; // A fault under way finishes (a server comes back) before the next phase.
  const seconds = (Date.now() - started) / 1000;
  const settledSeconds = (settledAt - started) / 1000;
  say(`${name}: emails settled in ${settledSeconds.toFixed(1)} s, workflows done in ${seconds.toFixed(1)} s`);
  return { name, seconds, settledSeconds, expected, timedOut, skipped };
}
