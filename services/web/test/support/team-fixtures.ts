// API answers for the team pages' tests (members, invitations, the plan), typed by the generated
// OpenAPI types, and the routes those pages call for a caller with the given roles.
import type { Schemas } from '../../src/api/client';
import { TEST_NOW } from './clock';
import { baseRoutes, teamId } from './fixtures';
import { users } from './render-app';

type Role = Schemas['Member']['roles'][number];
const stamp = '2026-11-20T10:00:00.000Z';
const email = (user: { name: string }) => `${user.name.split(' ')[0]!.toLowerCase()}@example.com`;

export function member(user: { id: string; name: string }, roles: Role[]): Schemas['Member'] {
  return { userId: user.id, name: user.name, email: email(user), locale: null, roles, joinedAt: stamp };
}

export const memberList: Schemas['MemberList'] = {
  members: [
    member(users.ada, ['administrator', 'process_owner']),
    member(users.mia, ['member']),
    member(users.noah, ['process_owner']),
  ],
};

/** A pending invitation, expiring a few days after the tests' "now". */
export const invitation: Schemas['Invitation'] = {
  id: '50000000-0000-4000-8000-000000000001',
  email: 'ivy@example.com',
  roles: ['member'],
  state: 'pending',
  expiresAt: new Date(TEST_NOW.getTime() + 5 * 86_400_000).toISOString(),
  invitedBy: { name: users.ada.name },
  sends: 1,
  createdAt: stamp,
};

const owner = (user: { id: string; name: string }) => ({ id: user.id, name: user.name });
export const strategyId = '60000000-0000-4000-8000-000000000001';
export const plan = {
  strategies: [
    {
      id: strategyId,
      type: 'strategy' as const,
      title: 'Grow the community',
      owner: owner(users.ada),
      createdAt: stamp,
      updatedAt: stamp,
    },
  ],
  kpis: [
    {
      id: '60000000-0000-4000-8000-000000000002',
      type: 'kpi' as const,
      title: 'Monthly active members',
      owner: owner(users.noah),
      strategyId,
      createdAt: stamp,
      updatedAt: stamp,
    },
  ],
  actions: [
    {
      id: '60000000-0000-4000-8000-000000000003',
      type: 'action' as const,
      title: 'Write the onboarding checklist',
      owner: owner(users.mia),
      strategyId,
      createdAt: stamp,
      updatedAt: stamp,
    },
  ],
};

/** What the team pages read, for a caller with these roles (invitations: administrators only). */
export function teamRoutes(user: { id: string; name: string }, roles: Role[]) {
  const team = `/api/teams/${teamId}`;
  return {
    ...baseRoutes(user, roles),
    [`GET ${team}/members`]: memberList,
    [`GET ${team}/invitations`]: { invitations: [invitation] },
    [`GET ${team}/strategies`]: { strategies: plan.strategies },
    [`GET ${team}/kpis`]: { kpis: plan.kpis },
    [`GET ${team}/actions`]: { actions: plan.actions },
  };
}
