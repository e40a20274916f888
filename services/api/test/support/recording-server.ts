// An HTTP server around the app that keeps a copy of every response, so that each one can be
// checked against the OpenAPI document however the test sent its request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RequestListener } from 'node:http';
import type { Exchange } from './openapi-conformance.js';

export function recordingServer(app: RequestListener, record: (exchange: Exchange) => void): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    // Read now: Express rewrites req.url inside mounted routers (e.g. /docs).
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(
              chunk as string,
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
            ),
      );
    };
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof res.end;
    res.once('finish', () => {
      const contentType = res.getHeader('content-type');
      record({
        method: req.method ?? 'GET',
        path,
        status: res.statusCode,
        contentType: typeof contentType === 'string' ? contentType : undefined,
        body: Buffer.concat(chunks).toString('utf8'),
      });
    });
    app(req, res);
  });
}
