import type { Role as RoleType } from '@rhythm/domain';
import { Role } from '@rhythm/domain';
import type { Invitation, Team, User } from '@rhythm/persistence';
import { z } from 'zod';
import { Email, Id, Instant, TeamParams, instant } from '../http/common.schemas.js';
import { Roles } from '../members/members.schemas.js';
import { TeamSchema, teamView } from '../teams/teams.schemas.js';

export const InvitationParams = TeamParams.extend({ invitationId: Id });

export const NewInvitationSchema = z
  .strictObject({
    email: Email,
    roles: Roles.optional().meta({ description: 'Granted on acceptance; defaults to ["member"].' }),
  })
  .meta({ id: 'NewInvitation' });

export const InvitationSchema = z
  .object({
    id: Id,
    /** Only what the administrator typed: nothing about whether the address has an account. */
    email: z.string(),
    roles: z.array(Role),
    state: z.enum(['pending', 'expired']).meta({ description: 'expired: send it again to renew it.' }),
    expiresAt: Instant,
    invitedBy: z.object({ name: z.string() }).nullable(),
    /** How many emails were sent for it (1, then one more per send again). */
    sends: z.number().int().min(1),
    createdAt: Instant,
  })
  .meta({ id: 'Invitation' });

export const InvitationListSchema = z
  .object({ invitations: z.array(InvitationSchema) })
  .meta({ id: 'InvitationList' });

export const AcceptInvitationSchema = z
  .strictObject({
    token: z.string().min(1).max(200).meta({ description: 'The `token` of the email’s link.' }),
  })
  .meta({ id: 'AcceptInvitation' });

export const AcceptedInvitationSchema = z
  .object({ team: TeamSchema, roles: z.array(Role) })
  .meta({ id: 'AcceptedInvitation' });

export function invitationView(
  invitation: Invitation,
  inviter: Pick<User, 'name'> | null,
  now: Date,
): z.input<typeof InvitationSchema> {
  return {
    id: invitation.id,
    email: invitation.email,
    roles: [...invitation.roles],
    state: invitation.expiresAt > now ? 'pending' : 'expired',
    expiresAt: instant(invitation.expiresAt),
    invitedBy: inviter ? { name: inviter.name } : null,
    sends: invitation.sends,
    createdAt: instant(invitation.createdAt),
  };
}

export function acceptedView(
  team: Team,
  roles: readonly RoleType[],
): z.input<typeof AcceptedInvitationSchema> {
  return { team: teamView(team), roles: [...roles] };
}
