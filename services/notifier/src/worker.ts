// The notifier worker on `notifications`. It takes many activities at once: they mostly wait for
// their batch (coalescing/batcher.ts), whose requests a rate limit shared by every replica in
// PostgreSQL paces (coalescing/rate-limiter.ts). The task queue itself has no rate limit any more:
// one activity is no longer one request, and a queue limit would only keep emails from the batches.
import { NOTIFICATIONS_TASK_QUEUE, type NotifierActivities } from '@rhythm/domain';
import { Worker, type NativeConnection } from '@temporalio/worker';
import type { SingleEmailActivities } from './single-email.activities.js';

/** Enough concurrent activities (of a few emails each) to fill batches of 100 several times over. */
export const DEFAULT_MAX_CONCURRENT_ACTIVITIES = 200;

export interface NotifierWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: NotifierActivities & Partial<SingleEmailActivities>;
  /** Activities one process runs at once; they wait for shared batches, so many fit. */
  maxConcurrentActivities?: number;
  taskQueue?: string;
}

export function createNotifierWorker(options: NotifierWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? NOTIFICATIONS_TASK_QUEUE,
    activities: { ...options.activities },
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities ?? DEFAULT_MAX_CONCURRENT_ACTIVITIES,
    shutdownGraceTime: '30 seconds',
  });
}
