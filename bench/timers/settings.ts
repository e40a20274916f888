// The benchmark's settings, from the environment (README.md lists them), and one clock for its log.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
const list = (value: string) => value.split(',').map((entry) => entry.trim());

export type Backend = 'dev' | 'postgres';

export const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const settings = {
  /** One round per entry: that many sessions, all due at the same send hour. */
  sessions: list(env.BENCH_SESSIONS ?? '1000').map(Number),
  /** One round per back end and session count: Temporal's dev server (SQLite) or Temporal on PostgreSQL. */
  backends: list(env.BENCH_TEMPORAL ?? 'dev') as Backend[],
  owners: Number(env.BENCH_OWNERS ?? 5),
  /** Sessions per team: the API's default cap of scheduled sessions per team. */
  sessionsPerTeam: Number(env.BENCH_SESSIONS_PER_TEAM ?? 1000),
  notifiers: Number(env.BENCH_NOTIFIERS ?? 2),
  /** The local Resend server's limit, and the notifiers' shared one. */
  requestsPerSecond: Number(env.BENCH_REQUESTS_PER_SECOND ?? 5),
  /** Session creations in flight at once (the API's clients). */
  createConcurrency: Number(env.BENCH_CREATE_CONCURRENCY ?? 8),
  /** What the due moment allows for creating the sessions: a guess, checked (the run stops when missed). */
  createPerSecond: Number(env.BENCH_CREATE_PER_SECOND ?? 20),
  pgPort: Number(env.BENCH_PG_PORT ?? 54497),
  temporalPort: Number(env.BENCH_TEMPORAL_PORT ?? 7398),
};

export const dataDir = path.join(root, `.data/timers-${settings.temporalPort}`);

const began = performance.now();
export const say = (line: string) =>
  process.stderr.write(`timers [${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
