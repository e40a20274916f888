// Coalescing benchmark: for each entry of BENCH_SESSIONS (300 and 2,000), that many sessions of
// BENCH_OWNERS owners (5) fall due at the same send hour: one stand-in session workflow each,
// whose sendEmails activity runs on BENCH_NOTIFIERS real notifier processes (2) against the local
// Resend server at 5 requests/s. Prints the provider requests made (against ceil(emails / 100)),
// 429s, lateness from the moment the sessions fell due to the provider's acceptance of each email
// (min/p50/p99/max), emails per second and duplicates. Run from the repo root after a build: see
// README.md. It is a benchmark that prints figures, not a test: nothing asserts on them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { addDays, emailMessage, ownerOf, todayIn, type EmailMessage, type SendResult } from '@rhythm/domain';
import { Session, Team, User } from '@rhythm/persistence';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { settings } from './settings.ts';
import { timeline } from './timeline.ts';
import { closeWorld, openWorld, type World } from './world.ts';

const cleanups: (() => Promise<unknown>)[] = [];
const TIME_ZONE = 'Europe/Amsterdam';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const world = await openWorld(cleanups);
  console.log(
    `${settings.notifiers} notifier process(es), local Resend at ${settings.requestsPerSecond} requests/s; ` +
      `${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  for (const [i, sessions] of settings.sessions.entries()) {
    const due = await seed(world, i, sessions);
    console.log(`\n${sessions} sessions × ${settings.owners} owners fall due at once…`);
    await round(world, due);
  }
}

/** One team per round; `count` sessions, each with its own owners, each owner with an address. */
async function seed(world: World, round: number, count: number): Promise<EmailMessage[][]> {
  const em = world.orm.em.fork();
  const team = em.create(Team, { name: `Bench ${round}`, timeZone: TIME_ZONE, locale: 'en', sendHour: 9 });
  const sessionDate = addDays(todayIn(TIME_ZONE, new Date()), 7);
  const due: EmailMessage[][] = [];
  for (let s = 0; s < count; s++) {
    const session = em.create(Session, {
      team,
      date: sessionDate,
      kind: 'doing',
      sendInvitation: true,
      sendReminder: true,
      repeat: 'none',
      state: 'scheduled',
    });
    const of = {
      sessionId: session.id,
      teamId: team.id,
      teamName: team.name,
      kind: 'doing' as const,
      step: 'invitation' as const,
      sessionDate,
      timeZone: TIME_ZONE,
    };
    due.push(
      Array.from({ length: settings.owners }, (_, o) => {
        const name = `Owner ${round}.${s}.${o}`;
        const user = em.create(User, { name, email: `owner-${round}-${s}-${o}@bench.example.com` });
        const items = [{ id: randomUUID(), type: 'action' as const, title: `Action of ${name}` }];
        return emailMessage(of, { ...ownerOf(user, 'en', true), items });
      }),
    );
  }
  await em.flush();
  return due;
}

async function round(world: World, due: EmailMessage[][]): Promise<void> {
  const { resend } = world;
  const first = { request: resend.requests.length, email: resend.emails.length, ...resend.stats };
  const cpuBefore = world.notifierPids.map(cpuSeconds);
  // Every session is due at the same moment, once all their workflows sleep towards it, as the
  // real ones sleep towards the send hour: the lateness below starts there.
  const dueAt = Date.now() + 15_000 + 15 * due.length;
  const handles = [];
  // In waves, without a few thousand gRPC calls at once.
  for (let i = 0; i < due.length; i += 200)
    handles.push(
      ...(await Promise.all(
        due.slice(i, i + 200).map((messages) =>
          world.client.workflow.start('sessionSendWorkflow', {
            taskQueue: `${world.taskQueue}-sessions`,
            workflowId: `bench-coalescing-${randomUUID()}`,
            args: [world.taskQueue, messages, dueAt],
          }),
        ),
      )),
    );
  const startedBefore = (dueAt - Date.now()) / 1000;
  const outcomes: PromiseSettledResult<SendResult[]>[] = [];
  for (let i = 0; i < handles.length; i += 50)
    outcomes.push(
      ...(await Promise.allSettled(handles.slice(i, i + 50).map((h) => h.result() as Promise<SendResult[]>))),
    );
  const cpu = world.notifierPids.map(cpuSeconds).reduce((sum, s, i) => sum + s - cpuBefore[i]!, 0);

  const emails = resend.emails.slice(first.email);
  const requests = resend.requests.slice(first.request).filter((r) => r.path === '/emails/batch');
  const wanted = due.flat();
  const counts = new Map<string, number>();
  for (const email of emails) for (const to of email.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
  const missing = wanted.filter((m) => !counts.has(m.to.email!)).length;
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [causeOf(o.reason)] : []));
  const failedWorkflows = failures.length;
  const notSent = outcomes
    .flatMap((o) => (o.status === 'fulfilled' ? o.value : []))
    .filter((r) => r.state !== 'sent').length;
  const late = emails.map((email) => (email.acceptedAt - dueAt) / 1000).sort((a, b) => a - b);
  const at = (p: number) => late[Math.min(late.length - 1, Math.max(0, Math.ceil(p * late.length) - 1))]!;
  const s = (seconds: number) => `${seconds.toFixed(1)} s`;

  console.log(
    [
      `emails               ${emails.length} accepted of ${wanted.length} (${missing} missing)`,
      `provider requests    ${requests.length} (ceil(emails / 100) = ${Math.ceil(wanted.length / 100)}; ` +
        `${resend.stats.tooManyRequests - first.tooManyRequests} × 429, ${resend.stats.replays - first.replays} replays)`,
      `late (due → accepted) min ${s(at(0))}, p50 ${s(at(0.5))}, p99 ${s(at(0.99))}, max ${s(at(1))}`,
      `emails per second    ${(emails.length / at(1)).toFixed(1)} (due → last accepted)`,
      `duplicates           ${duplicates}`,
      `failures             ${failedWorkflows} workflows failed, ${notSent} results not sent` +
        (failures.length ? ` (first: ${failures[0]})` : ''),
      `workflows started    ${s(startedBefore)} before falling due` +
        (startedBefore < 0 ? ' (late: the figures above include the start)' : ''),
      `notifier CPU         ${cpu.toFixed(1)} s, load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
    ].join('\n'),
  );
  console.log(await timeline(handles, dueAt));
}

/** The innermost message of a workflow's failure (workflow → activity → application failure). */
function causeOf(error: unknown): string {
  let inner = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return inner instanceof Error ? inner.message : String(inner);
}

/** User + system CPU seconds of a process so far (Linux /proc; USER_HZ is 100). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

process.exitCode = await main().then(
  () => 0,
  (error: unknown) => {
    console.error(error);
    return 1;
  },
);
await closeWorld(cleanups);
