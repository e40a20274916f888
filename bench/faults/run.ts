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
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  addDays,
  deliveryKey,
  rescheduleSignal,
  sessionWorkflowId,
  statusQuery,
  todayIn,
  type SessionStatus,
} from '@rhythm/domain';
import {
  Delivery,
  Membership,
  PlanItem,
  Session,
  Team,
  User,
  migrateToLatest,
  openOrm,
} from '@rhythm/persistence';
import { startSessionWorkflow } from '@rhythm/session-lifecycle';
import { createTestDatabase, startLocalResend, type LocalResend } from '@rhythm/testing';
import { Client, Connection } from '@temporalio/client';
import {
  percentile,
  receivedIds,
  settled,
  tally,
  type DeliveryRow,
  type Expected,
  type Step,
} from './figures.ts';
import { startServers, type FaultServers } from './servers.ts';
import { createServices, type ServiceName, type Services } from './services.ts';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const env = process.env;
const SESSIONS = Number(env.BENCH_SESSIONS ?? 60);
const OWNERS = Number(env.BENCH_OWNERS ?? 5);
const NOTIFIERS = Number(env.BENCH_NOTIFIERS ?? 2);
const RPS = Number(env.BENCH_REQUESTS_PER_SECOND ?? 2);
const PG_DOWN_MS = Number(env.BENCH_PG_DOWN_SECONDS ?? 60) * 1000;
const STORM_MS = Number(env.BENCH_STORM_SECONDS ?? 20) * 1000;
const TEMPORAL_DOWN_MS = Number(env.BENCH_TEMPORAL_DOWN_SECONDS ?? 10) * 1000;
const PHASE_TIMEOUT_MS = Number(env.BENCH_PHASE_TIMEOUT_SECONDS ?? 900) * 1000;
const PG_PORT = Number(env.BENCH_PG_PORT ?? 54391);
const TEMPORAL_PORT = Number(env.BENCH_TEMPORAL_PORT ?? 7294);
/** After the last expected email, how long to keep watching for a late duplicate. */
const SETTLE_MS = 15_000;
/** Services killed with SIGKILL stay down this long before their restart. */
const KILL_DOWN_MS = 2_000;
const TIME_ZONE = 'Europe/Amsterdam';
const API_KEY = 're_faults';
const dataDir = path.join(root, `.data/faults-${TEMPORAL_PORT}`);
const logDir = path.join(dataDir, 'logs');

const began = Date.now();
const clock = () => `${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s`;
const say = (line: string) => process.stderr.write(`faults [${clock()}] ${line}\n`);

interface FaultRecord {
  phase: string;
  what: string;
  at: number;
  /** When the fault ended: the service restarted, the server back, the storm over. */
  end: number;
}
const faults: FaultRecord[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | null = null;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse())
      await step().catch((error: unknown) => console.error('cleanup:', error));
  })());

interface World {
  servers: FaultServers;
  services: Services;
  resend: LocalResend;
  client: Client;
  orm: Awaited<ReturnType<typeof openOrm>>;
  sessions: { id: string; owners: { userId: string; address: string }[] }[];
}

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
    });
  await services.startAll();
  say(`sessions worker and ${NOTIFIERS} notifier(s) polling; logs in ${path.relative(root, logDir)}`);

  const connection = await Connection.connect({ address: servers.temporalAddress });
  cleanups.push(() => connection.close());
  const client = new Client({ connection });
  const world: World = { servers, services, resend, client, orm, sessions };

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
  faults.push({ phase: 'sleeping', what: 'Temporal dev server restarted', at: stopAt, end: backAt });
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

/** One team per session (its own owners), each owner with one action; sessions 5 days ahead. */
async function seed(
  orm: World['orm'],
  address: (session: number, owner: number) => string,
): Promise<World['sessions']> {
  const em = orm.em.fork();
  const date = addDays(todayIn(TIME_ZONE, new Date()), 5);
  const result: World['sessions'] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const team = em.create(Team, { name: `Faults ${s}`, timeZone: TIME_ZONE, locale: 'en', sendHour: 9 });
    const owners = Array.from({ length: OWNERS }, (_, o) => {
      const user = em.create(User, { name: `Owner ${s}.${o}`, email: address(s, o), locale: 'en' });
      em.create(Membership, { team, user, roles: ['member'] });
      return user;
    });
    const strategy = em.create(PlanItem, { team, type: 'strategy', title: 'Grow', owner: owners[0]! });
    for (const [o, owner] of owners.entries())
      em.create(PlanItem, { team, type: 'action', title: `Action ${s}.${o}`, owner, strategy });
    const session = em.create(Session, {
      team,
      date,
      kind: 'doing',
      sendInvitation: true,
      sendReminder: true,
      repeat: 'none',
      state: 'scheduled',
    });
    result.push({ id: session.id, owners: owners.map((u) => ({ userId: u.id, address: u.email! })) });
  }
  await em.flush();
  return result;
}

interface ScriptStep {
  /** Run once this fraction of the phase's deliverable emails has reached the provider. */
  at: number;
  what: string;
  run: () => Promise<{ at: number; end: number } | null>;
}

interface PhaseResult {
  name: string;
  seconds: number;
  /** Until every email had reached the provider or been recorded refused. */
  settledSeconds: number;
  expected: Expected[];
  timedOut: boolean;
  skipped: string[];
}

/**
 * Runs the fault script against one phase's emails and waits until every expected email has
 * settled (reached the provider or been recorded refused) and every workflow has moved on to
 * `next` — or until the phase's timeout.
 */
async function runPhase(
  world: World,
  name: string,
  expected: Expected[],
  next: 'reminder' | 'held',
  script: ScriptStep[],
): Promise<PhaseResult> {
  const started = Date.now();
  const deliverable = expected.filter((e) => e.outcome === 'sent');
  const progress = () => {
    const ids = receivedIds(world.resend.emails);
    return (
      deliverable.filter((e) => ids.has(`${e.address.toLowerCase()} ${e.step}`)).length / deliverable.length
    );
  };
  let done = false;
  const skipped: string[] = [];
  const faultsRun = (async () => {
    for (const step of script) {
      while (!done && progress() < step.at) await sleep(100);
      if (done) {
        skipped.push(step.what);
        continue;
      }
      say(`${name}: ${step.what} at ${(progress() * 100).toFixed(0)}% delivered`);
      const record = await step.run();
      if (record) faults.push({ phase: name, what: step.what, ...record });
      else skipped.push(step.what);
    }
  })();

  const deadline = started + PHASE_TIMEOUT_MS;
  let timedOut = false;
  let settledAt = NaN;
  let last = '';
  for (;;) {
    await sleep(2_000);
    const rows = await deliveryRows(world.orm);
    if (rows) {
      const byKey = new Map(rows.map((row) => [row.key, row]));
      const ids = receivedIds(world.resend.emails);
      const open = expected.filter((e) => !settled(e, ids, byKey)).length;
      const line = `${name}: ${expected.length - open}/${expected.length} settled`;
      if (line !== last) say((last = line));
      if (open === 0 && Number.isNaN(settledAt)) settledAt = Date.now();
      if (open === 0 && (await allAt(world, next))) break;
    }
    if (Date.now() > deadline) {
      timedOut = true;
      say(`${name}: not settled within ${PHASE_TIMEOUT_MS / 1000} s; counting what is missing as lost`);
      break;
    }
  }
  done = true;
  await faultsRun; // A fault under way finishes (a server comes back) before the next phase.
  const seconds = (Date.now() - started) / 1000;
  const settledSeconds = (settledAt - started) / 1000;
  say(`${name}: emails settled in ${settledSeconds.toFixed(1)} s, workflows done in ${seconds.toFixed(1)} s`);
  return { name, seconds, settledSeconds, expected, timedOut, skipped };
}

/** True when every session workflow answers its status query with `next.step` = `step`. */
async function allAt(world: World, step: string): Promise<boolean> {
  const statuses = await workflowStatuses(world);
  return statuses.every((status) => status?.next?.step === step);
}

async function workflowStatuses(world: World): Promise<(SessionStatus | null)[]> {
  return Promise.all(
    world.sessions.map((s) =>
      Promise.race([
        world.client.workflow.getHandle(sessionWorkflowId(s.id)).query(statusQuery),
        sleep(10_000).then(() => null),
      ]).catch(() => null),
    ),
  );
}

async function waitForQueries(world: World): Promise<number> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const statuses = await workflowStatuses(world);
    if (statuses.every((s) => s !== null)) return Date.now();
    await sleep(500);
  }
  throw new Error('the workflows did not answer queries within 3 minutes of the Temporal restart');
}

/** The Delivery rows, or null while PostgreSQL is down. */
async function deliveryRows(orm: World['orm']): Promise<DeliveryRow[] | null> {
  try {
    const rows = await orm.em.fork().find(Delivery, {});
    return rows.map((row) => ({
      key: row.idempotencyKey,
      state: row.state,
      error: row.error ?? null,
      userId: row.user.id,
    }));
  } catch {
    return null;
  }
}

async function killService(world: World, service: ServiceName, afterMs: number) {
  await sleep(afterMs);
  const at = Date.now();
  const killed = await world.services.kill(service, KILL_DOWN_MS);
  return killed ? { at, end: at + KILL_DOWN_MS } : null;
}

/**
 * The most dangerous moment for exactly-once: the provider has accepted a batch but the notifier
 * has not heard so, let alone recorded it. The next request's answer is held back 10 s and every
 * notifier is killed while it waits; the retry must be replayed by the provider, not sent again.
 */
async function killNotifiersMidReply(world: World) {
  const { resend } = world;
  const from = resend.requests.length;
  resend.failNext(1, { status: 'delay', ms: 10_000 });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (resend.requests.slice(from).some((r) => r.status === 0 && (r.accepted > 0 || r.replayed))) {
      const at = Date.now();
      const killed = await world.services.kill('notifier', KILL_DOWN_MS);
      return killed ? { at, end: at + KILL_DOWN_MS } : null;
    }
    await sleep(20);
  }
  return null;
}

async function storm(world: World, status: 500 | 429) {
  const at = Date.now();
  world.resend.failFor(STORM_MS, status === 429 ? { status, retryAfterSeconds: 1 } : { status });
  await sleep(STORM_MS);
  return { at, end: Date.now() };
}

async function postgresDown(world: World) {
  const at = Date.now();
  await world.servers.stopPostgres();
  await sleep(PG_DOWN_MS);
  await world.servers.startPostgres();
  return { at, end: Date.now() };
}

function report(
  world: World,
  f: ReturnType<typeof tally>,
  phases: PhaseResult[],
  statuses: (SessionStatus | null)[],
  { refused, rowsRead }: { refused: number; rowsRead: boolean },
): void {
  const { resend, services } = world;
  const s = (n: number) => n.toFixed(1);
  const byStatus = new Map<string, number>();
  for (const r of resend.requests) byStatus.set(String(r.status), (byStatus.get(String(r.status)) ?? 0) + 1);
  const accepted = resend.emails;
  const recovery = (fault: FaultRecord) => {
    const next = accepted.find((e) => e.acceptedAt >= fault.end);
    return next ? `${s((next.acceptedAt - fault.end) / 1000)} s` : '—';
  };
  const workflowFailed = statuses.reduce((n, st) => n + (st?.failed?.length ?? 0), 0);
  const lines = [
    '',
    `expected             ${f.expected} emails (${f.expectedSent} to deliver, ${f.expectedRefused} to addresses the provider refuses) for ${world.sessions.length} sessions × ${OWNERS} owners`,
    `delivered            ${f.delivered} of ${f.expectedSent} (unique emails accepted by local Resend: ${[...f.deliveredByStep].map(([step, n]) => `${step} ${n.delivered}/${n.expected}`).join(', ')})`,
    `duplicates           ${f.duplicates.length}${
      f.duplicates.length
        ? `: ${f.duplicates
            .slice(0, 5)
            .map((d) => `${d.what} ×${d.times}`)
            .join(', ')}`
        : ''
    }`,
    `lost                 ${f.lost.length}${
      f.lost.length
        ? `: ${f.lost
            .slice(0, 5)
            .map((e) => `${e.step} to ${e.address}`)
            .join(', ')}`
        : ''
    }`,
    `failed (recorded)    ${f.failedRows.length} Delivery rows 'failed'; refusals recorded ${f.refusalsRecorded} of ${f.expectedRefused} (${refused} refused addresses), missing ${f.refusalsMissing.length}; failed rows not a refusal ${f.failedNotRefused.length}`,
    ...[...f.failedReasons].map(([reason, n]) => `  ${String(n).padStart(4)} × ${reason}`),
    `workflow status      ${statuses.filter((st) => st?.next?.step === 'held').length} of ${statuses.length} sessions waiting only to be held; ${workflowFailed} failed sends in their status`,
    `consistency          unexpected emails ${f.unexpected.length}, rows 'sent' never received ${f.sentNotReceived.length}, received without a 'sent' row ${f.receivedNotRecorded.length}${rowsRead ? '' : ' (Delivery rows unreadable!)'}`,
    `provider             ${resend.stats.requests} requests: ${[...byStatus].map(([k, n]) => `${k === '0' ? 'cut' : k} ×${n}`).join(', ')}; ${resend.stats.replays} idempotent replays`,
    `latency              step due → email accepted: p50 ${s(percentile(f.latencySeconds, 50))} s, p95 ${s(percentile(f.latencySeconds, 95))} s, max ${s(Math.max(...f.latencySeconds))} s`,
    ...phases.map(
      (p) =>
        `phase ${p.name.padEnd(14)} ${p.expected.length} emails settled in ${s(p.settledSeconds)} s, every workflow past the step in ${s(p.seconds)} s${p.timedOut ? ' (TIMED OUT)' : ''}${p.skipped.length ? `; faults not reached: ${p.skipped.join(', ')}` : ''}`,
    ),
    `total                ${s((Date.now() - began) / 1000)} s (servers, seeding and bundling included)`,
    'faults injected (at, what, down, first email accepted after):',
    ...faults.map(
      (x) =>
        `  ${s((x.at - began) / 1000).padStart(6)} s  ${x.what.padEnd(44)} ${s((x.end - x.at) / 1000).padStart(5)} s   ${recovery(x)}`,
    ),
    `process restarts     ${services.replicas.map((r) => `${r.name} ${r.starts - 1}`).join(', ')}; exits nobody asked for ${services.replicas.reduce((n, r) => n + r.crashes.length, 0)}`,
    ...services.replicas.flatMap((r) =>
      r.crashes.map((c) => `  ${r.name} ${c.exit} at ${s((c.at - began) / 1000)} s: ${c.why.slice(0, 200)}`),
    ),
    `machine              ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at end`,
  ];
  console.log(lines.join('\n'));
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
