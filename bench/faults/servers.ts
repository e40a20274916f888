// The servers the fault suite takes down and brings back: an embedded PostgreSQL (stopped with a
// fast shutdown, which ends every connection, and started again on the same data folder) and a
// Temporal dev server with file persistence (`--db-filename`), so a restart keeps the workflows,
// their timers and task queues as a real cluster would.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { rhythmSearchAttributeTypes } from '@rhythm/domain';
import { startEmbeddedPostgres, type Postgres } from '../../tools/stack/src/postgres.ts';
import { temporalCli } from '../../tools/stack/src/provision.ts';
import {
  ONE_PARTITION,
  startTemporalDevServer,
  type TemporalDevServer,
} from '../../tools/stack/src/temporal-server.ts';

export interface FaultServers {
  /** URL of PostgreSQL's `postgres` database (the run makes a database of its own beside it). */
  readonly adminUrl: string;
  readonly temporalAddress: string;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  stopTemporal(): Promise<void>;
  startTemporal(): Promise<void>;
  close(): Promise<void>;
}

export async function startServers({
  dataDir,
  pgPort,
  temporalPort,
}: {
  dataDir: string;
  pgPort: number;
  temporalPort: number;
}): Promise<FaultServers> {
  const pgData = path.join(dataDir, `postgres-${pgPort}`);
  const temporalDb = path.join(dataDir, `temporal-${temporalPort}.db`);
  // A fresh Temporal history each run; PostgreSQL keeps its cluster (the run's database is new).
  for (const suffix of ['', '-shm', '-wal', '-journal']) await rm(`${temporalDb}${suffix}`, { force: true });
  const cli = await temporalCli();

  let postgres: Postgres | null = null;
  let temporal: TemporalDevServer | null = null;
  const startPostgres = async (): Promise<Postgres> => {
    postgres = await startEmbeddedPostgres({ dataDir: pgData, port: pgPort, durable: false });
    return postgres;
  };
  const startTemporal = async () => {
    temporal = await startTemporalDevServer({
      cli,
      dbFile: temporalDb,
      port: temporalPort,
      uiPort: null,
      searchAttributes: rhythmSearchAttributeTypes,
      // One partition per task queue, as bench/notifier explains: an even 2 sends a second.
      dynamicConfig: ONE_PARTITION,
      echo: false,
    });
  };
  const stopPostgres = async () => {
    if (!postgres) return;
    // SIGINT is PostgreSQL's fast shutdown: connections are ended at once (SIGTERM, the smart
    // shutdown, would wait for the services' pools to hang up). postmaster.pid names the server.
    const pid = Number((await readFile(path.join(pgData, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGINT');
    await postgres.stop();
    postgres = null;
  };
  const stopTemporal = async () => {
    await temporal?.stop();
    temporal = null;
  };

  const { adminUrl } = await startPostgres();
  try {
    await startTemporal();
  } catch (error) {
    await stopPostgres();
    throw error;
  }
  return {
    adminUrl,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    startPostgres: async () => {
      await startPostgres();
    },
    stopPostgres,
    startTemporal,
    stopTemporal,
    async close() {
      await stopTemporal().catch((error: unknown) => console.error('stopping Temporal:', error));
      await stopPostgres().catch((error: unknown) => console.error('stopping PostgreSQL:', error));
    },
  };
}
