import { NOTIFICATIONS_TASK_QUEUE } from '@rhythm/domain';
import { EmailLinkSecret, LogLevel, Port, PostgresUrl, TemporalEnv, parseEnv } from '@rhythm/platform';
import { z } from 'zod';

export const NotifierConfig = TemporalEnv.extend({
  DATABASE_URL: PostgresUrl,
  LOG_LEVEL: LogLevel.default('info'),
  /** Port of the worker's /healthz for container probes; unset: no endpoint. */
  HEALTH_PORT: Port.optional(),
  /** Unset: emails go to the local outbox table instead of Resend. */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** For tests and Resend-compatible gateways; unset means Resend itself (https://api.resend.com). */
  RESEND_BASE_URL: z
    .string()
    .url()
    .transform((url) => url.replace(/\/+$/, '')) // The SDK appends "/emails/batch".
    .optional(),
  EMAIL_FROM: z.string().min(3).default('Rhythm <rhythm@example.com>'),
  WEB_BASE_URL: z.string().url().default('http://localhost:3000'),
  /** Signs each email's one-click pause link (the API checks it); unset: emails carry none. */
  EMAIL_LINK_SECRET: EmailLinkSecret.optional(),
  /** Requests per second for all notifier replicas together (Resend's default team limit is 2). */
  NOTIFIER_MAX_ACTIVITIES_PER_SECOND: z.coerce.number().positive().default(2),
  /**
   * Batches one process works on at once. Rendering 100 emails is CPU work: a process that takes
   * more than it can render only finishes them together, and their requests reach Resend in a
   * burst. Scale with replicas instead.
   */
  NOTIFIER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().positive().default(1),
  /**
   * For tests and benchmarks that share a Temporal server with other notifiers: the session
   * workflows always send to `notifications`.
   */
  NOTIFIER_TASK_QUEUE: z.string().min(1).default(NOTIFICATIONS_TASK_QUEUE),
});
export type NotifierConfig = z.infer<typeof NotifierConfig>;

export function loadNotifierConfig(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return parseEnv(NotifierConfig, env);
}
