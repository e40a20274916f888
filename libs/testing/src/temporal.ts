// Temporal for tests: the time-skipping test server (from Maven Central, started by the SDK from
// the launcher ./rhythm test provisions), and the real dev server that ./rhythm test starts.
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { requireEnv } from './env.js';

export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = requireEnv('TEMPORAL_TEST_SERVER_PATH');
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

export interface DevServer {
  client: Client;
  nativeConnection: NativeConnection;
  close(): Promise<void>;
}

/** Connections to the real Temporal dev server of this test run. */
export async function connectDevServer(): Promise<DevServer> {
  const address = requireEnv('TEMPORAL_ADDRESS');
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  return {
    client: new Client({ connection }),
    nativeConnection,
    close: async () => {
      await nativeConnection.close();
      await connection.close();
    },
  };
}
