// RFC 9457 problem details: every error the API answers is application/problem+json.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').json({ type: 'about:blank', ...problem });
}

export const notFound: RequestHandler = (req, res) => {
  sendProblem(res, { title: 'Not Found', status: 404, detail: `No route for ${req.method} ${req.path}`, instance: req.originalUrl });
};

/** The one error handler: client mistakes keep their 4xx status, anything else is a logged 500. */
export const problemHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = clientStatus(error);
  if (status) {
    const title = status === 413 ? 'Payload Too Large' : 'Bad Request';
    sendProblem(res, { title, status, detail: (error as Error).message, instance: req.originalUrl });
    return;
  }
  req.log?.error({ err: error }, 'unhandled error');
  sendProblem(res, { title: 'Internal Server Error', status: 500, instance: req.originalUrl });
};

/** Body-parser and friends mark client errors with a 4xx `status` (malformed JSON, too large). */
function clientStatus(error: unknown): number | null {
  const status = (error as { status?: unknown; expose?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}
