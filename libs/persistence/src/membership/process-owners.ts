// Whom an owner reaches by replying to Rhythm's email: the team's process owner (the one who joined
// first, when there are several), or nobody when the team has none with an address.
import type { EntityManager } from '@mikro-orm/core';
import { Membership } from './membership.entity.js';

/** Each team's process owner's address, for the teams among `teamIds` that have one. */
export async function processOwnerEmails(
  em: EntityManager,
  teamIds: readonly string[],
): Promise<Map<string, string>> {
  if (teamIds.length === 0) return new Map();
  const memberships = await em.find(
    Membership,
    { team: { $in: [...new Set(teamIds)] } },
    { populate: ['user'], orderBy: { id: 'asc' } },
  );
  const emails = new Map<string, string>();
  for (const membership of memberships) {
    const email = membership.user.getEntity().email;
    if (membership.roles.includes('process_owner') && email && !emails.has(membership.team.id))
      emails.set(membership.team.id, email);
  }
  return emails;
}
