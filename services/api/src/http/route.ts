// A route is declared once, as data: method, path, who may call it, the zod schemas of its request
// and of each response. The same declaration mounts it on Express (http/mount-routes.ts) and
// documents it in OpenAPI (openapi/document.ts), so the document cannot drift from the code.
import type { Role } from '@rhythm/domain';
import type { EntityManager, User } from '@rhythm/persistence';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Access, TeamMember } from '../auth/access.js';
import type { AppDependencies } from '../dependencies.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A response with a body in another media type than JSON (e.g. Prometheus text, iCalendar). */
export interface RawResponse {
  contentType: string;
  schema: z.ZodType;
  description?: string;
}

/**
 * The statuses a handler may answer with a body of its own (errors are thrown, not returned).
 * A closed list on purpose: TypeScript then keeps `status: 201` literal in a handler's reply and
 * checks it against the route's `responses`. Add a status here when a route needs one.
 */
export type ReplyStatus = 200 | 201 | 202 | 204 | 303 | 503;

/** Status → JSON body schema; `null` for no body (204); RawResponse for other media types. */
export type ResponseMap = { [S in ReplyStatus]?: z.ZodType | RawResponse | null };

type BodyOf<T> = T extends z.ZodType ? z.input<T> : T extends RawResponse ? z.input<T['schema']> : undefined;

/** What a handler returns: one of its declared statuses with a body of that status's schema. */
export type Reply<R extends ResponseMap> = {
  [S in keyof R & ReplyStatus]: R[S] extends null
    ? { status: S; headers?: Record<string, string> }
    : { status: S; body: BodyOf<R[S]>; headers?: Record<string, string> };
}[keyof R & ReplyStatus];

/** `team` on a route: the path's `teamId` must name a team of the caller, holding one of `roles` if given. */
export interface TeamRule {
  roles?: readonly Role[];
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerInput<P, Q, B, T, Pub, H = undefined> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** The declared request headers, by their declared names (e.g. `Idempotency-Key`). */
  headers: Parsed<H>;
  /** The signed-in user; null on public routes. */
  caller: Pub extends true ? null : User;
  /** The caller's membership of the path's team, when the route declares `team`. */
  member: T extends TeamRule ? TeamMember : undefined;
  /** Membership and role checks bound to this caller (null on public routes). */
  access: Pub extends true ? null : Access;
  /** This request's own entity manager (a fork; also the RequestContext's). */
  em: EntityManager;
  deps: AppDependencies;
  req: Request;
  res: Response;
}

export interface RouteSpec<P, Q, B, R extends ResponseMap, T, Pub, H = undefined> {
  method: Method;
  /** OpenAPI path template, e.g. `/api/teams/{teamId}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** No authentication at all (health, docs, dev sign-in). */
  public?: Pub;
  team?: T;
  /**
   * `headers`: a zod object of the request headers the route reads, keyed by their usual spelling
   * (`Idempotency-Key`); looked up case-insensitively, validated like the rest, documented as header
   * parameters. Headers not declared are ignored.
   */
  request?: { params?: P; query?: Q; body?: B; headers?: H };
  responses: R;
  /** Problem statuses the handler itself may answer, beyond those the spec implies (see impliedProblems). */
  problems?: number[];
  /** Largest accepted JSON body, in express.json's notation; 100kb when absent. */
  bodyLimit?: string;
  /**
   * The body is read as text and handed over unparsed in `req.body` (a signature over the raw
   * bytes must be checked first); `request.body` then only documents it.
   */
  rawBody?: boolean;
  // NoInfer: R comes from `responses`; the handler's literal statuses are checked against it.
  handler(input: HandlerInput<P, Q, B, T, Pub, H>): Promise<NoInfer<Reply<R>>>;
}

/** A route with its types erased, as the router and the OpenAPI builder see it. */
export interface Route {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  public?: boolean;
  team?: TeamRule;
  request?: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType; headers?: z.ZodObject };
  responses: ResponseMap;
  problems?: number[];
  bodyLimit?: string;
  rawBody?: boolean;
  handler(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- `any` spreads each conditional over both branches
    input: HandlerInput<any, any, any, any, any, any>,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }>;
}

export function defineRoute<
  R extends ResponseMap,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  T extends TeamRule | undefined = undefined,
  Pub extends boolean = false,
  H extends z.ZodObject | undefined = undefined,
>(spec: RouteSpec<P, Q, B, R, T, Pub, H>): Route {
  return spec as unknown as Route;
}

/** The problem statuses every route of this shape can answer, whatever its handler does. */
export function impliedProblems(route: Route): number[] {
  const statuses = new Set<number>(route.problems ?? []);
  // 503 too: with a JWKS provider, verifying a token may need a server that is down.
  if (!route.public) [401, 503].forEach((status) => statuses.add(status));
  // Every change by a signed-in user counts against their write limit (http/limits.ts).
  if (!route.public && route.method !== 'get') statuses.add(429);
  if (route.team) statuses.add(404);
  if (route.team?.roles?.length) statuses.add(403);
  if (route.request?.params || route.request?.query || route.request?.body || route.request?.headers)
    statuses.add(422);
  // 400: a body that is not JSON, or a path parameter that cannot be percent-decoded.
  if (route.request?.body || route.request?.params) statuses.add(400);
  if (route.request?.body) [413, 415].forEach((status) => statuses.add(status));
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}
