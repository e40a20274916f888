import { LogLevel, PostgresUrl, TemporalEnv, parseEnv } from '@rhythm/platform';
import { z } from 'zod';

export const NotifierConfig = TemporalEnv.extend({
  DATABASE_URL: PostgresUrl,
  LOG_LEVEL: LogLevel.default('info'),
  /** Unset: emails go to the local outbox table instead of Resend. */
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default('Rhythm <rhythm@example.com>'),
  WEB_BASE_URL: z.string().url().default('http://localhost:3000'),
  API_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Requests per second for all notifier replicas together (Resend's default team limit is 2). */
  NOTIFIER_MAX_ACTIVITIES_PER_SECOND: z.coerce.number().positive().default(2),
});
export type NotifierConfig = z.infer<typeof NotifierConfig>;

export function loadNotifierConfig(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return parseEnv(NotifierConfig, env);
}
