// The figures a run prints: what was expected, delivered, duplicated, lost and recorded failed,
// the provider's answers, latency, each phase's duration, and every fault with the time to the
// first email accepted after it, so that a person can judge a run from its output alone.
import os from 'node:os';
import type { SessionStatus } from '@rhythm/domain';
import { percentile, type tally } from './figures.ts';
import type { PhaseResult } from './phases.ts';
import { OWNERS, began } from './settings.ts';
import type { FaultRecord, World } from './world.ts';

export function report(
  world: World,
  f: ReturnType<typeof tally>,
  phases: PhaseResult[],
  statuses: (SessionStatus | null)[],
  { refused, rowsRead }: { refused: number; rowsRead: boolean },
): void {
  const { resend, services } = world;
  const s = (n: number) => n.toFixed(1);
  const byStatus = new Map<string, number>();
  for (const r of resend.requests) byStatus.set(String(r.status), (byStatus.get(String(r.status)) ?? 0) + 1);
  const accepted = resend.emails;
  const recovery = (fault: FaultRecord) => {
    const next = accepted.find((e) => e.acceptedAt >= fault.end);
    return next ? `${s((next.acceptedAt - fault.end) / 1000)} s` : '—';
  };
  const workflowFailed = statuses.reduce((n, st) => n + (st?.failed?.length ?? 0), 0);
  const lines = [
    '',
    `expected             ${f.expected} emails (${f.expectedSent} to deliver, ${f.expectedRefused} to addresses the provider refuses) for ${world.sessions.length} sessions × ${OWNERS} owners`,
    `delivered            ${f.delivered} of ${f.expectedSent} (unique emails accepted by local Resend: ${[...f.deliveredByStep].map(([step, n]) => `${step} ${n.delivered}/${n.expected}`).join(', ')})`,
    `duplicates           ${f.duplicates.length}${
      f.duplicates.length
        ? `: ${f.duplicates
            .slice(0, 5)
            .map((d) => `${d.what} ×${d.times}`)
            .join(', ')}`
        : ''
    }`,
    `lost                 ${f.lost.length}${
      f.lost.length
        ? `: ${f.lost
            .slice(0, 5)
            .map((e) => `${e.step} to ${e.address}`)
            .join(', ')}`
        : ''
    }`,
    `failed (recorded)    ${f.failedRows.length} Delivery rows 'failed'; refusals recorded ${f.refusalsRecorded} of ${f.expectedRefused} (${refused} refused addresses), missing ${f.refusalsMissing.length}; failed rows not a refusal ${f.failedNotRefused.length}`,
    ...[...f.failedReasons].map(([reason, n]) => `  ${String(n).padStart(4)} × ${reason}`),
    `workflow status      ${statuses.filter((st) => st?.next?.step === 'held').length} of ${statuses.length} sessions waiting only to be held; ${workflowFailed} failed sends in their status`,
    `consistency          unexpected emails ${f.unexpected.length}, rows 'sent' never received ${f.sentNotReceived.length}, received without a 'sent' row ${f.receivedNotRecorded.length}${rowsRead ? '' : ' (Delivery rows unreadable!)'}`,
    `provider             ${resend.stats.requests} requests: ${[...byStatus].map(([k, n]) => `${k === '0' ? 'cut' : k} ×${n}`).join(', ')}; ${resend.stats.replays} idempotent replays`,
    `latency              step due → email accepted: p50 ${s(percentile(f.latencySeconds, 50))} s, p95 ${s(percentile(f.latencySeconds, 95))} s, max ${s(Math.max(...f.latencySeconds))} s`,
    ...phases.map(
      (p) =>
        `phase ${p.name.padEnd(14)} ${p.expected.length} emails settled in ${s(p.settledSeconds)} s, every workflow past the step in ${s(p.seconds)} s${p.timedOut ? ' (TIMED OUT)' : ''}${p.skipped.length ? `; faults not reached: ${p.skipped.join(', ')}` : ''}`,
    ),
    `total                ${s((Date.now() - began) / 1000)} s (servers, seeding and bundling included)`,
    'faults injected (at, what, down, first email accepted after):',
    ...world.faults.map(
      (x) =>
        `  ${s((x.at - began) / 1000).padStart(6)} s  ${x.what.padEnd(44)} ${s((x.end - x.at) / 1000).padStart(5)} s   ${recovery(x)}`,
    ),
    `process restarts     ${services.replicas.map((r) => `${r.name} ${r.starts - 1}`).join(', ')}; exits nobody asked for ${services.replicas.reduce((n, r) => n + r.crashes.length, 0)}`,
    ...services.replicas.flatMap((r) =>
      r.crashes.map((c) => `  ${r.name} ${c.exit} at ${s((c.at - began) / 1000)} s: ${c.why.slice(0, 200)}`),
    ),
    `machine              ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at end`,
  ];
  console.log(lines.join('\n'));
}
