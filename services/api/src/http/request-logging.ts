// One structured log line per request, carrying its request id: the client's x-request-id when it
// sends a sane one (so a trace can cross services), otherwise a fresh UUID; echoed in the response.
import type { Logger } from '@rhythm/platform';
import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';

const quietPaths = new Set(['/healthz', '/readyz', '/metrics']);
const saneRequestId = /^[\w.:-]{1,128}$/;

export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const sent = req.headers['x-request-id'];
      // Anything else could forge log lines or bloat them.
      const id = typeof sent === 'string' && saneRequestId.test(sent) ? sent : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    // Not customProps: that makes a child logger through pino-http's own pino copy (v10), whose
    // internals differ from the platform logger's (v9). These add the fields to the one line.
    customSuccessObject: (_req, res, value: object) => ({ ...value, ...routeAndUser(res.locals) }),
    customErrorObject: (_req, res, _error, value: object) => ({ ...value, ...routeAndUser(res.locals) }),
    autoLogging: { ignore: (req) => quietPaths.has(req.url?.split('?')[0] ?? '') },
  });
}

function routeAndUser(locals: Record<string, unknown> | undefined): { route?: unknown; userId?: unknown } {
  return { route: locals?.route, userId: locals?.userId };
}
