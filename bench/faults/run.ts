// Fault suite: exactly-once email under faults, with figures. BENCH_SESSIONS (60) sessions of
// BENCH_OWNERS (5) owners each run as real session workflows on the built sessions worker, sending
// through the built notifier(s) to the local Resend server, on an embedded PostgreSQL and a Temporal
// dev server with file persistence. Phase 1 sends the invitations, phase 2 restarts Temporal while
// every workflow sleeps, phase 3 moves every session (a "moved" notice and the reminder for the new
// date). Meanwhile the notifiers and the sessions worker are killed with SIGKILL mid-step,
// PostgreSQL is stopped during sends, the provider answers 500 and 429 storms, and some addresses
// are refused (422). Prints expected, delivered, duplicates, lost, failed with reasons, timings;
// exits 1 when anything was lost or duplicated. Run from the repo root after a build: README.md.
import { execFileSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { addDays, deliveryKey, rescheduleSignal, sessionWorkflowId, todayIn } from '@rhythm/domain';
import { Session, migrateToLatest, openOrm } from '@rhythm/persistence';
import { startSessionWorkflow } from '@rhythm/session-lifecycle';
import { createTestDatabase, startLocalResend } from '@rhythm/testing';
import { Client, Connection } from '@temporalio/client';
import { killNotifiersMidReply, killService, postgresDown, storm } from './faults.ts';
import { tally, type Expected, type Step } from './figures.ts';
import { runPhase } from './phases.ts';
import { report } from './report.ts';
import { startServers } from './servers.ts';
import { createServices } from './services.ts';
import {
  API_KEY,
  NOTIFIERS,
  OWNERS,
  PG_PORT,
  PG_DOWN_MS,
  RPS,
  SETTLE_MS,
  STORM_MS,
  TEMPORAL_DOWN_MS,
  TEMPORAL_PORT,
  TIME_ZONE,
  dataDir,
  logDir,
  root,
  say,
} from './settings.ts';
import { deliveryRows, seed, waitForQueries, workflowStatuses, type World } from './world.ts';

const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | null = null;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse())
      await step().catch((error: unknown) => console.error('cleanup:', error));
  })());

async function main(): Promise<number> {
  await rm(logDir, { recursive: true, force: true });
  await mkdir(logDir, { recursive: true });
  say(
    `servers: PostgreSQL on ${PG_PORT}, Temporal dev server on ${TEMPORAL_PORT} (file ${path.relative(root, dataDir)})`,
  );
  const servers = await startServers({ dataDir, pgPort: PG_PORT, temporalPort: TEMPORAL_PORT });
  cleanups.push(() => servers.close());
  process.env.DATABASE_URL = servers.adminUrl; // createTestDatabase makes a fresh database there.
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const orm = await openOrm(database.url);
  cleanups.push(() => orm.close(true));
  await migrateToLatest(orm);

  // Owner 5 of every 6th session has an address the provider always refuses; owner 4 of every 10th
  // (from the 6th on) one it starts refusing after the invitations (a mailbox closed meanwhile).
  const refusedAlways = new Set<string>();
  const refusedLater = new Set<string>();
  const sessions = await seed(orm, (s, o) => {
    const address = `s${s}-o${o}@faults.example.com`;
    if (o === OWNERS - 1 && s % 6 === 0) refusedAlways.add(address);
    if (o === OWNERS - 2 && s % 10 === 5) refusedLater.add(address);
    return address;
  });

  const resend = await startLocalResend({
    apiKey: API_KEY,
    requestsPerSecond: RPS,
    refusedAddresses: [...refusedAlways],
  });
  cleanups.push(() => resend.close());

  const bundle = path.join(dataDir, 'workflow-bundle.js');
  say('bundling the workflow code once (as the image build does), so a restarted worker starts fast…');
  execFileSync(process.execPath, [path.join(root, 'deploy/scripts/bundle-workflows.mjs'), bundle], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const services = createServices(root, logDir, say);
  cleanups.push(() => services.stopAll());
  const common = { DATABASE_URL: database.url, TEMPORAL_ADDRESS: servers.temporalAddress };
  services.add('workflows', 'workflows', { ...common, WORKFLOW_BUNDLE_PATH: bundle });
  for (let i = 1; i <= NOTIFIERS; i++)
    services.add('notifier', `notifier-${i}`, {
      ...common,
      RESEND_API_KEY: API_KEY,
      RESEND_BASE_URL: resend.url,
      // The notifiers share the provider's rate through PostgreSQL: the local server's own.
      NOTIFIER_REQUESTS_PER_SECOND: String(RPS),
    });
  await services.startAll();
  say(`sessions worker and ${NOTIFIERS} notifier(s) polling; logs in ${path.relative(root, logDir)}`);

  const connection = await Connection.connect({ address: servers.temporalAddress });
  cleanups.push(() => connection.close());
  const client = new Client({ connection });
  const world: World = { servers, services, resend, client, orm, sessions, faults: [] };

  // Phase 1: invitations. The sessions are 5 days ahead: the invitation time (7 days before) has
  // passed, so each workflow invites at once; the reminder (3 days before) is days away.
  const date1 = addDays(todayIn(TIME_ZONE, new Date()), 5);
  const started1 = Date.now();
  const invitations: Expected[] = sessions.flatMap((s) =>
    s.owners.map((o) => ({
      key: deliveryKey(s.id, 'invitation', date1, o.userId),
      sessionId: s.id,
      userId: o.userId,
      address: o.address,
      step: 'invitation' as Step,
      outcome: refusedAlways.has(o.address) ? ('failed' as const) : ('sent' as const),
      dueAt: started1,
    })),
  );
  say(
    `phase 1: starting ${sessions.length} session workflows (invitations due at once, ${invitations.length} emails)…`,
  );
  const rows = await orm.em.fork().find(Session, {}, { populate: ['team'] });
  await Promise.all(rows.map((session) => startSessionWorkflow(client, session, session.team.getEntity())));
  const phase1 = await runPhase(world, 'invitations', invitations, 'reminder', [
    {
      at: 0,
      what: 'SIGKILL sessions worker (steps starting)',
      run: () => killService(world, 'workflows', 1_500),
    },
    { at: 0.15, what: 'SIGKILL notifiers (a reply in flight)', run: () => killNotifiersMidReply(world) },
    { at: 0.3, what: `provider 500 storm (${STORM_MS / 1000} s)`, run: () => storm(world, 500) },
    { at: 0.5, what: `provider 429 storm (${STORM_MS / 1000} s)`, run: () => storm(world, 429) },
    { at: 0.7, what: 'SIGKILL notifiers (a reply in flight)', run: () => killNotifiersMidReply(world) },
  ]);

  // Phase 2: every workflow sleeps on a durable timer (the reminder, days away); restart Temporal.
  say(`phase 2: restarting the Temporal dev server while ${sessions.length} workflows sleep…`);
  const stopAt = Date.now();
  await servers.stopTemporal();
  await sleep(TEMPORAL_DOWN_MS);
  await servers.startTemporal();
  const backAt = Date.now();
  world.faults.push({ phase: 'sleeping', what: 'Temporal dev server restarted', at: stopAt, end: backAt });
  const answering = await waitForQueries(world);
  say(
    `Temporal back after ${((backAt - stopAt) / 1000).toFixed(1)} s; workflows answer queries ${((answering - backAt) / 1000).toFixed(1)} s later`,
  );

  // Phase 3: every session moves to 2 days ahead, as the API moves it (row, then signal): owners
  // invited get a "moved" notice, and the new date's reminder time has passed, so it goes too.
  for (const address of refusedLater) resend.refuse(address);
  const date2 = addDays(todayIn(TIME_ZONE, new Date()), 2);
  const started3 = Date.now();
  const invited = (o: { address: string }) => !refusedAlways.has(o.address);
  const refusedNow = (o: { address: string }) => refusedAlways.has(o.address) || refusedLater.has(o.address);
  const moves: Expected[] = sessions.flatMap((s) => [
    ...s.owners.filter(invited).map((o) => ({
      key: deliveryKey(s.id, 'moved', date2, o.userId, 1),
      sessionId: s.id,
      userId: o.userId,
      address: o.address,
      step: 'moved' as Step,
      outcome: refusedNow(o) ? ('failed' as const) : ('sent' as const),
      dueAt: started3,
    })),
    ...s.owners.map((o) => ({
      key: deliveryKey(s.id, 'reminder', date2, o.userId),
      sessionId: s.id,
      userId: o.userId,
      address: o.address,
      step: 'reminder' as Step,
      outcome: refusedNow(o) ? ('failed' as const) : ('sent' as const),
      dueAt: started3,
    })),
  ]);
  say(
    `phase 3: moving ${sessions.length} sessions to ${date2} ("moved" notices and reminders, ${moves.length} emails)…`,
  );
  await orm.em.fork().nativeUpdate(Session, { id: { $in: sessions.map((s) => s.id) } }, { date: date2 });
  await Promise.all(
    sessions.map((s) =>
      client.workflow.getHandle(sessionWorkflowId(s.id)).signal(rescheduleSignal, { date: date2 }),
    ),
  );
  const phase3 = await runPhase(world, 'moves', moves, 'held', [
    {
      at: 0,
      what: 'SIGKILL sessions worker (steps starting)',
      run: () => killService(world, 'workflows', 1_500),
    },
    { at: 0.1, what: 'SIGKILL notifiers (a reply in flight)', run: () => killNotifiersMidReply(world) },
    { at: 0.25, what: `PostgreSQL stopped (${PG_DOWN_MS / 1000} s)`, run: () => postgresDown(world) },
    { at: 0.45, what: `provider 500 storm (${STORM_MS / 1000} s)`, run: () => storm(world, 500) },
    { at: 0.6, what: 'SIGKILL sessions worker (mid-phase)', run: () => killService(world, 'workflows', 0) },
    { at: 0.7, what: `provider 429 storm (${STORM_MS / 1000} s)`, run: () => storm(world, 429) },
    { at: 0.85, what: 'SIGKILL notifiers (a reply in flight)', run: () => killNotifiersMidReply(world) },
  ]);

  say(`watching ${SETTLE_MS / 1000} s more for late duplicates…`);
  await sleep(SETTLE_MS);
  const deliveries = await deliveryRows(orm);
  const figures = tally([...invitations, ...moves], resend.emails, deliveries ?? []);
  const statuses = await workflowStatuses(world);
  report(world, figures, [phase1, phase3], statuses, {
    refused: refusedAlways.size + refusedLater.size,
    rowsRead: deliveries !== null,
  });
  return figures.lost.length > 0 || figures.duplicates.length > 0 ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    say(`${signal}: stopping everything this run started…`);
    void cleanup().finally(() => process.exit(130));
  });

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error);
  process.exitCode = 2;
} finally {
  await cleanup();
}
