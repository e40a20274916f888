// Permission rows of invitations and leaving a team. Rows that change things make their own
// target (a fresh invitation, a team of its own), so every actor meets the same state.
import { newId } from '@rhythm/persistence';
import { administrators, members, signedIn, type PermissionRow } from '../support/permission-matrix.js';
import type { Actor, World } from '../support/world.js';

const invitations = (w: World) => `/api/teams/${w.team.id}/invitations`;

/** A team of its own with an administrator, and the actor in it unless they are an outsider. */
async function teamToLeave(w: World, actor: Actor) {
  const someoneElse = await w.create.member(['administrator']);
  const roles = { administrator: ['administrator'], processOwner: ['process_owner'] } as const;
  const actorUser = actor === 'anonymous' || actor === 'outsider' ? [] : [w.users[actor]];
  return w.create.team([
    { user: someoneElse, roles: ['administrator'] },
    ...actorUser.map((user) => ({ user, roles: [...(roles[actor as keyof typeof roles] ?? ['member'])] })),
  ]);
}

export const invitationRows: PermissionRow[] = [
  {
    endpoint: 'POST /api/teams/{teamId}/invitations',
    call: (w) => ({ method: 'post', path: invitations(w), body: { email: `new-${newId()}@example.com` } }),
    expect: administrators(201),
  },
  {
    endpoint: 'GET /api/teams/{teamId}/invitations',
    call: (w) => ({ method: 'get', path: invitations(w) }),
    expect: administrators(200),
  },
  {
    endpoint: 'POST /api/teams/{teamId}/invitations/{invitationId}/resend',
    call: async (w) => ({
      method: 'post',
      path: `${invitations(w)}/${(await w.create.invitation()).id}/resend`,
    }),
    expect: administrators(200),
  },
  {
    endpoint: 'DELETE /api/teams/{teamId}/invitations/{invitationId}',
    call: async (w) => ({ method: 'delete', path: `${invitations(w)}/${(await w.create.invitation()).id}` }),
    expect: administrators(204),
  },
  {
    // Anyone signed in with the invited address: each actor accepts one to a team of its own.
    endpoint: 'POST /api/invitations/accept',
    call: async (w, actor) => {
      const team = await w.create.team([]);
      const email = actor === 'anonymous' ? undefined : w.users[actor].email!;
      const token = newId();
      await w.create.invitation({ teamId: team.id, token, ...(email ? { email } : {}) });
      return { method: 'post', path: '/api/invitations/accept', body: { token } };
    },
    expect: signedIn(200),
  },
  {
    endpoint: 'DELETE /api/teams/{teamId}/members/me',
    call: async (w, actor) => ({
      method: 'delete',
      path: `/api/teams/${(await teamToLeave(w, actor)).id}/members/me`,
    }),
    expect: members(204),
  },
];
