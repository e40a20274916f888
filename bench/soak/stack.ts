// What the soak runs against, as a deployment runs it: an embedded PostgreSQL and a Temporal dev
// server of its own (bench/faults' servers, on ports no other run uses), a database migrated by the
// deployments' `rhythm-db migrate`, and the built API and sessions worker as processes configured
// by the environment. The worker is there so that the API's workflow starts, signals and `status`
// queries are answered as in production; no notifier: no email falls due (sessions are weeks ahead).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { connectOrm, type Orm } from '@rhythm/persistence';
import { startService, type ServiceProcess } from '@rhythm/testing';
import { ensureDatabase, migrateAndSeed } from '../../tools/stack/src/database.ts';
import { startServers } from '../faults/servers.ts';
import { JWT_SECRET } from './seed.ts';

export interface Servers {
  /** What every service is configured with: DATABASE_URL, TEMPORAL_ADDRESS, NODE_ENV. */
  env: Record<string, string>;
  orm: Orm;
  /** Run at close, last first. */
  cleanups: (() => Promise<unknown>)[];
  close(): Promise<void>;
}

export interface SoakStack extends Servers {
  apiUrl: string;
  api: ServiceProcess;
}

/** PostgreSQL with a fresh, migrated database, and a Temporal dev server. */
export async function startServersAndDatabase(options: {
  dataDir: string;
  pgPort: number;
  temporalPort: number;
}): Promise<Servers> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error(error));
  };
  try {
    const servers = await startServers(options);
    cleanups.push(() => servers.close());
    // A fresh database each run; the cluster stays in the data folder between runs.
    const databaseUrl = await ensureDatabase(servers.adminUrl, `soak_${Date.now()}`);
    await migrateAndSeed(databaseUrl, { seed: false });
    const orm = await connectOrm(databaseUrl);
    cleanups.push(() => orm.close(true));
    const env = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: servers.temporalAddress,
      NODE_ENV: 'production',
    };
    return { env, orm, cleanups, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function startStack(options: {
  dataDir: string;
  pgPort: number;
  temporalPort: number;
  /** NODE_OPTIONS for the API, e.g. `--heapsnapshot-signal=SIGUSR2` to take heap snapshots. */
  apiNodeOptions: string | undefined;
}): Promise<SoakStack> {
  const servers = await startServersAndDatabase(options);
  try {
    const workflows = startService('workflows', servers.env);
    servers.cleanups.push(() => workflows.stop());
    const api = startService('api', {
      ...servers.env,
      PORT: '0',
      AUTH_JWT_SECRET: JWT_SECRET,
      NODE_OPTIONS: options.apiNodeOptions,
    });
    servers.cleanups.push(() => api.stop());
    const { port } = JSON.parse(await api.waitForOutput(/rhythm-api listening/)) as { port: number };
    await workflows.waitForOutput(/rhythm-workflows polling/, 180_000);
    return { ...servers, apiUrl: `http://127.0.0.1:${port}`, api };
  } catch (error) {
    await servers.close();
    throw error;
  }
}

/** The process's resident set in MB, as the kernel counts it (what a container's limit meets). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(path.join('/proc', String(pid), 'status'), 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/** The V8 heap in use, in MB, from the API's own /metrics (prom-client's process defaults). */
export async function heapUsedMb(apiUrl: string): Promise<number> {
  const text = await (await fetch(`${apiUrl}/metrics`)).text();
  const bytes = Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1]);
  return bytes / 1024 / 1024;
}
