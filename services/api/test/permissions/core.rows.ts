// Permission rows of the core endpoints: me, teams, members and the plan.
import type { ItemType } from '@rhythm/domain';
import {
  administrators,
  everyone,
  members,
  signedIn,
  type PermissionRow,
} from '../support/permission-matrix.js';

const team = (world: { team: { id: string } }) => `/api/teams/${world.team.id}`;

export const coreRows: PermissionRow[] = [
  { endpoint: 'GET /api/me', call: () => ({ method: 'get', path: '/api/me' }), expect: signedIn(200) },
  {
    // Each caller changes only their own profile: an empty change keeps the shared world as it is.
    endpoint: 'PATCH /api/me',
    call: () => ({ method: 'patch', path: '/api/me', body: {} }),
    expect: signedIn(200),
  },
  {
    endpoint: 'POST /api/teams',
    call: () => ({ method: 'post', path: '/api/teams', body: { name: 'New team' } }),
    expect: signedIn(201),
  },
  {
    endpoint: 'GET /api/teams/{teamId}',
    call: (w) => ({ method: 'get', path: team(w) }),
    expect: members(200),
  },
  {
    endpoint: 'PATCH /api/teams/{teamId}',
    call: (w) => ({ method: 'patch', path: team(w), body: { sendHour: 9 } }),
    expect: administrators(200),
  },
  {
    endpoint: 'GET /api/teams/{teamId}/members',
    call: (w) => ({ method: 'get', path: `${team(w)}/members` }),
    expect: members(200),
  },
  {
    endpoint: 'PATCH /api/teams/{teamId}/members/{userId}',
    call: async (w) => ({
      method: 'patch',
      path: `${team(w)}/members/${(await w.create.member()).id}`,
      body: { roles: ['process_owner'] },
    }),
    expect: administrators(200),
  },
  {
    endpoint: 'DELETE /api/teams/{teamId}/members/{userId}',
    call: async (w) => ({ method: 'delete', path: `${team(w)}/members/${(await w.create.member()).id}` }),
    expect: administrators(204),
  },
  {
    // A member whose address bounced: administrators lift it (each call suppresses a fresh one).
    endpoint: 'DELETE /api/teams/{teamId}/members/{userId}/email-suppression',
    call: async (w) => {
      const user = await w.create.member();
      await w.suppress(user.email!);
      return { method: 'delete', path: `${team(w)}/members/${user.id}/email-suppression` };
    },
    expect: administrators(204),
  },
  ...planRows('strategy', 'strategies'),
  ...planRows('kpi', 'kpis'),
  ...planRows('action', 'actions'),
  // Not in a test run: development sign-in does not exist outside NODE_ENV=development.
  {
    endpoint: 'POST /api/dev/token',
    call: (w) => ({ method: 'post', path: '/api/dev/token', body: { email: w.users.member.email! } }),
    expect: everyone(404),
  },
  // Public (signed by Resend instead); the permission world configures no webhook secret: 503.
  {
    endpoint: 'POST /api/webhooks/resend',
    call: () => ({ method: 'post', path: '/api/webhooks/resend', body: { type: 'email.delivered' } }),
    expect: everyone(503),
  },
  // Likewise (see dev-users.test.ts for development, where it is public).
  {
    endpoint: 'GET /api/dev/users',
    call: () => ({ method: 'get', path: '/api/dev/users' }),
    expect: everyone(404),
  },
];

function planRows(type: ItemType, plural: string): PermissionRow[] {
  const collection = `/api/teams/{teamId}/${plural}`;
  const strategyId = (w: Parameters<PermissionRow['call']>[0]) =>
    type === 'strategy' ? {} : { strategyId: w.items.strategy.id };
  return [
    {
      endpoint: `GET ${collection}`,
      call: (w) => ({ method: 'get', path: `${team(w)}/${plural}` }),
      expect: members(200),
    },
    {
      endpoint: `POST ${collection}`,
      call: (w) => ({
        method: 'post',
        path: `${team(w)}/${plural}`,
        body: { title: 'New', ...strategyId(w) },
      }),
      expect: administrators(201),
    },
    {
      endpoint: `PATCH ${collection}/{itemId}`,
      call: async (w) => ({
        method: 'patch',
        path: `${team(w)}/${plural}/${(await w.create.item(type)).id}`,
        body: { title: 'Renamed', ownerId: w.users.member.id },
      }),
      expect: administrators(200),
    },
    {
      endpoint: `DELETE ${collection}/{itemId}`,
      call: async (w) => ({
        method: 'delete',
        path: `${team(w)}/${plural}/${(await w.create.item(type)).id}`,
      }),
      expect: administrators(204),
    },
  ];
}
