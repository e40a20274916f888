// Permission rows of the session endpoints, My overview and the development outbox. Reads share one
// session per world; changes get a fresh session per call, so every actor meets a scheduled one.
import { addDays, todayIn } from '@rhythm/domain';
import type { SessionView } from '../../src/sessions/index.js';
import {
  administratorsAndProcessOwners,
  everyone,
  members,
  signedIn,
  type PermissionRow,
} from '../support/permission-matrix.js';
import type { World } from '../support/world.js';

const sessions = (w: World) => `/api/teams/${w.team.id}/sessions`;
const shared = new WeakMap<World, Promise<SessionView>>();
/** One doing session per world for the rows that only read (or add a report). */
function sharedSession(w: World): Promise<SessionView> {
  let session = shared.get(w);
  if (!session) shared.set(w, (session = w.create.session({ daysAhead: 21 })));
  return session;
}
const readPath = async (w: World, tail = '') => `${sessions(w)}/${(await sharedSession(w)).id}${tail}`;
const freshPath = async (w: World) => `${sessions(w)}/${(await w.create.session()).id}`;
const series = (w: World, id: string) => `/api/teams/${w.team.id}/series/${id}`;
const freshSeriesPath = async (w: World) =>
  series(w, (await w.create.session({ repeat: 'weekly' })).seriesId!);

export const sessionRows: PermissionRow[] = [
  {
    endpoint: 'GET /api/me/overview',
    call: () => ({ method: 'get', path: '/api/me/overview' }),
    expect: signedIn(200),
  },
  {
    endpoint: 'GET /api/teams/{teamId}/sessions',
    call: (w) => ({ method: 'get', path: `${sessions(w)}?kind=doing` }),
    expect: members(200),
  },
  {
    endpoint: 'POST /api/teams/{teamId}/sessions',
    call: (w) => ({
      method: 'post',
      path: sessions(w),
      body: { date: addDays(todayIn(w.team.timeZone, new Date()), 30), kind: 'doing' },
    }),
    expect: administratorsAndProcessOwners(201),
  },
  {
    endpoint: 'GET /api/teams/{teamId}/sessions/{sessionId}',
    call: async (w) => ({ method: 'get', path: await readPath(w) }),
    expect: members(200),
  },
  {
    endpoint: 'PATCH /api/teams/{teamId}/sessions/{sessionId}',
    call: async (w) => ({ method: 'patch', path: await freshPath(w), body: { sendReminder: false } }),
    expect: administratorsAndProcessOwners(200),
  },
  {
    // A fresh session has no failed email: organisers get past the role check to the 409.
    endpoint: 'POST /api/teams/{teamId}/sessions/{sessionId}/retry-failed',
    call: async (w) => ({ method: 'post', path: `${await freshPath(w)}/retry-failed` }),
    expect: administratorsAndProcessOwners(409),
  },
  {
    endpoint: 'DELETE /api/teams/{teamId}/sessions/{sessionId}',
    call: async (w) => ({ method: 'delete', path: await freshPath(w) }),
    expect: administratorsAndProcessOwners(200),
  },
  {
    endpoint: 'GET /api/teams/{teamId}/sessions/{sessionId}/reports',
    call: async (w) => ({ method: 'get', path: await readPath(w, '/reports') }),
    expect: members(200),
  },
  {
    endpoint: 'PUT /api/teams/{teamId}/sessions/{sessionId}/items/{itemId}/report',
    call: async (w) => ({
      method: 'put',
      path: await readPath(w, `/items/${w.items.action.id}/report`),
      body: { progress: 60, trafficLight: 'amber', explanation: 'Halfway' },
    }),
    // The action's owner (itemOwner) or an administrator; a process owner is not enough.
    expect: {
      administrator: 200,
      processOwner: 403,
      member: 403,
      itemOwner: 200,
      outsider: 404,
      anonymous: 401,
    },
  },
  {
    endpoint: 'GET /api/teams/{teamId}/sessions/{sessionId}/status',
    call: async (w) => ({ method: 'get', path: await readPath(w, '/status') }),
    expect: members(200),
  },
  {
    endpoint: 'GET /api/teams/{teamId}/sessions/{sessionId}/calendar.ics',
    call: async (w) => ({ method: 'get', path: await readPath(w, '/calendar.ics') }),
    expect: members(200),
  },
  {
    endpoint: 'GET /api/teams/{teamId}/series/{seriesId}',
    call: async (w) => ({ method: 'get', path: await freshSeriesPath(w) }),
    expect: members(200),
  },
  {
    endpoint: 'PATCH /api/teams/{teamId}/series/{seriesId}',
    call: async (w) => ({ method: 'patch', path: await freshSeriesPath(w), body: { repeat: 'none' } }),
    expect: administratorsAndProcessOwners(200),
  },
  {
    endpoint: 'DELETE /api/teams/{teamId}/series/{seriesId}',
    call: async (w) => ({ method: 'delete', path: await freshSeriesPath(w) }),
    expect: administratorsAndProcessOwners(200),
  },
  {
    // Public and signed instead; the permission world configures no EMAIL_LINK_SECRET: 503.
    endpoint: 'POST /api/email-pause',
    call: (w) => ({
      method: 'post',
      path: `/api/email-pause?team=${w.team.id}&user=${w.users.member.id}&sig=unsigned`,
    }),
    expect: everyone(503),
  },
  {
    // Nobody in the world paused: signed-in callers reach the 404.
    endpoint: 'DELETE /api/me/email-pauses/{teamId}',
    call: (w) => ({ method: 'delete', path: `/api/me/email-pauses/${w.team.id}` }),
    expect: signedIn(404),
  },
  {
    // Signed instead; the permission world configures no EMAIL_LINK_SECRET: 503.
    endpoint: 'GET /api/calendar/{sessionId}.ics',
    call: async (w) => ({
      method: 'get',
      path: `/api/calendar/${(await sharedSession(w)).id}.ics?user=${w.users.member.id}&sig=unsigned`,
    }),
    expect: everyone(503),
  },
  // Not in a test run: the outbox route exists only with NODE_ENV=development (see dev-outbox.test.ts).
  {
    endpoint: 'GET /api/dev/outbox',
    call: () => ({ method: 'get', path: '/api/dev/outbox' }),
    expect: everyone(404),
  },
];
