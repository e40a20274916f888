// Notifier benchmark: BENCH_MESSAGES emails (default 10,000) through Temporal and the real
// notifier worker process(es) (services/notifier/dist/main.js, as deployed) to the local Resend
// server enforcing BENCH_REQUESTS_PER_SECOND (default 2). One workflow per 100 messages, each
// running one sendEmails activity; the notifier's task-queue rate limit (2 activities/s) is all
// that paces them. Prints emails/s, the ratio to the ceiling (requests/s × 100), 429s,
// duplicates and failures. Run from the repo root after a build: see README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deliveryKey, type EmailMessage } from '@rhythm/domain';
import { Delivery, migrateToLatest, openOrm, Session, Team, User } from '@rhythm/persistence';
import { createTestDatabase, startLocalResend } from '@rhythm/testing';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { servers } from './servers.ts';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const RPS = Number(process.env.BENCH_REQUESTS_PER_SECOND ?? 2);
const REPLICAS = Number(process.env.BENCH_NOTIFIERS ?? 2);
/** Another build of the notifier, to compare two versions on the same machine. */
const NOTIFIER_MAIN = path.resolve(root, process.env.BENCH_NOTIFIER_MAIN ?? 'services/notifier/dist/main.js');
const PER_WORKFLOW = 100;
const API_KEY = 're_bench';
const cleanups: (() => Promise<unknown>)[] = [];

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const { databaseUrl, temporalAddress } = await servers(root, cleanups);
  process.env.DATABASE_URL = databaseUrl; // createTestDatabase makes a fresh database on this server.
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const orm = await openOrm(database.url);
  cleanups.push(() => orm.close(true));
  await migrateToLatest(orm);
  const batches = await seed(orm);

  const resend = await startLocalResend({ apiKey: API_KEY, requestsPerSecond: RPS });
  cleanups.push(() => resend.close());
  const taskQueue = `bench-notifications-${randomUUID()}`;
  const notifiers: ChildProcess[] = [];
  for (let i = 0; i < REPLICAS; i++) {
    notifiers.push(
      await startNotifier({
        DATABASE_URL: database.url,
        TEMPORAL_ADDRESS: temporalAddress,
        RESEND_API_KEY: API_KEY,
        RESEND_BASE_URL: resend.url,
        NOTIFIER_TASK_QUEUE: taskQueue,
        // The notifiers share the provider's rate through PostgreSQL: the local server's own
        // (NOTIFIER_* from the environment, below, still wins).
        NOTIFIER_REQUESTS_PER_SECOND: String(RPS),
      }),
    );
  }

  const connection = await Connection.connect({ address: temporalAddress });
  cleanups.push(() => connection.close());
  const client = new Client({ connection });
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  cleanups.push(() => nativeConnection.close());
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue: `${taskQueue}-workflows`,
    workflowsPath: fileURLToPath(new URL('./notify.workflow.ts', import.meta.url)),
  });
  const running = worker.run();
  cleanups.push(async () => {
    worker.shutdown();
    await running;
  });

  console.log(
    `sending ${MESSAGES} messages in ${batches.length} workflows through ${REPLICAS} notifier process(es), local Resend at ${RPS} requests/s…`,
  );
  const load = os.loadavg()[0]!;
  const cpuBefore = notifiers.map(cpuSeconds);
  const ownCpuBefore = process.cpuUsage();
  const started = performance.now();
  const handles = await Promise.all(
    batches.map((messages, i) =>
      client.workflow.start('notifyWorkflow', {
        taskQueue: `${taskQueue}-workflows`,
        workflowId: `bench-${taskQueue}-${i}`,
        args: [taskQueue, messages],
      }),
    ),
  );
  const outcomes = await Promise.allSettled(
    handles.map((handle) => handle.result() as Promise<{ state: string }[]>),
  );
  const seconds = (performance.now() - started) / 1000;
  const notifierCpu = notifiers.map(cpuSeconds).reduce((sum, cpu, i) => sum + cpu - cpuBefore[i]!, 0);
  const ownCpu = process.cpuUsage(ownCpuBefore);

  const all = batches.flat();
  const counts = new Map<string, number>();
  for (const email of resend.emails) for (const to of email.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  const delivered = all.filter((m) => counts.has(m.to.email!)).length;
  const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
  const failedWorkflows = outcomes.filter((o) => o.status === 'rejected').length;
  const notSent = outcomes
    .flatMap((o) => (o.status === 'fulfilled' ? o.value : []))
    .filter((r) => r.state !== 'sent').length;
  const rows = await orm.em.fork().count(Delivery, { state: 'sent' });
  const failures = failedWorkflows + notSent + (MESSAGES - delivered);
  const accepted = resend.requests.filter((r) => r.accepted > 0);
  const window = (accepted.at(-1)!.at - accepted[0]!.at) / 1000;
  const perSecond = delivered / seconds;
  const ceiling = RPS * PER_WORKFLOW;

  console.log(
    [
      '',
      `emails delivered     ${delivered} of ${MESSAGES} (Delivery rows 'sent': ${rows})`,
      `elapsed              ${seconds.toFixed(1)} s (first workflow started → last completed)`,
      `emails per second    ${perSecond.toFixed(1)}`,
      `ratio to ceiling     ${(perSecond / ceiling).toFixed(3)} (ceiling ${ceiling} emails/s = ${RPS} requests/s × ${PER_WORKFLOW})`,
      `429s seen            ${resend.stats.tooManyRequests} (of ${resend.stats.requests} requests; ${resend.stats.replays} replays)`,
      `duplicates           ${duplicates}`,
      `failures             ${failures} (workflows failed ${failedWorkflows}, results not sent ${notSent})`,
      `provider window      ${window.toFixed(1)} s from the first to the last accepted batch`,
      `CPU used             notifiers ${notifierCpu.toFixed(1)} s, this process (local Resend, workflows) ${((ownCpu.user + ownCpu.system) / 1e6).toFixed(1)} s`,
      `machine              ${os.cpus().length} cores, load average ${load.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at end`,
    ].join('\n'),
  );
}

/** One team, a session per 100 messages and an owner per message, each with an address of their own. */
async function seed(orm: Awaited<ReturnType<typeof openOrm>>): Promise<EmailMessage[][]> {
  const em = orm.em.fork();
  const team = em.create(Team, {
    name: 'Bench team',
    timeZone: 'Europe/Amsterdam',
    locale: 'en',
    sendHour: 9,
  });
  const date = '2026-03-12';
  const batches: EmailMessage[][] = [];
  for (let start = 0; start < MESSAGES; start += PER_WORKFLOW) {
    const session = em.create(Session, {
      team,
      date,
      kind: 'doing',
      sendInvitation: true,
      sendReminder: true,
      repeat: 'none',
      state: 'scheduled',
    });
    const batch: EmailMessage[] = [];
    for (let i = start; i < Math.min(start + PER_WORKFLOW, MESSAGES); i++) {
      const locale = i % 2 ? 'nl' : 'en';
      const user = em.create(User, { name: `Owner ${i}`, email: `owner-${i}@bench.example.com`, locale });
      batch.push({
        idempotencyKey: deliveryKey(session.id, 'invitation', date, user.id),
        template: 'invitation',
        to: { userId: user.id, name: user.name, email: user.email!, locale, member: true },
        sessionId: session.id,
        teamId: team.id,
        teamName: team.name,
        kind: 'doing',
        sessionDate: date,
        timeZone: team.timeZone,
        items: [{ id: randomUUID(), type: 'action', title: `Action ${i}` }],
      });
    }
    batches.push(batch);
  }
  await em.flush();
  return batches;
}

/** User + system CPU seconds of a child so far (Linux /proc; USER_HZ is 100). */
function cpuSeconds(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Starts the notifier (services/notifier/dist/main.js) and resolves once it polls. */
async function startNotifier(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [NOTIFIER_MAIN], {
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'info',
      // The notifier's own settings (NOTIFIER_*) pass on when set; its defaults otherwise.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('NOTIFIER_'))),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('rhythm-notifier polling')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the notifier exited (${code}):\n${output}`)));
  });
  return child;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse())
    await cleanup().catch((error: unknown) => console.error('cleanup:', error));
}
