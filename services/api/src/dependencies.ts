// What the app is built from. main.ts passes the real parts; tests pass a test database, a lazy
// Temporal connection, a session service on a task queue of their own and recording hooks, and run
// the app in-process.
import type { Logger } from '@rhythm/platform';
import type { Orm } from '@rhythm/persistence';
import type { Client } from '@temporalio/client';
import type { ItemType, TeamSettingsChangedSignal } from '@rhythm/domain';
import type { ApiConfig } from './config.js';
import type { TokenVerifier } from './auth/tokens.js';
import type { SessionService } from './sessions/index.js';

/** Points where other parts of the API react to changes this part makes. */
export interface AppHooks {
  /**
   * A team's time zone or send hour changed: every scheduled session's workflow must hear of it.
   * Called inside the PATCH's transaction, after the change is flushed and before it commits, so
   * throwing rolls the change back (and the client may retry: signalling the same settings twice is
   * harmless). Throw UnavailableError when Temporal cannot be reached.
   */
  onTeamSettingsChanged(teamId: string, settings: TeamSettingsChangedSignal): Promise<void>;
  /**
   * An item of `itemType` was created or handed to another owner: scheduled sessions that involve
   * that type invite the owners newly involved. Called inside the change's transaction, like
   * onTeamSettingsChanged; throw UnavailableError when Temporal cannot be reached.
   */
  onPlanChanged(teamId: string, itemType: ItemType): Promise<void>;
}

export interface AppDependencies {
  config: ApiConfig;
  logger: Logger;
  orm: Orm;
  temporal: Client;
  /** Sessions, their workflows and reports (src/sessions); main.ts builds it on `orm` and `temporal`. */
  sessions: SessionService;
  /** main.ts: the session service's `onTeamSettingsChanged` and `onPlanChanged`. */
  hooks: AppHooks;
  /** Built from `config.auth` when absent; tests pass one to exercise a JWKS provider. */
  tokenVerifier?: TokenVerifier;
}
