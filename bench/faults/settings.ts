// The suite's settings: the BENCH_* variables README.md lists, where the run keeps its servers'
// data and the services' logs, and one clock for the whole run, so that the log lines of every
// module and the report's times all count from the same start.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const env = process.env;
export const SESSIONS = Number(env.BENCH_SESSIONS ?? 60);
export const OWNERS = Number(env.BENCH_OWNERS ?? 5);
export const NOTIFIERS = Number(env.BENCH_NOTIFIERS ?? 2);
export const RPS = Number(env.BENCH_REQUESTS_PER_SECOND ?? 2);
export const PG_DOWN_MS = Number(env.BENCH_PG_DOWN_SECONDS ?? 60) * 1000;
export const STORM_MS = Number(env.BENCH_STORM_SECONDS ?? 20) * 1000;
export const TEMPORAL_DOWN_MS = Number(env.BENCH_TEMPORAL_DOWN_SECONDS ?? 10) * 1000;
export const PHASE_TIMEOUT_MS = Number(env.BENCH_PHASE_TIMEOUT_SECONDS ?? 900) * 1000;
export const PG_PORT = Number(env.BENCH_PG_PORT ?? 54391);
export const TEMPORAL_PORT = Number(env.BENCH_TEMPORAL_PORT ?? 7294);
/** After the last expected email, how long to keep watching for a late duplicate. */
export const SETTLE_MS = 15_000;
/** Services killed with SIGKILL stay down this long before their restart. */
export const KILL_DOWN_MS = 2_000;
export const TIME_ZONE = 'Europe/Amsterdam';
export const API_KEY = 're_faults';
export const dataDir = path.join(root, `.data/faults-${TEMPORAL_PORT}`);
export const logDir = path.join(dataDir, 'logs');

export const began = Date.now();
const clock = () => `${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s`;
export const say = (line: string) => process.stderr.write(`faults [${clock()}] ${line}\n`);
