// API benchmark against a running local stack (./rhythm start): prints figures, asserts nothing.
//
// 1. Create-session throughput and p50/p99 latency: BENCH_CREATES POSTs at BENCH_CONNECTIONS
//    concurrent connections (autocannon), then as many starts of `sessionWorkflow` straight through
//    @temporalio/client on the same Temporal server at the same concurrency. The ratio is what the
//    API adds (authentication, validation, the row's INSERT and COMMIT) to the workflow start.
// 2. Reschedule: PATCH a session's date, then poll GET .../sessions/{id} until the workflow's status
//    query shows the new date; p50/p99 of that whole time and of the PATCH alone.
// See README.md for the commands.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import autocannon from 'autocannon';
import {
  benchTeam,
  cancelAll,
  connectApi,
  createSession,
  inParallel,
  type Api,
  type SessionDetail,
} from './api-client.ts';
import { figures, printTable, type Figures } from './stats.ts';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:3000';
const TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const EMAIL = process.env.BENCH_EMAIL ?? 'ada@example.com';
const CREATES = Number(process.env.BENCH_CREATES ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const MOVES = Number(process.env.BENCH_MOVES ?? 200);
const MOVED_SESSIONS = Number(process.env.BENCH_MOVED_SESSIONS ?? 20);
const WARM_UP = 50;

/** A date `days` after today (UTC): far enough ahead that no email is due during the run. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const api = await connectApi(API_URL, EMAIL);
  const teamId = await benchTeam(api, process.env.BENCH_TEAM_ID);
  const connection = await Connection.connect({ address: TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  console.log(`Rhythm API benchmark: ${API_URL}, Temporal ${TEMPORAL_ADDRESS}, team ${teamId}`);
  console.log(
    `machine: ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}, Node ${process.version}\n`,
  );
  try {
    await apiCreates(api, teamId, WARM_UP);
    await directStarts(client, WARM_UP);
    const rows = [await apiCreates(api, teamId, CREATES), await directStarts(client, CREATES)];
    console.log(`create a session: ${CREATES} at ${CONNECTIONS} concurrent connections`);
    printTable(rows);
    const [viaApi, direct] = rows as [Figures, Figures];
    const rate = (row: Figures) => (row.count - row.errors) / row.seconds;
    console.log(
      `API / direct: ${(rate(viaApi) / rate(direct)).toFixed(2)}× the throughput, ${(viaApi.p50 / direct.p50).toFixed(2)}× the p50 latency, ${(viaApi.p99 / direct.p99).toFixed(2)}× the p99\n`,
    );

    const [visible, patchOnly] = await reschedules(api, teamId);
    console.log(`reschedule: ${MOVES} moves over ${MOVED_SESSIONS} sessions, one at a time`);
    printTable([visible, patchOnly]);
  } finally {
    if (process.env.BENCH_KEEP !== '1') {
      const cancelled = await cancelAll(api, teamId, CONNECTIONS);
      console.log(
        `\ncleaned up: cancelled the ${cancelled} sessions the run scheduled (BENCH_KEEP=1 keeps them)`,
      );
    }
    await connection.close();
  }
}

/** `count` POSTs through autocannon; latencies of the 201s from its per-response event. */
async function apiCreates(api: Api, teamId: string, count: number): Promise<Figures> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const run = autocannon({
    url: `${api.url}/api/teams/${teamId}/sessions`,
    method: 'POST',
    connections: CONNECTIONS,
    amount: count,
    headers: { authorization: api.authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ date: daysAhead(200), kind: 'doing' }),
  });
  run.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode === 201) latencies.push(responseTime);
    else failures += 1;
  });
  const result = await run;
  const seconds = (performance.now() - started) / 1000;
  failures += result.errors + result.timeouts;
  return figures('API: POST /api/teams/{teamId}/sessions', latencies, failures, seconds);
}

/**
 * `count` starts of `sessionWorkflow` with a session's input, on a task queue no worker polls (the
 * point is the start), each ending itself after ten minutes so that nothing is left running.
 */
async function directStarts(client: Client, count: number): Promise<Figures> {
  const taskQueue = `bench-direct-${randomUUID()}`;
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await inParallel(count, CONNECTIONS, async () => {
    const sessionId = randomUUID();
    const begun = performance.now();
    try {
      await client.workflow.start('sessionWorkflow', {
        taskQueue,
        workflowId: `bench-session-${sessionId}`,
        args: [
          {
            version: 1,
            sessionId,
            teamId: randomUUID(),
            date: daysAhead(200),
            kind: 'doing',
            timeZone: 'Europe/Amsterdam',
            sendHour: 9,
            sendInvitation: true,
            sendReminder: true,
            repeat: 'none',
          },
        ],
        memo: { teamName: 'Bench' },
        workflowExecutionTimeout: '10 minutes',
      });
      latencies.push(performance.now() - begun);
    } catch {
      failures += 1;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  return figures('Temporal client: workflow.start', latencies, failures, seconds);
}

/** PATCH → the workflow's status query shows the new date; the sessions' own workers answer it. */
async function reschedules(api: Api, teamId: string): Promise<[Figures, Figures]> {
  const sessions = [];
  for (let i = 0; i < MOVED_SESSIONS; i++) sessions.push(await createSession(api, teamId, daysAhead(120)));
  for (const session of sessions) await visible(api, teamId, session.id, session.date); // The worker has the workflow.
  const total: number[] = [];
  const patch: number[] = [];
  let failures = 0;
  const started = performance.now();
  for (let i = 0; i < MOVES; i++) {
    const session = sessions[i % sessions.length]!;
    const date = daysAhead(121 + i);
    const begun = performance.now();
    const { status } = await api.json('PATCH', `/api/teams/${teamId}/sessions/${session.id}`, { date });
    const patched = performance.now();
    if (status !== 200 || !(await visible(api, teamId, session.id, date))) {
      failures += 1;
      continue;
    }
    total.push(performance.now() - begun);
    patch.push(patched - begun);
  }
  const seconds = (performance.now() - started) / 1000;
  return [
    figures('PATCH → new date in the status query', total, failures, seconds),
    figures('PATCH alone (signal + COMMIT)', patch, 0, seconds),
  ];
}

/** Polls GET .../sessions/{id} until its workflow status shows `date`; false after 10 s. */
async function visible(api: Api, teamId: string, sessionId: string, date: string): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { body } = await api.json<SessionDetail>('GET', `/api/teams/${teamId}/sessions/${sessionId}`);
    if (body.workflow.available && body.workflow.status.sessionDate === date) return true;
    if (!body.workflow.available) await delay(20);
  }
  return false;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
