// The notifier worker on `notifications`. The task-queue rate limit is enforced by the Temporal
// server across every worker of the queue, so all replicas together stay inside Resend's limit.
import { NOTIFICATIONS_TASK_QUEUE, type NotifierActivities } from '@rhythm/domain';
import { Worker, type NativeConnection } from '@temporalio/worker';

export interface NotifierWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: NotifierActivities;
  maxActivitiesPerSecond: number;
  taskQueue?: string;
}

export function createNotifierWorker(options: NotifierWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? NOTIFICATIONS_TASK_QUEUE,
    activities: { ...options.activities },
    maxTaskQueueActivitiesPerSecond: options.maxActivitiesPerSecond,
    shutdownGraceTime: '30 seconds',
  });
}
