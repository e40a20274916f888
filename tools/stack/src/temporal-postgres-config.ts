// What Temporal on PostgreSQL stands on before it starts: its two databases with their schema (what
// compose's temporal-schema job does with the admin-tools image), and the server's config file.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureDatabase } from './database.ts';
import { StackError } from './log.ts';
import { root } from './paths.ts';

const run = promisify(execFile);

export interface TemporalDatabases {
  /** Workflow state. */
  store: string;
  /** Visibility: what `workflow list` and the search attributes query. */
  visibility: string;
}

/** Temporal's own default names, as compose's postgres-init.sh creates them. */
export const defaultTemporalDatabases: TemporalDatabases = {
  store: 'temporal',
  visibility: 'temporal_visibility',
};

/**
 * Creates the databases when missing and brings them to the schema of this server version. Every
 * step is idempotent (setup-schema only adds the version tables when missing, update-schema only
 * applies newer versions), so it runs at every start, as compose's job does.
 */
export async function prepareTemporalDatabases(
  sqlTool: string,
  postgresUrl: string,
  databases: TemporalDatabases,
): Promise<void> {
  const url = new URL(postgresUrl);
  for (const [database, schema] of [
    [databases.store, 'temporal'],
    [databases.visibility, 'visibility'],
  ] as const) {
    await ensureDatabase(postgresUrl, database);
    const common = ['--plugin', 'postgres12', '--endpoint', url.hostname, '--port', url.port || '5432'];
    const sql = (...args: string[]) =>
      run(sqlTool, [...common, '--user', decodeURIComponent(url.username), '--database', database, ...args], {
        // The password through the environment (the tool reads SQL_PASSWORD), not the command line.
        env: { ...process.env, SQL_PASSWORD: decodeURIComponent(url.password) },
        maxBuffer: 16 << 20,
      });
    try {
      await sql('setup-schema', '--version', '0.0');
      // The schema files are embedded in the tool; the name picks PostgreSQL 12+'s.
      await sql('update-schema', '--schema-name', `postgresql/v12/${schema}`);
    } catch (error) {
      const { stderr, message } = error as { stderr?: string; message: string };
      const why = (stderr?.trim() || message).split('\n').slice(-3).join(' | ');
      throw new StackError(`temporal-sql-tool could not prepare the database ${database}: ${why}`);
    }
  }
}

export interface TemporalServerConfig {
  postgresUrl: string;
  databases: TemporalDatabases;
  /** The frontend's gRPC port; history, matching and worker take the next three, membership the four after. */
  port: number;
}

const SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;

/** The ports the server listens on: gRPC of frontend, history, matching, worker, then their membership. */
export function temporalServerPorts(port: number): number[] {
  return Array.from({ length: SERVICES.length * 2 }, (_, i) => port + i);
}

/**
 * Writes <dir>/config/rhythm.yaml (the server reads `<config dir>/<env>.yaml`): one cluster, on
 * loopback, persistence and visibility on PostgreSQL through the postgres12 plugin, and the very
 * dynamic config file compose mounts (deploy/compose/temporal-dynamicconfig.yaml), so both run with
 * the same settings. Returns the config folder.
 */
export async function writeTemporalServerConfig(dir: string, config: TemporalServerConfig): Promise<string> {
  const url = new URL(config.postgresUrl);
  // JSON strings are valid YAML double-quoted scalars: any password or path is quoted safely.
  const q = (value: string) => JSON.stringify(value);
  const datastore = (database: string, maxConns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${q(database)}
        connectAddr: ${q(`${url.hostname}:${url.port || '5432'}`)}
        connectProtocol: tcp
        user: ${q(decodeURIComponent(url.username))}
        password: ${q(decodeURIComponent(url.password))}
        maxConns: ${maxConns}
        maxIdleConns: ${Math.ceil(maxConns / 2)}
        maxConnLifetime: 1h`;
  const services = SERVICES.map(
    (name, i) => `
  ${name}:
    rpc:
      grpcPort: ${config.port + i}
      membershipPort: ${config.port + SERVICES.length + i}
      bindOnLocalHost: true`,
  ).join('');
  const frontend = `127.0.0.1:${config.port}`;
  const yaml = `# Written by tools/stack/src/temporal-postgres-config.ts at every start: edits here are lost.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  # Fixed for the life of the databases; compose's server image uses 4 as well.
  numHistoryShards: 4
  datastores:
    # Per service (four of them), on a PostgreSQL shared with Rhythm and the tests (max_connections 200).
    postgres-default:${datastore(config.databases.store, 10)}
    postgres-visibility:${datastore(config.databases.visibility, 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
# No httpPort, pprof or metrics listener: only the ports above are taken.
services:${services}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: ${q(frontend)}
dcRedirectionPolicy:
  policy: noop
archival:
  history: { state: disabled }
  visibility: { state: disabled }
namespaceDefaults:
  archival:
    history: { state: disabled }
    visibility: { state: disabled }
publicClient:
  hostPort: ${q(frontend)}
dynamicConfigClient:
  filepath: ${q(path.join(root, 'deploy/compose/temporal-dynamicconfig.yaml'))}
  pollInterval: 10s
`;
  const configDir = path.join(dir, 'config');
  await mkdir(configDir, { recursive: true });
  // It holds the database password: readable by its owner only.
  await writeFile(path.join(configDir, 'rhythm.yaml'), yaml, { mode: 0o600 });
  return configDir;
}
