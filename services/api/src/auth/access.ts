// Who may do what in a team. The rules:
// - a team the caller does not belong to does not exist for them: 404, never 403, never data;
// - administrators manage the team, its members and roles, and the plan;
// - an item's owner, or an administrator, writes the item's progress report;
// - every member reads.
// Route specs use these through `team: { roles }` (see http/route.ts); handlers and services
// call them directly for rules that depend on the data (canWriteReport).
import type { Role } from '@rhythm/domain';
import { Membership, type EntityManager, type Team, type User } from '@rhythm/persistence';
import { ForbiddenError, NotFoundError } from '../errors.js';

/** The caller as a member of one team. */
export interface TeamMember {
  team: Team;
  user: User;
  membership: Membership;
  roles: readonly Role[];
}

/** The caller's membership of `teamId`, or NotFoundError when there is none (or no such team). */
export async function requireMembership(
  em: EntityManager,
  caller: User,
  teamId: string,
): Promise<TeamMember> {
  const membership = await em.findOne(Membership, { team: teamId, user: caller.id }, { populate: ['team'] });
  // The same answer whether the team is missing or someone else's: its existence is not disclosed.
  if (!membership) throw new NotFoundError(`Team ${teamId} not found.`);
  return { team: membership.team.getEntity(), user: caller, membership, roles: membership.roles };
}

export function hasRole(member: TeamMember, ...roles: Role[]): boolean {
  return roles.some((role) => member.roles.includes(role));
}

export function isAdministrator(member: TeamMember): boolean {
  return hasRole(member, 'administrator');
}

/** ForbiddenError unless the member holds at least one of `roles`. */
export function requireRole(member: TeamMember, ...roles: Role[]): void {
  if (!hasRole(member, ...roles)) {
    throw new ForbiddenError(
      `Only a team ${roles.map((role) => role.replace('_', ' ')).join(' or ')} may do this.`,
    );
  }
}

/** An item as the report rule needs it: its team and owner (entity references or ids). */
export interface OwnedItem {
  team: { id: string };
  owner: { id: string };
}

/** The item's owner or an administrator, and only for an item of the member's own team. */
export function canWriteReport(member: TeamMember, item: OwnedItem): boolean {
  if (item.team.id !== member.team.id) return false;
  return item.owner.id === member.user.id || isAdministrator(member);
}

/** ForbiddenError unless canWriteReport. */
export function requireReportWriter(member: TeamMember, item: OwnedItem): void {
  if (!canWriteReport(member, item))
    throw new ForbiddenError('Only the item’s owner or a team administrator may report on it.');
}

/**
 * The checks bound to one request's caller and entity manager, so handlers write
 * `await access.requireMembership(teamId)`. Memberships are looked up once per request.
 */
export class Access {
  private readonly members = new Map<string, Promise<TeamMember>>();

  constructor(
    private readonly em: EntityManager,
    readonly caller: User,
  ) {}

  requireMembership(teamId: string, ...roles: Role[]): Promise<TeamMember> {
    let member = this.members.get(teamId);
    if (!member) {
      member = requireMembership(this.em, this.caller, teamId);
      this.members.set(teamId, member);
    }
    return roles.length ? member.then((found) => (requireRole(found, ...roles), found)) : member;
  }
}
