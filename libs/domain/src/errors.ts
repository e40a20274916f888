// Rhythm's one vocabulary of errors. Code that decides (the API's route handlers and services, and
// any other part) throws these without knowing HTTP; the API's single error handler
// (services/api/src/http/problem-handler.ts) maps each kind to its status. A new kind needs a line
// in `statusOfKind` there, nothing else.

export type ErrorKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'gone'
  | 'conflict'
  | 'invalid'
  | 'rate_limited'
  | 'unavailable';

/** One field the client got wrong, e.g. `{ field: 'body.timeZone', message: 'Expected an IANA time zone' }`. */
export interface FieldError {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
}

/** No credentials, or credentials that do not name a known user. */
export class UnauthenticatedError extends DomainError {
  override readonly name: string = 'UnauthenticatedError';
  readonly kind = 'unauthenticated';
  /** `invalid_token` when a token was sent but refused (RFC 6750), none when nothing was sent. */
  constructor(
    message: string,
    readonly tokenError?: 'invalid_token',
  ) {
    super(message);
  }
}

/** The caller may see the resource but not do this to it (e.g. a member changing the plan). */
export class ForbiddenError extends DomainError {
  override readonly name: string = 'ForbiddenError';
  readonly kind = 'forbidden';
}

/** Also what a caller gets for a team they do not belong to: a team's existence is not disclosed. */
export class NotFoundError extends DomainError {
  override readonly name: string = 'NotFoundError';
  readonly kind = 'not_found';
}

/** It was there and is no more, for good (an invitation expired or revoked): asking again will not help. */
export class GoneError extends DomainError {
  override readonly name: string = 'GoneError';
  readonly kind = 'gone';
}

/** The request is well-formed but clashes with the current state (duplicate member, last administrator). */
export class ConflictError extends DomainError {
  override readonly name: string = 'ConflictError';
  readonly kind = 'conflict';
}

/** Semantically invalid input; `errors` names each offending field. */
export class InvalidInputError extends DomainError {
  override readonly name: string = 'InvalidInputError';
  readonly kind = 'invalid';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
  }

  static field(field: string, message: string): InvalidInputError {
    return new InvalidInputError([{ field, message }]);
  }
}

/** Too many requests from this caller (or client, or address) in the window: retry after the wait. */
export class RateLimitedError extends DomainError {
  override readonly name: string = 'RateLimitedError';
  readonly kind = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A server the request needs (Temporal, the database) did not answer; the client may retry. */
export class UnavailableError extends DomainError {
  override readonly name: string = 'UnavailableError';
  readonly kind = 'unavailable';
}
