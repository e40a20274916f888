// Read benchmark: GET /api/me/overview for a person in BENCH_TEAMS teams (default 150) and the
// calendar list of a team with BENCH_SESSIONS sessions (default 430), on the built API
// (services/api/dist) in this process, over HTTP on a loopback port. Prints p50/p99 and bytes; it
// asserts nothing. Temporal is never reached (neither read touches it). See README.md.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openOrm, type Orm } from '@rhythm/persistence';
import { memberOfTeams } from '@rhythm/persistence/testing';
import { createLogger } from '@rhythm/platform';
import { createTestDatabase } from '@rhythm/testing';
import { Client, Connection } from '@temporalio/client';
import { startEmbeddedPostgres } from '../../tools/stack/src/postgres.ts';
import { figures, printTable, type Figures } from '../api/stats.ts';
import { calendarTeam } from './calendar.ts';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
// Another build of the API (e.g. of an earlier commit, built into a folder of its own) to compare.
const apiDist = process.env.BENCH_API_DIST ?? path.join(root, 'services/api/dist');
const { createApp } = (await import(`${apiDist}/app.js`)) as typeof import('../../services/api/dist/app.js');
const { issueToken } = (await import(
  `${apiDist}/auth/tokens.js`
)) as typeof import('../../services/api/dist/auth/tokens.js');
const { loadApiConfig } = (await import(
  `${apiDist}/config.js`
)) as typeof import('../../services/api/dist/config.js');
const { createSessionService } = (await import(
  `${apiDist}/sessions/index.js`
)) as typeof import('../../services/api/dist/sessions/index.js');
const TEAMS = Number(process.env.BENCH_TEAMS ?? 150);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 430);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const WARM_UP = 10;
const cleanups: (() => Promise<unknown>)[] = [];

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.BENCH_PG_PORT ?? 54391);
    const dataDir = path.join(root, `.data/postgres-bench-${port}`);
    const postgres = await startEmbeddedPostgres({ dataDir, port, durable: false });
    cleanups.push(() => postgres.stop());
    process.env.DATABASE_URL = postgres.adminUrl; // createTestDatabase makes a database of its own there.
  }
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const orm = await openOrm(database.url);
  cleanups.push(() => orm.close(true));
  await migrateToLatest(orm);
  const { user, teams } = await memberOfTeams(orm, TEAMS, { prefix: 'Bench' });
  const calendar = await calendarTeam(orm, user, SESSIONS);

  const { url, authorization } = await serve(orm, database.url, user.id);
  const get = async <T>(path: string): Promise<{ bytes: number; body: T }> => {
    const response = await fetch(`${url}${path}`, { headers: { authorization } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return { bytes: Number(response.headers.get('content-length')), body: (await response.json()) as T };
  };
  console.log(`Rhythm read benchmark: ${TEAMS} teams, a calendar of ${SESSIONS} sessions, ${apiDist}`);
  console.log(
    `machine: ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(2)}, Node ${process.version}\n`,
  );

  const overview = await get<Overview>('/api/me/overview');
  // Its teams and the calendar's.
  if (overview.body.teams.length !== teams.length + 1) throw new Error('the overview missed a team');
  const sessionsPath = `/api/teams/${calendar.id}/sessions`;
  const firstPage = await get<SessionPage>(sessionsPath);
  // The whole calendar as the web app reads it: the largest pages, following nextCursor (an API
  // from before paging has no nextCursor and answers it all at once).
  const paged = firstPage.body.nextCursor !== undefined;
  const whole = async () => {
    const pages = [await get<SessionPage>(paged ? `${sessionsPath}?limit=500` : sessionsPath)];
    for (let cursor = pages[0]!.body.nextCursor; cursor; cursor = pages.at(-1)!.body.nextCursor)
      pages.push(await get<SessionPage>(`${sessionsPath}?limit=500&cursor=${cursor}`));
    return pages;
  };
  const pages = await whole();
  printTable([
    await measure(`GET /api/me/overview (${TEAMS} teams)`, () => get('/api/me/overview')),
    await measure(`GET …/sessions (${firstPage.body.sessions.length} sessions)`, () => get(sessionsPath)),
    await measure(`GET …/sessions?limit=500, ${pages.length} page(s)`, whole),
  ]);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const planned = overview.body.teams.filter((team) => team.nextSession).length;
  console.log(
    `\nbytes: overview ${overview.bytes} (${planned} teams with a next session), ` +
      `sessions first page ${firstPage.bytes}, ` +
      `all ${sum(pages.map((page) => page.body.sessions.length))} sessions ${sum(pages.map((page) => page.bytes))}`,
  );
}

interface Overview {
  teams: { nextSession: unknown }[];
}

interface SessionPage {
  sessions: unknown[];
  nextCursor?: string | null;
}

async function serve(orm: Orm, databaseUrl: string, userId: string) {
  const config = loadApiConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: path.join(os.tmpdir(), `rhythm-no-web-app-${randomUUID()}`),
  });
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const sessions = createSessionService({ orm, client: temporal });
  const logger = createLogger('rhythm-bench-reads', 'silent');
  const app = createApp({ config, logger, orm, temporal, sessions });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as { port: number };
  if (config.auth.mode !== 'secret') throw new Error('the benchmark signs its own tokens (HS256)');
  const { token } = await issueToken(config.auth, userId);
  return { url: `http://127.0.0.1:${port}`, authorization: `Bearer ${token}` };
}

/** One request at a time: latency, not throughput. */
async function measure(label: string, run: () => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const at = performance.now();
    await run();
    latencies.push(performance.now() - at);
  }
  return figures(label, latencies, 0, (performance.now() - started) / 1000);
}

try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
