// The life of a worker process after start-up, the same for every worker service: an optional
// /healthz for container probes, then poll until SIGTERM/SIGINT, drain (stop polling, let running
// activities finish within the worker's shutdown grace time), close the connections, exit 0.
import { startHealthServer, workerHealth } from './health-server.js';
import type { Logger } from './logger.js';
import { onShutdown } from './run-main.js';

/** The parts of a Temporal Worker this needs (structural, so this lib stays free of the SDK). */
export interface RunnableWorker {
  run(): Promise<void>;
  shutdown(): void;
  getState(): string;
  readonly options: { taskQueue: string };
}

export interface RunWorkerOptions {
  service: string;
  logger: Logger;
  healthPort: number | undefined;
  /** Closed in order once the worker has stopped (connections, ORM). */
  close: (() => Promise<unknown>)[];
  /** Logged with the "polling" line. */
  details?: Record<string, unknown>;
  /** Work to do once polling has begun (e.g. a reconciliation pass). */
  afterStart?: () => Promise<void>;
}

export async function runWorker(worker: RunnableWorker, options: RunWorkerOptions): Promise<void> {
  const { service, logger } = options;
  const health =
    options.healthPort === undefined
      ? null
      : await startHealthServer(options.healthPort, () => workerHealth(worker.getState()));
  // The SDK's runtime also turns SIGINT/SIGTERM into worker.shutdown(); run() resolves once drained.
  const running = worker.run().finally(async () => {
    for (const close of options.close) await close();
    await health?.close();
    logger.info(`${service} stopped`);
  });
  onShutdown(async () => {
    logger.info('draining: no new tasks, finishing running activities');
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
  logger.info({ taskQueue: worker.options.taskQueue, ...options.details }, `${service} polling`);
  await options.afterStart?.();
  await running;
}
