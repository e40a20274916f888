// A worker on the test app's task queue running the stand-in `sessionWorkflow`
// (workflow-stand-in/session.workflow.ts) for a test file's lifetime, so that the API's status query
// gets an answer: the API does not import the real workflow (tested in services/workflows).
import { connectDevServer, type DevServer } from '@rhythm/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import type { TestApp } from './test-app.js';

export function useWorkflowStandIn(testApp: () => TestApp): void {
  let server: DevServer | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    server = await connectDevServer();
    worker = await Worker.create({
      connection: server.nativeConnection,
      taskQueue: testApp().taskQueue,
      workflowsPath: fileURLToPath(new URL('../workflow-stand-in/session.workflow.ts', import.meta.url)),
    });
    running = worker.run();
  }, 120_000);
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await server?.close();
  });
}
