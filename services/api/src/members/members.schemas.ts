import { Locale, Role } from '@rhythm/domain';
import type { Membership, User } from '@rhythm/persistence';
import { z } from 'zod';
import { Id, Instant, TeamParams, instant } from '../http/common.schemas.js';

export const MemberParams = TeamParams.extend({ userId: Id });

export const Roles = z
  .array(Role)
  .min(1, 'A member holds at least one role (member when nothing else)')
  .refine((roles) => new Set(roles).size === roles.length, 'Each role at most once')
  .meta({
    description:
      'administrator: manages the team, its members and plan; process_owner: runs the session cycle; member: reads and reports.',
  });

export const MemberSchema = z
  .object({
    userId: Id,
    name: z.string(),
    email: z.string().nullable(),
    locale: Locale.nullable(),
    roles: z.array(Role),
    joinedAt: Instant,
  })
  .meta({ id: 'Member' });

export const MemberListSchema = z.object({ members: z.array(MemberSchema) }).meta({ id: 'MemberList' });

export const MemberChangesSchema = z.strictObject({ roles: Roles }).meta({ id: 'MemberChanges' });

export function memberView(membership: Membership, user: User): z.input<typeof MemberSchema> {
  return {
    userId: user.id,
    name: user.name,
    email: user.email ?? null,
    locale: user.locale ?? null,
    roles: [...membership.roles],
    joinedAt: instant(membership.createdAt),
  };
}
