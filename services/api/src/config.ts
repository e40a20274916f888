import { TimeZone } from '@rhythm/domain';
import { LogLevel, PostgresUrl, Port, TemporalEnv, parseEnv } from '@rhythm/platform';
import { z } from 'zod';

export const ApiConfig = TemporalEnv.extend({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  PORT: Port.default(3000),
  DATABASE_URL: PostgresUrl,
  LOG_LEVEL: LogLevel.default('info'),
  /** The zone a new team gets when its creator does not name one. */
  DEFAULT_TIME_ZONE: TimeZone.default('Europe/Amsterdam'),
});
export type ApiConfig = z.infer<typeof ApiConfig>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv(ApiConfig, env);
}
