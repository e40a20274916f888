// What a cached session workflow costs the sessions worker. WORKER_SESSIONS (1,400) scheduled
// sessions, weeks ahead, get their workflows from the worker's keeper at boot; then, for each cache
// size in WORKER_CACHE_SIZES (2,250,2000: empty, the default, about the SDK's own default on a 4 GB
// heap), a fresh built worker (services/workflows/dist/main.js with the workflow bundle prebuilt,
// as the image runs it, and SESSIONS_MAX_CACHED_WORKFLOWS set) answers every workflow's `status` query, which brings each into its cache (evicting the oldest
// once full), and its RSS is read once it settles. Prints figures, asserts nothing.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { sessionWorkflowId, statusQuery } from '@rhythm/domain';
import { createSession, createTeam, daysAhead } from '@rhythm/persistence/testing';
import { startService } from '@rhythm/testing';
import { Client, Connection } from '@temporalio/client';
import { inParallel } from '../api/api-client.ts';
import { rssMb, startServersAndDatabase } from './stack.ts';

const env = process.env;
const SESSIONS = Number(env.WORKER_SESSIONS ?? 1_400);
const CACHE_SIZES = (env.WORKER_CACHE_SIZES ?? '2,250,2000').split(',').map(Number);
const PG_PORT = Number(env.SOAK_PG_PORT ?? 54398);
const TEMPORAL_PORT = Number(env.SOAK_TEMPORAL_PORT ?? 7299);
const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const dataDir = path.join(root, `.data/soak-${TEMPORAL_PORT}`);
const say = (line: string) => process.stderr.write(`worker-cache: ${line}\n`);

// Bundled once, as the image build does: webpack at start would add its own memory to the figures.
const bundle = path.join(dataDir, 'workflow-bundle.js');
execFileSync(process.execPath, [path.join(root, 'deploy/scripts/bundle-workflows.mjs'), bundle], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const servers = await startServersAndDatabase({
  dataDir,
  pgPort: PG_PORT,
  temporalPort: TEMPORAL_PORT,
});
process.once('SIGINT', () => void servers.close().finally(() => process.exit(130)));
try {
  const connection = await Connection.connect({ address: servers.env.TEMPORAL_ADDRESS! });
  servers.cleanups.push(() => connection.close());
  const client = new Client({ connection });
  const { team } = await createTeam(servers.orm);
  const ids: string[] = [];
  for (let i = 0; i < SESSIONS; i++)
    ids.push((await createSession(servers.orm, team, { date: daysAhead(new Date(), 30 + (i % 300)) })).id);
  say(`${SESSIONS} sessions written; the first worker's keeper starts their workflows`);
  const rows: string[] = [];
  for (const size of CACHE_SIZES) {
    const worker = startService('workflows', {
      ...servers.env,
      WORKFLOW_BUNDLE_PATH: bundle,
      SESSIONS_MAX_CACHED_WORKFLOWS: String(size),
      SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS: String(Math.max(2, Math.min(40, size))),
    });
    await worker.waitForOutput(/rhythm-workflows polling/, 180_000);
    const idle = await rssMb(worker.child.pid!);
    const started = performance.now();
    let failed = 0;
    // Until every workflow answers: the first pass also waits for the keeper's starts.
    await inParallel(ids.length, 8, async (i) => {
      const handle = client.workflow.getHandle(sessionWorkflowId(ids[i]!));
      for (let attempt = 0; ; attempt++) {
        try {
          return void (await handle.query(statusQuery));
        } catch (error) {
          if (attempt === 30) return void ((failed += 1), say(`session ${ids[i]}: ${String(error)}`));
          await sleep(1_000);
        }
      }
    });
    const seconds = (performance.now() - started) / 1000;
    await sleep(15_000); // Let the worker's garbage collector catch up.
    const rss = await rssMb(worker.child.pid!);
    rows.push(
      `${String(size).padStart(6)}  ${String(Math.min(size, SESSIONS)).padStart(6)}  ${idle.toFixed(0).padStart(7)}  ${rss.toFixed(0).padStart(7)}  ${seconds.toFixed(1).padStart(7)}  ${failed}`,
    );
    say(rows.at(-1)!);
    await worker.stop();
  }
  console.log(
    `${SESSIONS} open session workflows; worker RSS once it polls, and after every workflow answered`,
  );
  console.log(' cache  cached  idle MB   RSS MB  queries s  failed');
  for (const row of rows) console.log(row);
} finally {
  await servers.close();
}
