// The servers the benchmark runs on: a test run's, when DATABASE_URL / TEMPORAL_ADDRESS name them,
// otherwise an embedded PostgreSQL and an in-memory Temporal dev server of its own, started with
// one partition per task queue because that is what lets the notifier's rate limit pace evenly
// (README.md, "What limits it"). What it starts it stops through `cleanups`, with the rest.
import path from 'node:path';
import { startEmbeddedPostgres } from '../../tools/stack/src/postgres.ts';
import { temporalCli } from '../../tools/stack/src/provision.ts';
import { launch, stop } from '../../tools/stack/src/children.ts';
import { waitForPort } from '../../tools/stack/src/wait.ts';

/** The test run's servers when DATABASE_URL / TEMPORAL_ADDRESS are set; otherwise our own. */
export async function servers(
  root: string,
  cleanups: (() => Promise<unknown>)[],
): Promise<{ databaseUrl: string; temporalAddress: string }> {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(process.env.BENCH_PG_PORT ?? 54390);
    const postgres = await startEmbeddedPostgres({
      dataDir: path.join(root, `.data/postgres-bench-${port}`),
      port,
      durable: false,
    });
    cleanups.push(() => postgres.stop());
    databaseUrl = postgres.adminUrl;
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const port = Number(process.env.BENCH_TEMPORAL_PORT ?? 7293);
    // One partition per task queue: with the default four, the server splits the queue's rate
    // limit between them and dispatches in bursts of four every two seconds (see README.md).
    const partitions = [
      'matching.numTaskqueueReadPartitions=1',
      'matching.numTaskqueueWritePartitions=1',
    ].flatMap((v) => ['--dynamic-config-value', v]);
    const temporal = launch(
      'temporal',
      await temporalCli(),
      [
        'server',
        'start-dev',
        '--headless',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--log-level',
        'warn',
        ...partitions,
      ],
      { echo: false },
    );
    cleanups.push(() => stop(temporal));
    if (!(await waitForPort(port, 60_000, temporal.alive)))
      throw new Error(`the Temporal dev server did not come up on port ${port}`);
    temporalAddress = `127.0.0.1:${port}`;
  } else {
    console.log(
      `using TEMPORAL_ADDRESS=${temporalAddress}: its task queues keep the partitions it was started with.`,
    );
  }
  return { databaseUrl, temporalAddress };
}
