import { NOTIFICATIONS_TASK_QUEUE } from '@rhythm/domain';
import { EmailLinkSecret, LogLevel, Port, PostgresUrl, TemporalEnv, parseEnv } from '@rhythm/platform';
import { z } from 'zod';
import { DEFAULT_MAX_CONCURRENT_ACTIVITIES } from './worker.js';

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
  /**
   * Provider requests per second for all notifier replicas together, held in PostgreSQL
   * (coalescing/rate-limiter.ts). Resend's default team limit is 5.
   */
  NOTIFIER_REQUESTS_PER_SECOND: z.coerce.number().positive().default(5),
  /** Refused rather than ignored, so that an upgrade does not silently change a deployment's rate. */
  NOTIFIER_MAX_ACTIVITIES_PER_SECOND: z
    .string()
    .optional()
    .refine(
      (value) => value === undefined,
      'was renamed NOTIFIER_REQUESTS_PER_SECOND (provider requests per second, default 5): set that instead',
    ),
  /**
   * How long the first email of a batch waits for others (of any session) before the batch goes
   * anyway: a full batch of 100 goes at once.
   */
  NOTIFIER_BATCH_LINGER_MS: z.coerce.number().int().min(0).max(10_000).default(200),
  /**
   * Activities one process runs at once. They mostly wait for shared batches, and more of them
   * make fuller batches; rendering is the CPU work, and it is done once per email.
   */
  NOTIFIER_MAX_CONCURRENT_ACTIVITIES: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_MAX_CONCURRENT_ACTIVITIES),
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
