// API soak: does the API's memory stay bounded? The built API runs as a process (as deployed) on an
// embedded PostgreSQL and a Temporal dev server of its own, with the sessions worker; SOAK_TEAMS
// teams are seeded, then SOAK_REQUESTS mixed requests (traffic.ts) go at SOAK_CONCURRENCY at a
// time. The API's RSS (/proc/<pid>/status) and V8 heap (its /metrics) are sampled every
// SOAK_SAMPLE_EVERY requests; growth counts from the sample after SOAK_WARMUP requests, once V8,
// the connection pools and the code caches have grown to their working size. Prints figures,
// asserts nothing. See README.md.
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Figures } from './figures.ts';
import { http } from './http.ts';
import { seedTeams } from './seed.ts';
import { heapUsedMb, rssMb, startStack, type SoakStack } from './stack.ts';
import { nextRequest, type Outcome } from './traffic.ts';

const env = process.env;
const REQUESTS = Number(env.SOAK_REQUESTS ?? 50_000);
const WARMUP = Number(env.SOAK_WARMUP ?? 5_000);
const CONCURRENCY = Number(env.SOAK_CONCURRENCY ?? 8);
const SAMPLE_EVERY = Number(env.SOAK_SAMPLE_EVERY ?? 2_500);
const TEAMS = Number(env.SOAK_TEAMS ?? 10);
const OWNERS = Number(env.SOAK_OWNERS ?? 4);
/** The run stops early when the API's RSS passes this: an unbounded API must not exhaust the machine. */
const MAX_RSS_MB = Number(env.SOAK_MAX_RSS_MB ?? 4_096);
const PG_PORT = Number(env.SOAK_PG_PORT ?? 54396);
const TEMPORAL_PORT = Number(env.SOAK_TEMPORAL_PORT ?? 7297);
const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const dataDir = path.join(root, `.data/soak-${TEMPORAL_PORT}`);
const began = performance.now();
const say = (line: string) =>
  process.stderr.write(`soak [${((performance.now() - began) / 1000).toFixed(1)} s] ${line}\n`);

async function main(stack: SoakStack): Promise<void> {
  const pid = stack.api.child.pid!;
  const teams = await seedTeams(stack.orm, TEAMS, OWNERS);
  const api = http(stack.apiUrl);
  say(`API pid ${pid} at ${stack.apiUrl}; ${TEAMS} teams; RSS at start ${(await rssMb(pid)).toFixed(1)} MB`);
  const load = os.loadavg().map((l) => l.toFixed(1));
  console.log(`machine: ${os.cpus().length} CPUs, load ${load.join(' ')}, Node ${process.version}`);
  console.log(`soak: ${REQUESTS} requests at concurrency ${CONCURRENCY}, warm-up ${WARMUP}\n`);

  const figures = new Figures();
  const started = performance.now();
  let sent = 0;
  let done = 0;
  let nextSample = Math.min(WARMUP, SAMPLE_EVERY);
  let stopped = false;
  const sample = async () => {
    const seconds = (performance.now() - started) / 1000;
    const rss = await rssMb(pid);
    figures.addSample({ requests: done, seconds, rss, heap: await heapUsedMb(stack.apiUrl) });
    if (snapshots && (done === WARMUP || done >= REQUESTS)) stack.api.child.kill('SIGUSR2');
    if (rss > MAX_RSS_MB && !stopped) {
      stopped = true;
      say(`the API's RSS passed SOAK_MAX_RSS_MB (${MAX_RSS_MB}): stopping early`);
    }
  };
  // Each lane sends one request at a time; a sample pauses only the lane that takes it.
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < REQUESTS && !stopped) {
        sent += 1;
        const begun = performance.now();
        const result = await nextRequest(teams, api).catch((error: unknown): Outcome => {
          say(`request failed: ${error instanceof Error ? error.message : String(error)}`);
          return { operation: 'network error', status: 0, expected: false, requests: 1 };
        });
        sent += result.requests - 1;
        done += result.requests;
        figures.record(result, performance.now() - begun);
        if (done >= nextSample) {
          nextSample = nextSample < WARMUP ? WARMUP : nextSample + SAMPLE_EVERY;
          await sample();
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (figures.samples.at(-1)?.requests !== done) await sample();
  await sleep(5_000);
  figures.report({ warmup: WARMUP, seconds, idleRss: await rssMb(pid) });
}

// With SOAK_HEAP_SNAPSHOTS=1 the API writes a heap snapshot after the warm-up and at the end
// (SIGUSR2) into the data folder, to compare in Chrome DevTools' Memory tab.
const snapshots = env.SOAK_HEAP_SNAPSHOTS === '1';
const stack = await startStack({
  dataDir,
  pgPort: PG_PORT,
  temporalPort: TEMPORAL_PORT,
  apiNodeOptions: snapshots ? `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dataDir}` : undefined,
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
// Ctrl-C stops the servers and services it started, as the end of a run does.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void stack.close().finally(() => process.exit(130)));
say(`stack up; servers' data in ${path.relative(root, dataDir)}`);
await main(stack)
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => stack.close());
