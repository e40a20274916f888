// A session rescheduled many times continues as new when the server suggests it (./rhythm test's
// dev server suggests it after 100 events), carrying its memory: nothing is resent, and the
// status still shows every change. Real dev server, real sessions worker and PostgreSQL (both
// email steps are off, so no notifier is involved).
import { addDays, cancelSignal, rescheduleSignal, setNotificationsSignal, statusQuery } from '@rhythm/domain';
import { connectOrm, migrateToLatest, type Orm } from '@rhythm/persistence';
import { createSession, createTeam, daysAhead } from '@rhythm/persistence/testing';
import { startSessionWorkflow } from '@rhythm/session-lifecycle';
import { connectDevServer, createTestDatabase, type DevServer, type TestDatabase } from '@rhythm/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createWorkerActivities } from '../src/activities.js';
import { createSessionsWorker } from '../src/worker.js';

const taskQueue = `sessions-can-${randomUUID()}`;
let database: TestDatabase;
let orm: Orm;
let temporal: DevServer;
let workers: Worker[];
let running: Promise<unknown>;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await connectOrm(database.url);
  await migrateToLatest(orm);
  temporal = await connectDevServer();
  workers = [
    await createSessionsWorker({
      connection: temporal.nativeConnection,
      namespace: 'default',
      taskQueue,
      activities: createWorkerActivities({ orm, client: temporal.client, taskQueue }),
    }),
  ];
  running = Promise.all(workers.map((worker) => worker.run()));
});

afterAll(async () => {
  for (const worker of workers ?? []) worker.shutdown();
  await running;
  await temporal?.close();
  await orm?.close(true);
  await database?.drop();
});

it('continues as new after many reschedules without losing or resending anything', async () => {
  const fixture = await createTeam(orm);
  const first = daysAhead(new Date(), 30);
  // No emails in this test: both steps off, so the only history is the reschedules.
  const session = await createSession(orm, fixture.team, {
    date: first,
    sendInvitation: false,
    sendReminder: false,
  });
  await startSessionWorkflow(temporal.client, session, fixture.team, { taskQueue });
  const handle = temporal.client.workflow.getHandle(`session-${session.id}`);
  const firstRunId = (await handle.describe()).runId;

  const moves = 150;
  for (let i = 1; i <= moves; i++) await handle.signal(rescheduleSignal, { date: addDays(first, i % 2) });
  await handle.signal(setNotificationsSignal, { reminder: true });

  // The worker works through the signals after they are accepted: wait (bounded) for the new run.
  let latest = await handle.describe();
  for (let i = 0; i < 100 && latest.runId === firstRunId; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    latest = await handle.describe();
  }
  expect(latest.runId).not.toBe(firstRunId); // Continued as new at least once.
  const status = await handle.query(statusQuery);
  expect(status.changes.filter((change) => change.what.startsWith('moved from'))).toHaveLength(moves);
  expect(status.changes.at(-1)?.what).toBe('reminder on');
  expect(status).toMatchObject({
    state: 'scheduled',
    sessionDate: first,
    sent: [],
    next: { step: 'reminder' },
  });

  await handle.signal(cancelSignal, {});
  expect(await handle.result()).toMatchObject({ state: 'cancelled', invited: [] });
});
