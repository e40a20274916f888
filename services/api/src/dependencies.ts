// What the app is built from. main.ts passes the real parts; tests pass a test database, a lazy
// Temporal connection, a session service on a task queue of their own (with recording parts), and run
// the app in-process.
import type { Logger } from '@rhythm/platform';
import type { Orm } from '@rhythm/persistence';
import type { Client } from '@temporalio/client';
import type { ApiConfig } from './config.js';
import type { TokenVerifier } from './auth/tokens.js';
import type { Limits } from './http/limits.js';
import type { SessionService } from './sessions/index.js';

export interface AppDependencies {
  config: ApiConfig;
  logger: Logger;
  orm: Orm;
  temporal: Client;
  /**
   * Sessions, their workflows and reports (src/sessions); main.ts builds it on `orm` and `temporal`.
   * The teams and plan routes call it too: a new time zone, send hour or item owner is passed on to
   * the scheduled sessions inside the change's transaction (503 and nothing kept when it cannot be).
   */
  sessions: SessionService;
  /** Abuse limits (http/limits.ts); built from the config by createApp when absent. */
  limits?: Limits;
  /** Built from `config.auth` when absent; tests pass one to exercise a JWKS provider. */
  tokenVerifier?: TokenVerifier;
}
