// The services as a deployment runs them: the built services/<name>/dist/main.js as processes,
// configured by the environment, each restarted when it exits unasked (as Kubernetes restarts a
// crashed pod, with a growing back-off), and killed with SIGKILL when the fault scenario says so.
// Every process's output goes to a log file of its own under the run's log folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type ServiceName = 'workflows' | 'notifier';

export interface Replica {
  readonly name: string;
  readonly service: ServiceName;
  child: ChildProcess | null;
  /** Processes started for this replica so far (1 + restarts). */
  starts: number;
  /** Exits nobody asked for, with the last lines the process printed. */
  readonly crashes: { at: number; exit: string; why: string }[];
}

export interface Services {
  readonly replicas: readonly Replica[];
  add(service: ServiceName, name: string, env: Record<string, string>): Replica;
  /** Starts every replica added so far; resolves once each polls its task queue. */
  startAll(): Promise<void>;
  /** SIGKILL to every replica of `service`; they are started again after `downMs`. */
  kill(service: ServiceName, downMs: number): Promise<number>;
  /** Resolves once every replica of `service` polls again (or `timeoutMs` passed: false). */
  ready(service: ServiceName, timeoutMs: number): Promise<boolean>;
  /** SIGTERM to all (a graceful drain), SIGKILL after the grace time; no restarts from now on. */
  stopAll(): Promise<void>;
}

const READY = /polling/;
const MAX_BACKOFF_MS = 16_000;

export function createServices(root: string, logDir: string, say: (line: string) => void): Services {
  const replicas: (Replica & { env: Record<string, string>; ready: boolean; planned: boolean })[] = [];
  let stopping = false;

  function launch(replica: (typeof replicas)[number]): void {
    replica.starts += 1;
    replica.ready = false;
    replica.planned = false;
    const log = createWriteStream(path.join(logDir, `${replica.name}-${replica.starts}.log`));
    const child = spawn(process.execPath, [path.join(root, 'services', replica.service, 'dist/main.js')], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', ...replica.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, as tools/stack does: Ctrl-C reaches only the benchmark, which then
      // stops the services itself (instead of restarting them as crashed).
      detached: true,
    });
    replica.child = child;
    const last: string[] = [];
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        log.write(chunk);
        for (const line of chunk.split('\n').filter(Boolean)) {
          if (READY.test(line)) replica.ready = true;
          last.push(line);
          if (last.length > 40) last.shift();
        }
      });
    }
    const started = Date.now();
    child.once('exit', (code, signal) => {
      log.end();
      if (replica.child === child) replica.child = null;
      replica.ready = false;
      if (stopping || replica.planned) return;
      const exit = signal ?? `code ${code}`;
      // The line that says why (a start-up error, an uncaught exception), else the last one.
      const why = last.findLast((line) => /error|cannot/i.test(line)) ?? last.at(-1) ?? '';
      replica.crashes.push({ at: Date.now(), exit, why });
      // Quick successive crashes (a server still down) back off, as a pod's restarts do.
      const quick = replica.crashes.filter((c) => c.at > Date.now() - 60_000).length;
      const backoff = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(quick, 4));
      say(
        `${replica.name} exited unasked (${exit}) after ${((Date.now() - started) / 1000).toFixed(1)} s; restarting in ${backoff / 1000} s: ${why.slice(0, 160)}`,
      );
      setTimeout(() => {
        if (!stopping && !replica.child) launch(replica);
      }, backoff).unref();
    });
  }

  async function ready(service: ServiceName, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (replicas.filter((r) => r.service === service).every((r) => r.ready)) return true;
      await sleep(100);
    }
    return false;
  }

  return {
    replicas,
    add(service, name, env) {
      const replica = {
        name,
        service,
        env,
        child: null,
        starts: 0,
        crashes: [],
        ready: false,
        planned: false,
      };
      replicas.push(replica);
      return replica;
    },
    async startAll() {
      for (const replica of replicas) if (!replica.child) launch(replica);
      for (const service of ['workflows', 'notifier'] as const)
        if (!(await ready(service, 120_000)))
          throw new Error(`the ${service} worker(s) did not start polling`);
    },
    async kill(service, downMs) {
      const targets = replicas.filter((r) => r.service === service && r.child);
      await Promise.all(
        targets.map(async (replica) => {
          const child = replica.child!;
          replica.planned = true;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGKILL');
          await exited;
        }),
      );
      setTimeout(() => {
        for (const replica of targets) if (!stopping && !replica.child) launch(replica);
      }, downMs).unref();
      return targets.length;
    },
    ready,
    async stopAll() {
      stopping = true;
      await Promise.all(
        replicas.map(async (replica) => {
          const child = replica.child;
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 35_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
