// A team's members and their roles. Members read the list and may leave; administrators change
// roles and remove members. People join only by accepting an invitation (invitations/): there is
// no adding someone by email without their consent.
import type { Role } from '@rhythm/domain';
import { EmailSuppression, LockMode, Membership, Team, type EntityManager } from '@rhythm/persistence';
import { ConflictError, NotFoundError } from '../errors.js';
import { TeamParams } from '../http/common.schemas.js';
import { defineRoute } from '../http/route.js';
import {
  MemberChangesSchema,
  MemberListSchema,
  MemberParams,
  MemberSchema,
  memberView,
} from './members.schemas.js';

const administrators = { roles: ['administrator'] as const };

export const listMembers = defineRoute({
  method: 'get',
  path: '/api/teams/{teamId}/members',
  operationId: 'listMembers',
  summary: 'The members of a team with their roles',
  tags: ['members'],
  team: {},
  request: { params: TeamParams },
  responses: { 200: MemberListSchema },
  handler: async ({ member, em }) => {
    const memberships = await em.find(
      Membership,
      { team: member.team.id },
      { populate: ['user'], orderBy: { user: { name: 'asc' }, id: 'asc' } },
    );
    return {
      status: 200,
      body: { members: memberships.map((membership) => memberView(membership, membership.user.getEntity())) },
    };
  },
});

// Before removeMember: Express matches /members/me here rather than as a user id.
export const leaveTeam = defineRoute({
  method: 'delete',
  path: '/api/teams/{teamId}/members/me',
  operationId: 'leaveTeam',
  summary: 'Leave the team; the items you own keep you as owner. The last administrator cannot leave (409)',
  tags: ['members'],
  team: {},
  request: { params: TeamParams },
  responses: { 204: null },
  problems: [409],
  handler: async ({ member, em }) => {
    await em.transactional(async (tx) => {
      const membership = await lockedMembership(tx, member.team.id, member.user.id);
      await keepAnAdministrator(tx, membership, 'leave the team');
      tx.remove(membership);
    });
    return { status: 204 };
  },
});

export const updateMember = defineRoute({
  method: 'patch',
  path: '/api/teams/{teamId}/members/{userId}',
  operationId: 'updateMember',
  summary: 'Change a member’s roles (administrators)',
  tags: ['members'],
  team: administrators,
  request: { params: MemberParams, body: MemberChangesSchema },
  responses: { 200: MemberSchema },
  problems: [409],
  handler: async ({ member, params, body, em }) => {
    const membership = await em.transactional(async (tx) => {
      const membership = await lockedMembership(tx, member.team.id, params.userId);
      if (!body.roles.includes('administrator'))
        await keepAnAdministrator(tx, membership, 'lose the administrator role');
      membership.roles = [...body.roles] as Role[];
      return membership;
    });
    return { status: 200, body: memberView(membership, membership.user.getEntity()) };
  },
});

export const removeMember = defineRoute({
  method: 'delete',
  path: '/api/teams/{teamId}/members/{userId}',
  operationId: 'removeMember',
  summary: 'Remove a member from the team (administrators); the items they own keep them as owner',
  tags: ['members'],
  team: administrators,
  request: { params: MemberParams },
  responses: { 204: null },
  problems: [409],
  handler: async ({ member, params, em }) => {
    await em.transactional(async (tx) => {
      const membership = await lockedMembership(tx, member.team.id, params.userId);
      await keepAnAdministrator(tx, membership, 'leave the team');
      tx.remove(membership);
    });
    return { status: 204 };
  },
});

/**
 * The membership, with the team's row locked: role changes of one team run one at a time, so two
 * administrators demoting each other at once cannot leave the team without one.
 */
export const clearEmailSuppression = defineRoute({
  method: 'delete',
  path: '/api/teams/{teamId}/members/{userId}/email-suppression',
  operationId: 'clearEmailSuppression',
  summary: 'Email a member again whose address bounced (administrators)',
  description:
    'Once the mailbox works again, the bounce of their current address is lifted and the next emails go out. 404 when ' +
    'their address did not bounce. A spam complaint is not lifted here: it is the member’s own wish.',
  tags: ['members'],
  team: administrators,
  request: { params: MemberParams },
  responses: { 204: null },
  handler: async ({ member, params, em }) => {
    const membership = await em.findOne(
      Membership,
      { team: member.team.id, user: params.userId },
      { populate: ['user'] },
    );
    const address = membership?.user.getEntity().email?.toLowerCase();
    // Only a bounce: a spam complaint is the person's own wish, and only they take it back.
    const cleared = address ? await em.nativeDelete(EmailSuppression, { address, reason: 'bounced' }) : 0;
    if (!cleared) throw new NotFoundError(`No bounced address for user ${params.userId} in this team.`);
    return { status: 204 };
  },
});

async function lockedMembership(tx: EntityManager, teamId: string, userId: string): Promise<Membership> {
  await tx.findOneOrFail(Team, { id: teamId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const membership = await tx.findOne(Membership, { team: teamId, user: userId }, { populate: ['user'] });
  if (!membership) throw new NotFoundError(`User ${userId} is not a member of this team.`);
  return membership;
}

async function keepAnAdministrator(tx: EntityManager, membership: Membership, change: string): Promise<void> {
  if (!membership.roles.includes('administrator')) return;
  const others = await tx.count(Membership, {
    team: membership.team.id,
    roles: { $contains: ['administrator'] },
    id: { $ne: membership.id },
  });
  if (others === 0)
    throw new ConflictError(
      `The team’s last administrator cannot ${change}; make someone else administrator first.`,
    );
}

export const memberRoutes = [listMembers, leaveTeam, updateMember, removeMember, clearEmailSuppression];
