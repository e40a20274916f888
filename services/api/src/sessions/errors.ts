// The errors the session service throws. They extend the API's one vocabulary (../errors.ts), so
// the single error handler maps them by kind: not_found → 404, conflict → 409, invalid → 422,
// unavailable → 503. The subclasses only add what a caller may want to branch on or show.
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnavailableError,
  type FieldError,
} from '../errors.js';

export { InvalidInputError, UnavailableError, type FieldError };

/** The team, session, plan item or user is not there, or not in this team (never disclosed which). */
export class SessionNotFoundError extends NotFoundError {
  override readonly name = 'SessionNotFoundError';
  constructor(
    readonly resource: 'team' | 'session' | 'series' | 'item' | 'user',
    readonly id: string,
  ) {
    super(`No ${resource} ${id} in this team`);
  }
}

/** Held and cancelled sessions (and one whose day is over) are kept as they were. */
export class SessionLockedError extends ConflictError {
  override readonly name = 'SessionLockedError';
  constructor(
    readonly sessionId: string,
    readonly reason: string,
  ) {
    super(`Session ${sessionId} can no longer be changed: ${reason}`);
  }
}

/** A cancelled series, or one with no occurrence ahead to count from, keeps its repeat. */
export class SeriesLockedError extends ConflictError {
  override readonly name = 'SeriesLockedError';
  constructor(
    readonly seriesId: string,
    readonly reason: string,
  ) {
    super(`Series ${seriesId} can no longer be changed: ${reason}`);
  }
}

/** The team has as many scheduled sessions as this server allows (MAX_SCHEDULED_SESSIONS_PER_TEAM). */
export class SessionLimitError extends ConflictError {
  override readonly name = 'SessionLimitError';
  constructor(readonly limit: number) {
    super(
      `The team already has ${limit} scheduled sessions, the most this server allows; cancel or hold some first`,
    );
  }
}

/** The Idempotency-Key was used before, for this team, with another request body. */
export class IdempotencyKeyReusedError extends ConflictError {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor(readonly idempotencyKey: string) {
    super('This Idempotency-Key was already used with a different request body');
  }
}

/** Temporal did not take the change; the session row was left (or put back) as it was. */
export class WorkflowUnavailableError extends UnavailableError {
  override readonly name = 'WorkflowUnavailableError';
  constructor(what: string, cause: unknown) {
    super(`${what}: Temporal did not answer (${cause instanceof Error ? cause.message : String(cause)})`, {
      cause,
    });
  }
}

/**
 * The database did not save a new session (the INSERT or its COMMIT failed): nothing was started in
 * Temporal, and the client may retry. The database's own message stays in the cause (and the logs).
 */
export class SessionNotSavedError extends UnavailableError {
  override readonly name = 'SessionNotSavedError';
  constructor(cause: unknown) {
    super('The session was not created: the database did not save it, and no workflow was started', {
      cause,
    });
  }
}

/**
 * The database did not save a change to a session (its UPDATE or COMMIT failed): transient, and the
 * client may retry. The message says where the row and its workflow stand; the database's own message
 * stays in the cause (and the logs).
 */
export class SessionChangeNotSavedError extends UnavailableError {
  override readonly name = 'SessionChangeNotSavedError';
  constructor(message: string, cause: unknown) {
    super(message, { cause });
  }
}
