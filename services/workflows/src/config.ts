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
});
export type WorkflowsConfig = z.infer<typeof WorkflowsConfig>;

export function loadWorkflowsConfig(env: NodeJS.ProcessEnv = process.env): WorkflowsConfig {
  return parseEnv(WorkflowsConfig, env);
}
