// One place that turns TEMPORAL_* settings into connection options, shared by the API's Client
// and the workers' NativeConnection (both accept this shape): local dev server, self-hosted with
// mTLS, or Temporal Cloud with an API key.
import { readFileSync } from 'node:fs';
import { ConfigError, type TemporalEnv } from './config.js';

export interface TemporalConnectionOptions {
  address: string;
  tls?: boolean | { clientCertPair: { crt: Buffer; key: Buffer } };
  apiKey?: string;
}

export function temporalConnectionOptions(env: TemporalEnv): TemporalConnectionOptions {
  const options: TemporalConnectionOptions = { address: env.TEMPORAL_ADDRESS };
  if (env.TEMPORAL_TLS_CERT || env.TEMPORAL_TLS_KEY) {
    if (!env.TEMPORAL_TLS_CERT || !env.TEMPORAL_TLS_KEY) {
      throw new ConfigError(
        'bad configuration: TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together (paths to PEM files)',
      );
    }
    options.tls = {
      clientCertPair: { crt: readPem(env.TEMPORAL_TLS_CERT), key: readPem(env.TEMPORAL_TLS_KEY) },
    };
  }
  if (env.TEMPORAL_API_KEY) {
    options.apiKey = env.TEMPORAL_API_KEY;
    options.tls ??= true; // Temporal Cloud's API keys travel over TLS only.
  }
  return options;
}

function readPem(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new ConfigError(`bad configuration: cannot read the PEM file ${file}`);
  }
}
