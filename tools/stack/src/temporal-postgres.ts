// Temporal on PostgreSQL: the production topology of docker-compose.yml without containers. The
// server and its schema tool are built from Go modules (tools/setup/temporal-server.sh) and run on
// a PostgreSQL of ours. What compose does in three containers happens here in the same order:
// temporal-schema (databases and schema), temporal (the server, with deploy's dynamic config), and
// temporal-setup (deploy/temporal/setup-namespace.sh: each namespace and Rhythm's search attributes).
import { execFile } from 'node:child_process';
import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { launch, stop, type Child } from './children.ts';
import { StackError, elapsed, say } from './log.ts';
import { root } from './paths.ts';
import {
  defaultTemporalDatabases,
  prepareTemporalDatabases,
  temporalServerPorts,
  writeTemporalServerConfig,
  type TemporalDatabases,
} from './temporal-postgres-config.ts';
import { portIsOpen, waitForPort } from './wait.ts';

const run = promisify(execFile);

/** The CLI reads TEMPORAL_ADDRESS, TLS and API-key variables: none of the caller's may reach this server. */
const cliEnv = (extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TEMPORAL_'))),
  ...extra,
});

export interface TemporalOnPostgresOptions {
  /** tools/setup/temporal-server.sh's folder: temporal-server and temporal-sql-tool. */
  tools: string;
  /** The Temporal CLI, which checks readiness and runs the namespace set-up. */
  cli: string;
  /** A PostgreSQL URL whose user may create databases (the embedded server's adminUrl). */
  postgresUrl: string;
  /** Default: Temporal's own names, temporal and temporal_visibility. */
  databases?: TemporalDatabases;
  /** The frontend's gRPC port; the server also takes the seven ports after it. */
  port: number;
  /** Where the server's config (and a link to the CLI) is written at every start. */
  workDir: string;
  /** Created when missing, each with Rhythm's search attributes. */
  namespaces: string[];
  echo: boolean;
}

export interface TemporalOnPostgres {
  readonly address: string;
  stop(): Promise<void>;
}

export async function startTemporalOnPostgres(
  options: TemporalOnPostgresOptions,
): Promise<TemporalOnPostgres> {
  const ports = temporalServerPorts(options.port);
  const taken = (
    await Promise.all(ports.map(async (port) => ((await portIsOpen(port)) ? port : null)))
  ).filter((port) => port !== null);
  if (taken.length) {
    throw new StackError(
      `port${taken.length > 1 ? 's' : ''} ${taken.join(', ')} ${taken.length > 1 ? 'are' : 'is'} in use, so Temporal on PostgreSQL (ports ${ports[0]}-${ports.at(-1)}) cannot start: stop what listens there (an earlier run?), move them (RHYTHM_TEST_TEMPORAL_PG_PORT in the tests) or set TEMPORAL_ADDRESS to use a running server.`,
    );
  }
  const started = Date.now();
  const databases = options.databases ?? defaultTemporalDatabases;
  await prepareTemporalDatabases(
    path.join(options.tools, 'temporal-sql-tool'),
    options.postgresUrl,
    databases,
  );
  const configDir = await writeTemporalServerConfig(options.workDir, {
    postgresUrl: options.postgresUrl,
    databases,
    port: options.port,
  });

  const lines: string[] = [];
  const server: Child = launch(
    'temporal',
    path.join(options.tools, 'temporal-server'),
    // No authorizer, as compose's server runs: the server listens on loopback only.
    [
      '--root',
      options.workDir,
      '--config',
      path.relative(options.workDir, configDir),
      '--env',
      'rhythm',
      '--allow-no-auth',
      'start',
    ],
    {
      echo: options.echo,
      cwd: options.workDir,
      // The last lines only: they say why it did not start; a long-running stack must not hoard them.
      onLine: (line) => {
        lines.push(line);
        if (lines.length > 20) lines.shift();
      },
    },
  );
  const address = `127.0.0.1:${options.port}`;
  const failed = async (what: string): Promise<never> => {
    await stop(server);
    throw new StackError(`Temporal on PostgreSQL ${what}: ${lines.slice(-5).join(' | ') || 'no output'}`);
  };
  // The port opens before the server serves: ready means its health RPC answers SERVING, and then
  // that the namespace set-up, which talks to the frontend and the persistence behind it, is done.
  if (!(await waitForPort(options.port, 60_000, server.alive)))
    await failed(`did not open port ${options.port}`);
  if (!(await serving(options.cli, address, 60_000, server.alive)))
    await failed('did not answer its health check');
  for (const namespace of options.namespaces) {
    const why = await setUpNamespace(options.cli, options.workDir, address, namespace);
    if (why) await failed(`could not set up the namespace ${namespace} (${why})`);
  }
  say(
    `Temporal on PostgreSQL ready on ${address} (databases ${databases.store}, ${databases.visibility}; namespaces ${options.namespaces.join(', ')}) (${elapsed(started)})`,
  );
  return { address, stop: () => stop(server, 15_000) };
}

async function serving(
  cli: string,
  address: string,
  timeoutMs: number,
  isAlive: () => boolean,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isAlive()) {
    try {
      const { stdout } = await run(cli, ['operator', 'cluster', 'health', '--address', address], {
        timeout: 10_000,
        env: cliEnv(),
      });
      if (stdout.includes('SERVING')) return true;
    } catch {
      // Not serving yet.
    }
    await delay(500);
  }
  return false;
}

/**
 * deploy/temporal/setup-namespace.sh, the script compose and production run, so the stack checks it
 * too. It calls `temporal` from PATH: a link in the work folder names our CLI whatever its file name.
 * Resolves with why it failed, or null.
 */
async function setUpNamespace(
  cli: string,
  workDir: string,
  address: string,
  namespace: string,
): Promise<string | null> {
  const bin = path.join(workDir, 'bin');
  await mkdir(bin, { recursive: true });
  await rm(path.join(bin, 'temporal'), { force: true });
  await symlink(path.resolve(cli), path.join(bin, 'temporal'));
  try {
    await run('sh', [path.join(root, 'deploy/temporal/setup-namespace.sh')], {
      env: cliEnv({
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        TEMPORAL_ADDRESS: address,
        TEMPORAL_NAMESPACE: namespace,
        SETUP_WAIT_SECONDS: '60',
      }),
    });
    return null;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    return (stderr?.trim() || message).split('\n').slice(-3).join(' | ');
  }
}
