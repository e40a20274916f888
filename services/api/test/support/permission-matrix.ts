// The permission matrix: a table of endpoints, each with the exact status every actor must get,
// and a runner that makes one test per (endpoint, actor). Other modules add rows (e.g. the
// sessions endpoints) by exporting more PermissionRow arrays and passing them to the runner.
import type { TestApp } from './test-app.js';
import { actors, type Actor, type World } from './world.js';

export interface PermissionCall {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: object;
  headers?: Record<string, string>;
}

export interface PermissionRow {
  /** Shown in the test name, e.g. 'PATCH /api/teams/{teamId}'. */
  endpoint: string;
  /**
   * The request to send. Called once per actor, so a row that changes or deletes something
   * creates its own target here (world.create.*) and every actor meets the same state.
   */
  call(world: World, actor: Actor): PermissionCall | Promise<PermissionCall>;
  expect: Record<Actor, number>;
}

/** Every member may (with `status`); outsiders get 404, anonymous callers 401. */
export function members(status: number): Record<Actor, number> {
  return {
    administrator: status,
    processOwner: status,
    member: status,
    itemOwner: status,
    outsider: 404,
    anonymous: 401,
  };
}

/** Administrators only (with `status`); other members 403, outsiders 404, anonymous 401. */
export function administrators(status: number): Record<Actor, number> {
  return {
    administrator: status,
    processOwner: 403,
    member: 403,
    itemOwner: 403,
    outsider: 404,
    anonymous: 401,
  };
}

/** Administrators and process owners (with `status`); other members 403. */
export function administratorsAndProcessOwners(status: number): Record<Actor, number> {
  return { ...administrators(status), processOwner: status };
}

/** Anyone signed in, whatever team (with `status`); anonymous 401. */
export function signedIn(status: number): Record<Actor, number> {
  return {
    administrator: status,
    processOwner: status,
    member: status,
    itemOwner: status,
    outsider: status,
    anonymous: 401,
  };
}

/** The same status for everyone, signed in or not. */
export function everyone(status: number): Record<Actor, number> {
  return Object.fromEntries(actors.map((actor) => [actor, status])) as Record<Actor, number>;
}

export async function send(testApp: TestApp, world: World, actor: Actor, call: PermissionCall) {
  let request = testApp.http[call.method](call.path);
  const token = world.tokens[actor];
  if (token) request = request.set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(call.headers ?? {})) request = request.set(name, value);
  return call.body === undefined ? request : request.send(call.body);
}

/** Declares one test per row and actor; `context` gives the started app and its world. */
export function describePermissionMatrix(
  title: string,
  rows: PermissionRow[],
  context: () => { testApp: TestApp; world: World },
): void {
  describe(title, () => {
    const cases = rows.flatMap((row) =>
      actors.map((actor) => [row.endpoint, actor, row.expect[actor], row] as const),
    );
    it.each(cases)('%s as %s → %i', async (_endpoint, actor, status, row) => {
      const { testApp, world } = context();
      const response = await send(testApp, world, actor, await row.call(world, actor));
      if (response.status !== status) {
        throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
      }
      // A caller who is not a member never sees a team's data: the 404 is a bare problem.
      if (status === 404 || status === 401 || status === 403)
        expect(response.type).toBe('application/problem+json');
    });
  });
}
