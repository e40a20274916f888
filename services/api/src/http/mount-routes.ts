// Mounts declared routes on an Express router. Each request runs, in this order: authenticate →
// the caller's write limit (http/limits.ts) → validate path params → team membership and roles → validate query and body → handler. Membership
// comes before the body so that an outsider learns nothing from validation messages of a team's
// routes; params come first because the team id is one of them.
import { RequestContext } from '@rhythm/persistence';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { Access } from '../auth/access.js';
import { authenticate } from '../auth/authenticate.js';
import type { TokenVerifier } from '../auth/tokens.js';
import type { AppDependencies } from '../dependencies.js';
import { clientError } from './client-error.js';
import type { ReplyStatus, Route } from './route.js';
import { parseParts } from './validation.js';

export function mountRoutes(routes: Route[], deps: AppDependencies, verifier: TokenVerifier): Router {
  const router = Router();
  for (const route of routes) {
    const handlers: RequestHandler[] = [labelRoute(route)];
    if (route.rawBody) handlers.push(express.text({ type: () => true, limit: route.bodyLimit ?? '100kb' }));
    else if (route.request?.body) handlers.push(express.json({ limit: route.bodyLimit ?? '100kb' }));
    handlers.push(runRoute(route, deps, verifier));
    router[route.method](expressPath(route.path), ...handlers);
  }
  return router;
}

/** `/api/teams/{teamId}` → `/api/teams/:teamId`. */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** The path template labels metrics and logs: one series per route, not per team id. */
function labelRoute(route: Route): RequestHandler {
  return (_req, res, next) => {
    res.locals.route = route.path;
    next();
  };
}

function runRoute(route: Route, deps: AppDependencies, verifier: TokenVerifier): RequestHandler {
  return async (req, res) => {
    const em = deps.orm.em.fork();
    // Code that reaches for the global `orm.em` during this request gets this request's fork.
    await RequestContext.create(em, async () => {
      const caller = route.public ? null : await authenticate(req.headers, verifier, em);
      if (caller) res.locals.userId = caller.id;
      // Reads are not limited: they change nothing, and pages poll them.
      if (caller && route.method !== 'get') await deps.limits?.writes.take(caller.id);
      const { params } = parseParts({ params: route.request?.params }, { params: req.params });
      const access = caller ? new Access(em, caller) : null;
      const member =
        route.team && access
          ? await access.requireMembership(teamIdOf(params), ...(route.team.roles ?? []))
          : undefined;
      const { query, body, headers } = parseParts(
        {
          query: route.request?.query,
          body: route.rawBody ? undefined : route.request?.body,
          headers: route.request?.headers,
        },
        {
          query: req.query,
          body: route.rawBody ? undefined : bodyOf(req, route),
          headers: headersOf(req, route),
        },
      );
      const reply = await route.handler({
        params,
        query,
        body,
        headers,
        caller,
        member,
        access,
        em,
        deps,
        req,
        res,
      });
      send(res, route, reply);
    });
  };
}

function teamIdOf(params: unknown): string {
  const teamId = (params as { teamId?: unknown } | undefined)?.teamId;
  if (typeof teamId !== 'string') throw new Error('a route with `team` needs a `teamId` path parameter');
  return teamId;
}

/** The declared headers by their declared names (Express keys them in lower case); absent ones undefined. */
function headersOf(req: Request, route: Route): Record<string, string | undefined> | undefined {
  const declared = route.request?.headers;
  if (!declared) return undefined;
  return Object.fromEntries(Object.keys(declared.shape).map((name) => [name, req.get(name)]));
}

/** The parsed JSON body; a body in another media type is refused rather than read as missing. */
function bodyOf(req: Request, route: Route): unknown {
  if (!route.request?.body) return undefined;
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) throw clientError(415, 'Send the body as application/json.');
  return req.body;
}

function send(
  res: Response,
  route: Route,
  reply: { status: number; body?: unknown; headers?: Record<string, string> },
): void {
  res.status(reply.status);
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  const declared = route.responses[reply.status as ReplyStatus];
  if (declared === null || reply.body === undefined) {
    res.end();
  } else if (declared && 'contentType' in declared) {
    res.type(declared.contentType).send(reply.body);
  } else {
    res.json(reply.body);
  }
}
