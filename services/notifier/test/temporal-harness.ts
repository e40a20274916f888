// Temporal for the notifier's retry and crash tests: the real dev server of the test run, a worker
// for the stand-in workflow, and (optionally) the real notifier worker in this process, all on
// task queues of their own so parallel test files and other projects never take each other's tasks.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { EmailMessage, NotifierActivities } from '@rhythm/domain';
import { connectDevServer, type DevServer } from '@rhythm/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createNotifierWorker } from '../src/worker.js';
import type { sendEmailsWorkflow } from './workflows/send-emails.workflow.js';

const workflowsPath = fileURLToPath(new URL('./workflows/send-emails.workflow.ts', import.meta.url));
let quiet = false;

export interface TemporalHarness {
  dev: DevServer;
  /** The notifier's task queue for this harness. */
  taskQueue: string;
  start(
    messages: EmailMessage[],
    options?: { startToCloseTimeout?: string },
  ): Promise<WorkflowHandle<typeof sendEmailsWorkflow>>;
  dispose(): Promise<void>;
}

/** With `activities`, runs the real notifier worker in-process; without, something else must poll `taskQueue`. */
export async function startTemporalHarness(activities?: NotifierActivities): Promise<TemporalHarness> {
  if (!quiet) {
    // The workers' own progress lines would drown the test report; warnings (failed attempts) stay.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    quiet = true;
  }
  const dev = await connectDevServer();
  const taskQueue = `notifier-test-${randomUUID()}`;
  const workflowQueue = `${taskQueue}-workflows`;
  const workers = [
    await Worker.create({ connection: dev.nativeConnection, taskQueue: workflowQueue, workflowsPath }),
  ];
  if (activities) {
    workers.push(
      await createNotifierWorker({
        connection: dev.nativeConnection,
        namespace: 'default',
        activities,
        taskQueue,
      }),
    );
  }
  const running = Promise.all(workers.map((worker) => worker.run()));
  return {
    dev,
    taskQueue,
    start: (messages, { startToCloseTimeout = '30 seconds' } = {}) =>
      dev.client.workflow.start<typeof sendEmailsWorkflow>('sendEmailsWorkflow', {
        taskQueue: workflowQueue,
        workflowId: `send-emails-${randomUUID()}`,
        args: [{ taskQueue, messages, startToCloseTimeout }],
      }),
    async dispose() {
      for (const worker of workers) worker.shutdown();
      await running;
      await dev.close();
    },
  };
}
