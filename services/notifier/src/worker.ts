// The notifier worker on `notifications`. The task-queue rate limit is enforced by the Temporal
// server across every worker of the queue, so all replicas together stay inside Resend's limit.
// The server splits that limit between the queue's partitions (four by default) and each hands
// out its share in bursts: at 2/s, four tasks every two seconds, which Resend answers with 429s.
// Give `notifications` a single partition (dynamic config matching.numTaskqueueReadPartitions and
// matching.numTaskqueueWritePartitions = 1, constrained to this queue) to get an even 2/s.
import { NOTIFICATIONS_TASK_QUEUE, type NotifierActivities } from '@rhythm/domain';
import { Worker, type NativeConnection } from '@temporalio/worker';

export interface NotifierWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: NotifierActivities;
  maxActivitiesPerSecond: number;
  /** Activities one process runs at once; rendering is CPU-bound, so more only pile up. */
  maxConcurrentActivities?: number;
  taskQueue?: string;
}

export function createNotifierWorker(options: NotifierWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? NOTIFICATIONS_TASK_QUEUE,
    activities: { ...options.activities },
    maxTaskQueueActivitiesPerSecond: options.maxActivitiesPerSecond,
    ...(options.maxConcurrentActivities
      ? { maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities }
      : {}),
    shutdownGraceTime: '30 seconds',
  });
}
