// RFC 9457 problem details: every error the API answers is application/problem+json.
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { FieldError } from '../errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Validation problems name each field the client got wrong. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function sendProblem(res: Response, problem: Problem): void {
  const requestId = res.getHeader('x-request-id');
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .json({
      type: 'about:blank',
      title: STATUS_CODES[problem.status] ?? 'Error',
      ...problem,
      // So a user can quote it and ops can find the request's log lines.
      ...(typeof requestId === 'string' ? { requestId } : {}),
    });
}
