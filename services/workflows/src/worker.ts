// The sessions worker: runs the session, team-settings, team-invitation and sign-in-link workflows
// and their database activities on `sessions`.
import { SESSIONS_TASK_QUEUE } from '@rhythm/domain';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import type { WorkerActivities } from './activities.js';

export interface SessionsWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: WorkerActivities;
  taskQueue?: string;
  /** Prebuilt bundle (production images); otherwise workflows.ts is bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  /** SESSIONS_MAX_CACHED_WORKFLOWS; the SDK's heap-sized default when absent (tests). */
  maxCachedWorkflows?: number;
  /** SESSIONS_MAX_CONCURRENT_WORKFLOW_TASKS; the SDK's 40 when absent. */
  maxConcurrentWorkflowTaskExecutions?: number;
}

export const workflowsPath = fileURLToPath(new URL('./workflows.js', import.meta.url)).replace(
  /\.js$/,
  moduleExtension(),
);

export function createSessionsWorker(options: SessionsWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? SESSIONS_TASK_QUEUE,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
    activities: options.activities,
    // A workflow change that breaks replay of a live history fails that workflow visibly (ops see
    // it in the UI) instead of retrying its task forever.
    workflowFailureErrorTypes: { '*': ['NondeterminismError'] },
    shutdownGraceTime: options.shutdownGraceTime ?? '30 seconds',
    // The sticky cache holds each cached workflow's state in the one reused V8 context (SDK 1.24:
    // reuseV8Context and one workflow thread by default, kept). Sized by the config, not by the
    // SDK's heap-based default, which kept every open session in memory; see README.md.
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
    ...(options.maxConcurrentWorkflowTaskExecutions === undefined
      ? {}
      : { maxConcurrentWorkflowTaskExecutions: options.maxConcurrentWorkflowTaskExecutions }),
  });
}

/** `.ts` when this module runs from source (Jest), `.js` when built. */
function moduleExtension(): string {
  return import.meta.url.endsWith('.ts') ? '.ts' : '.js';
}
