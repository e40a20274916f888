// Temporal for tests: the time-skipping test server (from Maven Central, started by the SDK from
// the launcher ./rhythm test provisions), and the real dev server that ./rhythm test starts.
import { rhythmSearchAttributeTypes } from '@rhythm/domain';
import { Client, Connection } from '@temporalio/client';
// A default import: @temporalio/proto is CommonJS whose exports Node's ESM loader cannot name, so
// `import { temporal }` works under Jest but not when plain Node (the benchmark) loads this lib.
import proto from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { requireEnv } from './env.js';

const { temporal } = proto;

/**
 * A time-skipping environment with Rhythm's search attributes registered (the Java test server
 * has no start-up flag for them, but implements the operator service).
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = requireEnv('TEMPORAL_TEST_SERVER_PATH');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      Object.entries(rhythmSearchAttributeTypes).map(([name, type]) => [name, indexedValueType[type]]),
    ),
  });
  return env;
}

const indexedValueType = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

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
