// What the session service tests run on: a PostgreSQL database of their own (migrated), the real
// Temporal dev server, and a task queue that no worker polls. Without a worker, workflows stay as
// started: enough to see starts, signals (WorkflowExecutionSignaled in the history) and
// terminations, which is what these tests are about. The workflow's own behaviour is tested in
// services/workflows; the `status` query needs that worker and is left to the API's HTTP tests.
import { randomUUID } from 'node:crypto';
import { sessionWorkflowId } from '@rhythm/domain';
import { migrateToLatest, openOrm, type Orm } from '@rhythm/persistence';
import { connectDevServer, createTestDatabase, type DevServer, type TestDatabase } from '@rhythm/testing';
import { WorkflowNotFoundError, defaultPayloadConverter, type Client } from '@temporalio/client';
import { createSessionService, type SessionService } from '../../src/sessions/index.js';
import { createTeam, type TeamFixture } from '@rhythm/persistence/testing';
import { clearCommitFaults, installCommitFaults } from './commit-faults.js';

export interface Harness {
  orm: Orm;
  client: Client;
  taskQueue: string;
  service: SessionService;
  /** The service on another Temporal client (e.g. one with injected faults), same database and queue. */
  serviceWith(client: Client): SessionService;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database: TestDatabase = await createTestDatabase();
  const orm = await openOrm(database.url);
  await migrateToLatest(orm);
  await installCommitFaults(orm);
  const server: DevServer = await connectDevServer();
  const taskQueue = `api-sessions-test-${randomUUID()}`;
  const serviceWith = (client: Client) =>
    createSessionService({ orm, client, taskQueue, statusQueryTimeoutMs: 500 });
  return {
    orm,
    client: server.client,
    taskQueue,
    service: serviceWith(server.client),
    serviceWith,
    close: async () => {
      await orm.close(true);
      await database.drop();
      await server.close();
    },
  };
}

/**
 * A test file's harness (started once) and a fresh team before each test; injected COMMIT faults are
 * cleared after each. Read them as `t.harness` and `t.fixture` inside tests and hooks.
 */
export function useSessionHarness(): { readonly harness: Harness; readonly fixture: TeamFixture } {
  let harness: Harness | undefined;
  let fixture: TeamFixture | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  }, 120_000);
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    fixture = await createTeam(harness!.orm);
  });
  afterEach(async () => clearCommitFaults(harness!.orm));
  return {
    get harness() {
      return harness!;
    },
    get fixture() {
      return fixture!;
    },
  };
}

/** RUNNING, TERMINATED, …; null when no workflow of that id was ever started. */
export async function workflowState(client: Client, sessionId: string): Promise<string | null> {
  try {
    return (await client.workflow.getHandle(sessionWorkflowId(sessionId)).describe()).status.name;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/** The signals the session's workflow received, in order, with their payloads. */
export function signalsOf(client: Client, sessionId: string): Promise<{ name: string; payload: unknown }[]> {
  return signalsOfWorkflow(client, sessionWorkflowId(sessionId));
}

/** The signals a workflow received, in order, with their payloads. */
export async function signalsOfWorkflow(
  client: Client,
  workflowId: string,
): Promise<{ name: string; payload: unknown }[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const signal = event.workflowExecutionSignaledEventAttributes;
    if (!signal) return [];
    const payload = signal.input?.payloads?.[0];
    return [
      {
        name: signal.signalName ?? '',
        payload: payload ? defaultPayloadConverter.fromPayload(payload) : undefined,
      },
    ];
  });
}

/** The input the session's workflow was started with. */
export function startInput(client: Client, sessionId: string): Promise<unknown> {
  return startInputOf(client, sessionWorkflowId(sessionId));
}

/** The input a workflow was started with. */
export async function startInputOf(client: Client, workflowId: string): Promise<unknown> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return payload ? defaultPayloadConverter.fromPayload(payload) : undefined;
}
