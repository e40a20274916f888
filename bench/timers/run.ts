// Timer benchmark: for each back end in BENCH_TEMPORAL (the dev server, Temporal on PostgreSQL) and
// each entry of BENCH_SESSIONS, that many sessions of BENCH_OWNERS owners fall due at the same send
// hour, through the real API, sessions worker, notifiers and the local Resend server at 5 requests/s.
// A round: create the sessions through the API (their teams' settings keep them days from due),
// measure a sleeping session's cost, change the teams' zone and send hour through the API so that
// the invitations fall due at the next quarter hour that leaves time (slot.ts; the PATCH's answer
// and the time until every session's status query shows the new send are the settings-change
// figures), then wait for the due moment and count what the provider accepts. Prints figures and
// asserts nothing; see README.md.
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Delivery } from '@rhythm/persistence';
import { startEmbeddedPostgres } from '../../tools/stack/src/postgres.ts';
import { idleCost, lateness, quantiles, requestsSince, rssMb, type Footprint } from './figures.ts';
import { createSessions, moveToSlot, seedRound } from './sessions.ts';
import { firstSlotAfter } from './slot.ts';
import { dataDir, say, settings, type Backend } from './settings.ts';
import { startStack, type Stack } from './stack.ts';

const SETTLE_MS = 20_000;
const s = (seconds: number) => `${seconds.toFixed(1)} s`;

async function round(adminUrl: string, backend: Backend, sessions: number): Promise<string> {
  const stack = await startStack(adminUrl, backend);
  try {
    const round = await seedRound(stack, sessions);
    const before = await footprint(stack);
    const createSeconds = sessions / settings.createPerSecond;
    // Time to create them, then to hand the new settings to each (the 1,000-session round took about
    // a minute for that on a loaded machine), then a margin.
    const readySeconds = createSeconds + sessions * 0.06 + 120;
    const slot = firstSlotAfter(new Date(Date.now() + readySeconds * 1000));
    const dueAt = slot.dueAt.getTime();
    say(
      `${backend}: ${sessions} sessions on ${slot.sessionDate}, due at ${slot.dueAt.toISOString()} ` +
        `(${slot.sendHour}:00 in ${slot.timeZone}), in ${s((dueAt - Date.now()) / 1000)}`,
    );
    const created = performance.now();
    await createSessions(round, sessions, slot.sessionDate);
    const createdIn = (performance.now() - created) / 1000;
    say(`created in ${s(createdIn)} (${(sessions / createdIn).toFixed(1)} a second)`);
    const change = await moveToSlot(round, stack.client, slot);
    const after = await footprint(stack);
    if (Date.now() >= dueAt)
      throw new Error('the sessions were not ready before their due moment: lower BENCH_CREATE_PER_SECOND');
    say(`waiting ${s((dueAt - Date.now()) / 1000)} for the due moment`);

    const firstRequest = stack.resend.requests.length;
    const wanted = sessions * settings.owners;
    let peakRss = 0;
    // The provider's floor (wanted / 100 requests at its rate), three times over, plus half an hour.
    const deadline = dueAt + (wanted / (100 * settings.requestsPerSecond)) * 3000 + 30 * 60_000;
    while (stack.resend.emails.length < wanted && Date.now() < deadline) {
      await sleep(1000);
      peakRss = Math.max(peakRss, await rssMb(stack.workflowsPid));
    }
    await sleep(SETTLE_MS); // a late duplicate would show here
    const figures = lateness(stack.resend.emails, dueAt);
    const states = await deliveryStates(stack);
    const answers = quantiles(change.answers);
    console.log(
      [
        `\n${backend === 'dev' ? 'Temporal dev server (SQLite)' : 'Temporal on PostgreSQL'}: ${sessions} sessions × ${settings.owners} owners, due ${slot.dueAt.toISOString()}`,
        `created              ${s(createdIn)} through the API (${(sessions / createdIn).toFixed(1)} a second)`,
        `settings change      ${round.teams.length} team(s) of ≤ ${settings.sessionsPerTeam} sessions: PATCH answered p50 ${answers.p50.toFixed(0)} ms, max ${answers.max.toFixed(0)} ms; ` +
          `handed on in ${s(change.handedOnMs / 1000)}; every next send moved (status query) in ${s(change.movedMs / 1000)}`,
        `idle cost            ${idleCost(before, after, sessions)}`,
        `emails               ${figures.emails} accepted of ${wanted}; Delivery rows ${states}` +
          (figures.emails < wanted
            ? ` (the round stopped ${s((Date.now() - dueAt) / 1000)} after due: the lateness below is of the accepted ones only)`
            : ''),
        `provider requests    ${requestsSince(stack.resend, firstRequest)}; ceil(emails / 100) = ${Math.ceil(wanted / 100)}`,
        `late (due → accepted) min ${s(figures.min)}, p50 ${s(figures.p50)}, p99 ${s(figures.p99)}, max ${s(figures.max)}`,
        `emails per second    ${figures.perSecond.toFixed(1)} (due → last accepted)`,
        `duplicates           ${figures.duplicates}`,
        `sessions worker      peak RSS ${peakRss.toFixed(0)} MB while sending; load average ${os.loadavg()[0]!.toFixed(1)}`,
      ].join('\n'),
    );
    return `timers: ${sessions} sessions (${backend}), p99 lateness ${figures.p99.toFixed(1)} s, first ${figures.min.toFixed(1)} s, duplicates ${figures.duplicates}`;
  } finally {
    await stack.close();
  }
}

async function footprint(stack: Stack): Promise<Footprint> {
  return {
    workerRssMb: await rssMb(stack.workflowsPid),
    temporalBytes: await stack.temporalBytes(),
    rhythmBytes: await stack.rhythmBytes(),
  };
}

async function deliveryStates(stack: Stack): Promise<string> {
  const rows = await stack.orm.em.fork().find(Delivery, {}, { fields: ['state'] });
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${state}`).join(', ') || 'none';
}

async function main(): Promise<void> {
  console.log(
    `${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; local Resend at ${settings.requestsPerSecond} requests/s; ` +
      `${settings.notifiers} notifier(s); Node ${process.version}`,
  );
  const postgres = await startEmbeddedPostgres({
    dataDir: `${dataDir}/postgres`,
    port: settings.pgPort,
    durable: false,
  });
  const lines: string[] = [];
  try {
    for (const backend of settings.backends)
      for (const sessions of settings.sessions) lines.push(await round(postgres.adminUrl, backend, sessions));
  } finally {
    await postgres.stop();
  }
  console.log(`\n${lines.join('\n')}`);
}

process.exitCode = await main().then(
  () => 0,
  (error: unknown) => {
    console.error(error);
    return 1;
  },
);
