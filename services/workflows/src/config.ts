import { LogLevel, PostgresUrl, TemporalEnv, parseEnv } from '@rhythm/platform';
import type { z } from 'zod';

export const WorkflowsConfig = TemporalEnv.extend({
  DATABASE_URL: PostgresUrl,
  LOG_LEVEL: LogLevel.default('info'),
});
export type WorkflowsConfig = z.infer<typeof WorkflowsConfig>;

export function loadWorkflowsConfig(env: NodeJS.ProcessEnv = process.env): WorkflowsConfig {
  return parseEnv(WorkflowsConfig, env);
}
