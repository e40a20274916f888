// One round's stack, as a deployment runs it: a fresh Rhythm database (migrated by `rhythm-db
// migrate`) on the run's embedded PostgreSQL; a fresh Temporal server, either the dev server on a
// SQLite file (what `./rhythm start` runs) or the Temporal server on PostgreSQL (compose's topology,
// tools/setup/temporal-server.sh); the local Resend server at Resend's rate; and the built API,
// sessions worker and BENCH_NOTIFIERS notifiers as processes configured by the environment.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { rhythmSearchAttributeTypes } from '@rhythm/domain';
import { connectOrm, type Orm } from '@rhythm/persistence';
import { startLocalResend, startService, type LocalResend, type ServiceProcess } from '@rhythm/testing';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { ensureDatabase, migrateAndSeed } from '../../tools/stack/src/database.ts';
import { temporalCli, temporalServerTools } from '../../tools/stack/src/provision.ts';
import { startTemporalOnPostgres } from '../../tools/stack/src/temporal-postgres.ts';
import { ONE_PARTITION, startTemporalDevServer } from '../../tools/stack/src/temporal-server.ts';
import { JWT_SECRET } from '../soak/seed.ts';
import { dataDir, settings, type Backend } from './settings.ts';

const API_KEY = 're_bench_timers';
/** The API's limits are for people; the benchmark's clients create thousands of sessions. */
const UNLIMITED = '1000000000';

export interface Stack {
  orm: Orm;
  client: Client;
  apiUrl: string;
  resend: LocalResend;
  workflowsPid: number;
  /** Bytes Temporal keeps (its SQLite files, or its two PostgreSQL databases). */
  temporalBytes(): Promise<number>;
  /** Bytes of the round's Rhythm database. */
  rhythmBytes(): Promise<number>;
  close(): Promise<void>;
}

export async function startStack(adminUrl: string, backend: Backend): Promise<Stack> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error(error));
  };
  try {
    const suffix = randomBytes(4).toString('hex');
    const databaseUrl = await ensureDatabase(adminUrl, `timers_${suffix}`);
    cleanups.push(() => sql(adminUrl, `drop database if exists "timers_${suffix}" with (force)`));
    await migrateAndSeed(databaseUrl, { seed: false });
    const orm = await connectOrm(databaseUrl);
    cleanups.push(() => orm.close(true));

    const temporal = await startTemporal(adminUrl, backend, suffix, cleanups);
    const connection = await Connection.connect({ address: temporal.address });
    cleanups.push(() => connection.close());
    const client = new Client({ connection });

    const resend = await startLocalResend({ apiKey: API_KEY, requestsPerSecond: settings.requestsPerSecond });
    cleanups.push(() => resend.close());
    const env = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, NODE_ENV: 'production' };
    const service = (name: 'api' | 'workflows' | 'notifier', extra: Record<string, string>) => {
      const process_: ServiceProcess = startService(name, { ...env, ...extra });
      cleanups.push(() => process_.stop());
      return process_;
    };
    const workflows = service('workflows', {});
    for (let i = 0; i < settings.notifiers; i++)
      await service('notifier', {
        RESEND_API_KEY: API_KEY,
        RESEND_BASE_URL: resend.url,
        NOTIFIER_REQUESTS_PER_SECOND: String(settings.requestsPerSecond),
      }).waitForOutput(/rhythm-notifier polling/, 120_000);
    const api = service('api', {
      PORT: '0',
      AUTH_JWT_SECRET: JWT_SECRET,
      RATE_LIMIT_WRITES_PER_MINUTE: UNLIMITED,
      MAX_SCHEDULED_SESSIONS_PER_TEAM: String(settings.sessionsPerTeam),
    });
    const { port } = JSON.parse(await api.waitForOutput(/rhythm-api listening/)) as { port: number };
    await workflows.waitForOutput(/rhythm-workflows polling/, 180_000);
    return {
      orm,
      client,
      apiUrl: `http://127.0.0.1:${port}`,
      resend,
      workflowsPid: workflows.child.pid!,
      temporalBytes: temporal.bytes,
      rhythmBytes: async () => databaseBytes(adminUrl, `timers_${suffix}`),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startTemporal(
  adminUrl: string,
  backend: Backend,
  suffix: string,
  cleanups: (() => Promise<unknown>)[],
): Promise<{ address: string; bytes: () => Promise<number> }> {
  const cli = await temporalCli();
  const port = settings.temporalPort;
  if (backend === 'dev') {
    await mkdir(dataDir, { recursive: true });
    const dbFile = path.join(dataDir, `temporal-${suffix}.sqlite`);
    const server = await startTemporalDevServer({
      cli,
      dbFile,
      port,
      uiPort: null,
      searchAttributes: rhythmSearchAttributeTypes,
      dynamicConfig: ONE_PARTITION, // as ./rhythm start runs it
      echo: false,
    });
    cleanups.push(async () => {
      await server.stop();
      for (const end of ['', '-shm', '-wal']) await rm(`${dbFile}${end}`, { force: true });
    });
    const bytes = async () => {
      let total = 0;
      for (const end of ['', '-wal'])
        total += await stat(`${dbFile}${end}`).then(
          (s) => s.size,
          () => 0,
        );
      return total;
    };
    return { address: server.address, bytes };
  }
  const databases = { store: `temporal_${suffix}`, visibility: `temporal_visibility_${suffix}` };
  const workDir = path.join(dataDir, `temporal-postgres-${suffix}`);
  await mkdir(workDir, { recursive: true });
  const server = await startTemporalOnPostgres({
    tools: await temporalServerTools(),
    cli,
    postgresUrl: adminUrl,
    databases,
    port,
    workDir,
    namespaces: ['default'],
    echo: false,
  });
  cleanups.push(async () => {
    await server.stop();
    for (const name of Object.values(databases))
      await sql(adminUrl, `drop database if exists "${name}" with (force)`);
    await rm(workDir, { recursive: true, force: true });
  });
  const bytes = async () =>
    (await databaseBytes(adminUrl, databases.store)) + (await databaseBytes(adminUrl, databases.visibility));
  return { address: server.address, bytes };
}

async function databaseBytes(adminUrl: string, name: string): Promise<number> {
  const rows = await sql(adminUrl, `select pg_database_size('${name}') as bytes`);
  return Number(rows[0]!.bytes);
}

async function sql(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}
