// The one error handler: domain errors → status, client mistakes caught by Express and its
// parsers keep their 4xx, database constraint races become 409, anything else is a logged 500.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import {
  ForeignKeyConstraintViolationException,
  UniqueConstraintViolationException,
} from '@rhythm/persistence';
import {
  DomainError,
  InvalidInputError,
  RateLimitedError,
  UnauthenticatedError,
  type ErrorKind,
} from '../errors.js';
import { sendProblem, type Problem } from './problem.js';

const statusOfKind: Record<ErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  gone: 410,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
};

export const notFound: RequestHandler = (req, res) => {
  sendProblem(res, { status: 404, detail: `No route for ${req.method} ${req.path}`, instance: req.path });
};

export const problemHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error);
  const problem = toProblem(error);
  if (problem) {
    // The client gets "retry later"; ops get why (e.g. Temporal's or the database's own message).
    if (problem.status === 503) req.log?.warn({ err: error }, 'a server this request needs did not answer');
    if (error instanceof UnauthenticatedError) {
      res.setHeader('WWW-Authenticate', error.tokenError ? `Bearer error="${error.tokenError}"` : 'Bearer');
    }
    if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    sendProblem(res, { ...problem, instance: req.path });
    return;
  }
  req.log?.error({ err: error }, 'unhandled error');
  sendProblem(res, {
    status: 500,
    detail: 'Something went wrong on our side; the request id identifies it in our logs.',
    instance: req.path,
  });
};

function toProblem(error: unknown): Problem | null {
  if (error instanceof InvalidInputError)
    return { status: 422, detail: 'The request has invalid fields.', errors: error.errors };
  if (error instanceof DomainError) return { status: statusOfKind[error.kind], detail: error.message };
  // Two requests racing past the same check (e.g. adding one member twice) meet the database's constraint.
  if (error instanceof UniqueConstraintViolationException)
    return { status: 409, detail: 'This conflicts with an existing record.' };
  if (error instanceof ForeignKeyConstraintViolationException)
    return { status: 409, detail: 'Other records still refer to this one.' };
  return parserProblem(error);
}

/** Body-parser and the router mark client errors with a 4xx `status` (malformed JSON, too large, bad encoding). */
function parserProblem(error: unknown): Problem | null {
  const { status, type, message } = (error ?? {}) as { status?: unknown; type?: unknown; message?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  const detail =
    type === 'entity.parse.failed'
      ? 'The body is not valid JSON.'
      : type === 'entity.too.large'
        ? 'The body is larger than this API accepts.'
        : typeof message === 'string'
          ? message
          : undefined;
  return { status, ...(detail ? { detail } : {}) };
}
