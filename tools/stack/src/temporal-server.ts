// The Temporal dev server (real Temporal Server + Web UI, SQLite file persistence), with Rhythm's
// custom search attributes registered at start (the flag is idempotent across restarts).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launch, stop, type Child } from './children.ts';
import { say, StackError, elapsed } from './log.ts';
import { portIsOpen, waitForPort } from './wait.ts';

// One partition for the notifier's queue: from when the queue's rate limit paced Resend (split over
// four partitions it came in bursts). The notifier now paces Resend itself, through PostgreSQL
// (NOTIFIER_REQUESTS_PER_SECOND), and compose no longer sets this; the local servers keep it so
// that they run as the benchmarks measured them.
export const ONE_PARTITION = {
  'matching.numTaskqueueReadPartitions': 1,
  'matching.numTaskqueueWritePartitions': 1,
};

export interface TemporalDevServerOptions {
  cli: string;
  /** SQLite file for persistence across restarts, or null to keep everything in memory (tests). */
  dbFile: string | null;
  port: number;
  /** The Web UI's port, or null for none (tests). */
  uiPort: number | null;
  /** Namespaces besides `default`; the search attributes are registered in each. */
  namespaces?: string[];
  searchAttributes: Record<string, string>;
  /** Dynamic config as KEY=JSON pairs (`--dynamic-config-value`). */
  dynamicConfig?: Record<string, string | number | boolean>;
  echo: boolean;
}

export interface TemporalDevServer {
  readonly address: string;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  if (await portIsOpen(options.port)) {
    throw new StackError(
      `port ${options.port} is already in use, so the Temporal dev server cannot start: stop what listens there (an earlier run?) or set TEMPORAL_ADDRESS to use that server.`,
    );
  }
  const started = Date.now();
  if (options.dbFile) await mkdir(path.dirname(options.dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-level',
    'warn',
    ...(options.namespaces ?? []).flatMap((namespace) => ['--namespace', namespace]),
    ...Object.entries(options.searchAttributes).flatMap(([name, type]) => [
      '--search-attribute',
      `${name}=${type}`,
    ]),
    ...Object.entries(options.dynamicConfig ?? {}).flatMap(([key, value]) => [
      '--dynamic-config-value',
      `${key}=${JSON.stringify(value)}`,
    ]),
    ...(options.uiPort === null ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
  ];
  const lines: string[] = [];
  const child: Child = launch('temporal', options.cli, args, {
    echo: options.echo,
    onLine: (line) => lines.push(line),
  });
  if (!(await waitForPort(options.port, 60_000, child.alive))) {
    await stop(child);
    throw new StackError(
      `the Temporal dev server did not come up on port ${options.port}: ${lines.slice(-5).join(' | ')}`,
    );
  }
  const ui = options.uiPort === null ? '' : `, Web UI http://localhost:${options.uiPort}`;
  say(`Temporal dev server ready on 127.0.0.1:${options.port}${ui} (${elapsed(started)})`);
  return { address: `127.0.0.1:${options.port}`, stop: () => stop(child) };
}
