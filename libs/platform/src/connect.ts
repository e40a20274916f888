// Start-up connections that fail with one line naming the server, the setting and the cause.
import { Client, Connection } from '@temporalio/client';
import { StartupError } from './run-main.js';
import { temporalConnectionOptions } from './temporal.js';
import type { TemporalEnv } from './config.js';

export function causeOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return causeOf(error.errors[0]);
  if (error instanceof Error) {
    // The Rust core reports a refused connection as a tonic transport error: say it plainly.
    if (/ConnectionRefused|Connection refused/.test(error.message)) return 'ECONNREFUSED: connection refused';
    const code = (error as { code?: unknown }).code;
    const message = error.message.split('\n')[0] ?? '';
    return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
  }
  return String(error);
}

/** Runs `connect`; on failure throws a StartupError "cannot reach <what> at <where> (<cause>): check <setting>". */
export async function reach<T>(
  what: string,
  where: string,
  setting: string,
  connect: () => Promise<T>,
): Promise<T> {
  try {
    return await connect();
  } catch (error) {
    throw new StartupError(`cannot reach ${what} at ${where} (${causeOf(error)}): check ${setting}`);
  }
}

export async function connectTemporalClient(env: TemporalEnv): Promise<Client> {
  const connection = await reach('Temporal', env.TEMPORAL_ADDRESS, 'TEMPORAL_ADDRESS', () =>
    Connection.connect({ ...temporalConnectionOptions(env), connectTimeout: '5 seconds' }),
  );
  return new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
}

/** host:port of a database URL, without the credentials, for messages. */
export function databaseLocation(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
