// What the benchmark runs on: PostgreSQL and a Temporal dev server of its own (or the ones
// DATABASE_URL / TEMPORAL_ADDRESS name), a fresh migrated database, the local Resend server at
// Resend's 5 requests per second, BENCH_NOTIFIERS notifier processes (the built
// services/notifier/dist/main.js, configured by the environment as deployed) on a task queue of
// their own, and a worker for the stand-in session workflow. What it starts goes on `cleanups`.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rhythmSearchAttributeTypes } from '@rhythm/domain';
import { migrateToLatest, openOrm, type Orm } from '@rhythm/persistence';
import {
  connectDevServer,
  createTestDatabase,
  startLocalResend,
  startService,
  type LocalResend,
} from '@rhythm/testing';
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { startEmbeddedPostgres } from '../../tools/stack/src/postgres.ts';
import { temporalCli } from '../../tools/stack/src/provision.ts';
import { startTemporalDevServer } from '../../tools/stack/src/temporal-server.ts';
import { settings } from './settings.ts';

export interface World {
  orm: Orm;
  resend: LocalResend;
  client: Client;
  /** The notifiers' queue; the stand-in session workflows run on `${taskQueue}-sessions`. */
  taskQueue: string;
  notifierPids: number[];
}

type Cleanups = (() => Promise<unknown>)[];
const API_KEY = 're_bench_coalescing';
const root = path.resolve(fileURLToPath(import.meta.url), '../../..');

export async function openWorld(cleanups: Cleanups): Promise<World> {
  const { databaseUrl, temporalAddress } = await servers(cleanups);
  process.env.DATABASE_URL = databaseUrl; // createTestDatabase makes its database on this server.
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const orm = await openOrm(database.url);
  cleanups.push(() => orm.close(true));
  await migrateToLatest(orm);

  const resend = await startLocalResend({ apiKey: API_KEY, requestsPerSecond: settings.requestsPerSecond });
  cleanups.push(() => resend.close());
  const taskQueue = `bench-coalescing-${randomUUID()}`;
  const notifierPids: number[] = [];
  for (let i = 0; i < settings.notifiers; i++) {
    const notifier = startService('notifier', {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporalAddress,
      RESEND_API_KEY: API_KEY,
      RESEND_BASE_URL: resend.url,
      NOTIFIER_TASK_QUEUE: taskQueue,
      NOTIFIER_REQUESTS_PER_SECOND: String(settings.requestsPerSecond),
      ...settings.notifierEnv,
    });
    cleanups.push(() => notifier.stop());
    await notifier.waitForOutput(/rhythm-notifier polling/);
    notifierPids.push(notifier.child.pid!);
  }

  process.env.TEMPORAL_ADDRESS = temporalAddress; // connectDevServer connects to it.
  const temporal = await connectDevServer();
  cleanups.push(() => temporal.close());
  const worker = await Worker.create({
    connection: temporal.nativeConnection,
    taskQueue: `${taskQueue}-sessions`,
    workflowsPath: fileURLToPath(new URL('./session-send.workflow.ts', import.meta.url)),
    maxConcurrentWorkflowTaskExecutions: 100,
  });
  cleanups.push(stopWhenDone(worker));
  return { orm, resend, client: temporal.client, taskQueue, notifierPids };
}

/** Stops what openWorld started, the last first. */
export async function closeWorld(cleanups: Cleanups): Promise<void> {
  for (const cleanup of cleanups.reverse())
    await cleanup().catch((error: unknown) => console.error('cleanup:', error));
}

/** Runs the worker; the returned cleanup stops it and waits for it to drain. */
function stopWhenDone(worker: Worker): () => Promise<void> {
  const running = worker.run();
  return () => {
    worker.shutdown();
    return running;
  };
}

async function servers(cleanups: Cleanups): Promise<{ databaseUrl: string; temporalAddress: string }> {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const postgres = await startEmbeddedPostgres({
      dataDir: path.join(root, `.data/postgres-bench-${settings.pgPort}`),
      port: settings.pgPort,
      durable: false,
    });
    cleanups.push(() => postgres.stop());
    databaseUrl = postgres.adminUrl;
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    // Default partitions: nothing is rate-limited on a task queue any more.
    const temporal = await startTemporalDevServer({
      cli: await temporalCli(),
      dbFile: null,
      port: settings.temporalPort,
      uiPort: null,
      searchAttributes: rhythmSearchAttributeTypes,
      echo: false,
    });
    cleanups.push(() => temporal.stop());
    temporalAddress = temporal.address;
  }
  return { databaseUrl, temporalAddress };
}
