// The ops way in when no administrator is left to invite anyone (`rhythm-db make-admin`): makes an
// existing user an administrator of a team, adding the membership if needed. Not an API route on
// purpose: it is for someone with database access, not for a signed-in user.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Membership } from '../membership/membership.entity.js';
import { Team } from '../team/team.entity.js';
import { User } from '../user/user.entity.js';

export type MakeAdminResult = 'already' | 'promoted' | 'added';

/** `team` is a team's id or its exact name; throws with a message for ops when either is not found or is ambiguous. */
export async function makeAdministrator(
  em: EntityManager,
  { email, team }: { email: string; team: string },
): Promise<MakeAdminResult> {
  return em.transactional(async (tx) => {
    const user = await tx.findOne(User, { email: { $ilike: email.trim() } });
    if (!user) throw new Error(`no user with the email ${email} (they sign in once first)`);
    const uuid = /^[0-9a-f-]{36}$/i.test(team);
    const teams = await tx.find(Team, uuid ? { id: team } : { name: team }, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
    });
    if (teams.length === 0) throw new Error(`no team ${team}`);
    if (teams.length > 1) throw new Error(`${teams.length} teams are named ${team}: give its id instead`);
    const found = teams[0]!;
    const membership = await tx.findOne(Membership, { team: found.id, user: user.id });
    if (!membership) {
      tx.create(Membership, { team: found, user, roles: ['administrator'] });
      return 'added';
    }
    if (membership.roles.includes('administrator')) return 'already';
    membership.roles = [...membership.roles, 'administrator'];
    return 'promoted';
  });
}
