import { LogLevel, Port, PostgresUrl, TemporalEnv, parseEnv } from '@rhythm/platform';
import { z } from 'zod';

export const WorkflowsConfig = TemporalEnv.extend({
  DATABASE_URL: PostgresUrl,
  LOG_LEVEL: LogLevel.default('info'),
  /** Port of the worker's /healthz for container probes; unset: no endpoint. */
  HEALTH_PORT: Port.optional(),
  /** A workflow bundle prebuilt at image build time; unset: bundled from source at start. */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  /**
   * How often the keeper looks for scheduled sessions whose workflow is missing or ended early
   * (it also runs at boot). Ten minutes: a terminated session loses at most that much of its plan.
   */
  SESSION_KEEPER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * Workflows kept in the worker's sticky cache (maxCachedWorkflows; 0 turns the cache off). The
   * SDK's default grows with the heap limit (about 2,300 on a 4 GB heap), so a worker kept every
   * open session in memory; a session workflow sleeps for days between tasks, and one evicted
   * replays its short history in milliseconds at its next timer or signal. See README.md.
   */
  SESSIONS_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(250),
  /** Workflow tasks run at once (maxConcurrentWorkflowTaskExecutions), at most the cache size. */
  SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(1_000).default(40),
}).refine(
  (env) =>
    env.SESSIONS_MAX_CACHED_WORKFLOWS === 0 ||
    env.SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS <= env.SESSIONS_MAX_CACHED_WORKFLOWS,
  {
    // The SDK would lower it silently (a warning); a setting that cannot hold is refused at boot.
    path: ['SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS'],
    message: 'must not exceed SESSIONS_MAX_CACHED_WORKFLOWS (a task in progress keeps its workflow cached)',
  },
);
export type WorkflowsConfig = z.infer<typeof WorkflowsConfig>;

export function loadWorkflowsConfig(env: NodeJS.ProcessEnv = process.env): WorkflowsConfig {
  return parseEnv(WorkflowsConfig, env);
}
