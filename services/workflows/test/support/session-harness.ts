// What the session workflow tests run on: the Temporal time-skipping test server, with the real
// sessions worker and its database activities on a real PostgreSQL. The notifier is a recording
// double (see notifier-double.ts): these tests are about who the workflow emails, what, and when.
// Every test file starts its own server, database and workers (Jest runs the files in parallel),
// and shares the helpers below rather than a copy of them.
import { NOTIFICATIONS_TASK_QUEUE, localInstant, statusQuery, type SessionSummary } from '@rhythm/domain';
import { Delivery, migrateToLatest, openOrm, type Orm, type Session } from '@rhythm/persistence';
import { startSessionWorkflow } from '@rhythm/session-lifecycle';
import { createTestDatabase, createTimeSkippingEnv, type TestDatabase } from '@rhythm/testing';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createWorkerActivities } from '../../src/activities.js';
import { createSessionsWorker } from '../../src/worker.js';
import { createSession, type SessionOptions, type TeamFixture } from '@rhythm/persistence/testing';
import { recordHistories } from './histories.js';
import { notifierStandIn } from './notifier-double.js';

/**
 * A test file's server, database and workers, started once for the file and stopped after it,
 * and the helpers every scenario uses. `env` and `orm` exist once the file's beforeAll has run:
 * read them as `t.env` and `t.orm` inside tests.
 */
export function useSessionHarness() {
  const taskQueue = 'sessions-workflow-test';
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let orm: Orm;
  let running: Promise<unknown>;
  let workers: Worker[];
  const notifier = notifierStandIn(() => orm);

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    database = await createTestDatabase();
    orm = await openOrm(database.url);
    await migrateToLatest(orm);
    workers = [
      await createSessionsWorker({
        connection: env.nativeConnection,
        namespace: 'default',
        taskQueue,
        activities: createWorkerActivities({ orm, client: env.client, taskQueue }),
      }),
      await Worker.create({
        connection: env.nativeConnection,
        taskQueue: NOTIFICATIONS_TASK_QUEUE,
        activities: notifier.activities,
      }),
    ];
    running = Promise.all(workers.map((worker) => worker.run()));
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers ?? []) worker.shutdown();
    await running;
    await orm?.close(true);
    await database?.drop();
    await env?.teardown();
  });

  const now = async () => new Date(await env.currentTimeMs());

  /** The workflows the current test started: `start` adds its own; a test adds those the keeper starts. */
  const startedThisTest: WorkflowHandle[] = [];

  async function start(
    fixture: TeamFixture,
    options: SessionOptions,
  ): Promise<{ session: Session; handle: WorkflowHandle }> {
    const session = await createSession(orm, fixture.team, options);
    await startSessionWorkflow(env.client, session, fixture.team, { taskQueue });
    const handle = env.client.workflow.getHandle(`session-${session.id}`);
    startedThisTest.push(handle);
    return { session, handle };
  }

  /** The Delivery rows of a session, as "step:userName:state" strings, sorted. */
  async function deliveries(sessionId: string): Promise<string[]> {
    const rows = await orm.em.fork().find(Delivery, { session: sessionId }, { populate: ['user'] });
    return rows.map((row) => `${row.step}:${row.user.getEntity().name}:${row.state}`).sort();
  }

  // RECORD_HISTORIES=1 saves each scenario's history as a replay fixture (see replay.test.ts).
  afterEach(async () => {
    const handles = startedThisTest.splice(0);
    if (process.env.RECORD_HISTORIES)
      await recordHistories(expect.getState().currentTestName ?? 'scenario', handles, env.address);
  });

  /** Sends of one step, with when they went out and to whom (by name). */
  async function sends(handle: WorkflowHandle, fixture: TeamFixture) {
    const names = new Map([fixture.ada, fixture.bo, fixture.cy].map((user) => [user.id, user.name]));
    const status = await handle.query(statusQuery);
    return status.sent.map((sent) => ({
      step: sent.step,
      at: sent.at,
      sessionDate: sent.sessionDate,
      to: sent.recipients.map((id) => names.get(id)).sort(),
    }));
  }

  /**
   * Lets simulated time run, a day at a time, until the workflow has closed, and returns its result.
   * (Awaiting result() on the time-skipping client instead would let the test server skip on to its
   * next timer after the workflow ends, years ahead, and later tests would start in another decade.)
   */
  async function finish(handle: WorkflowHandle): Promise<SessionSummary> {
    const plain = new Client({ connection: env.connection }).workflow.getHandle(handle.workflowId);
    for (let day = 0; day < 400; day++) {
      if ((await plain.describe()).status.name !== 'RUNNING') break;
      await env.sleep('1d');
    }
    return plain.result();
  }

  return {
    get env() {
      return env;
    },
    get orm() {
      return orm;
    },
    taskQueue,
    notifier,
    startedThisTest,
    now,
    start,
    deliveries,
    sends,
    finish,
  };
}

export const nineAm = (date: string) => localInstant(date, 9, 'Europe/Amsterdam');

export function expectAbout(actual: string | undefined, expected: Date): void {
  expect(actual).toBeDefined();
  expect(Math.abs(new Date(actual!).getTime() - expected.getTime())).toBeLessThan(60_000);
}
