// Configuration is read from the environment once, at boot, through a zod schema: numbers and
// booleans coerced explicitly, every variable documented in the README with its default.
import { z } from 'zod';

/** A configuration mistake: printed as one line naming the variable, then the process exits. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`,
  );
  throw new ConfigError(`bad configuration: ${problems.join('; ')}`);
}

export const PostgresUrl = z
  .string()
  .url('must be a URL like postgres://user:password@host:5432/rhythm')
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://');

/** host:port, as Temporal's clients expect it (no scheme). */
export const HostPort = z
  .string()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port, for example 127.0.0.1:7233 (no scheme)')
  .refine((value) => Number(value.split(':').at(-1)) <= 65535, 'port must be at most 65535');

export const Port = z.coerce.number().int().min(0).max(65535);

export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export const TemporalEnv = z.object({
  TEMPORAL_ADDRESS: HostPort.default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS_CERT: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY: z.string().min(1).optional(),
});
export type TemporalEnv = z.infer<typeof TemporalEnv>;
