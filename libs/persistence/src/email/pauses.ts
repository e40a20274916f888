// Which owners paused Rhythm's emails in a team (EmailPause), for the owner view that the
// notification rules skip by.
import type { EntityManager } from '@mikro-orm/core';
import { EmailPause } from './email-pause.entity.js';

/** The ids among `userIds` who paused Rhythm's emails in `teamId`. */
export async function pausedIn(
  em: EntityManager,
  teamId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await em.find(EmailPause, { team: teamId, user: { $in: [...new Set(userIds)] } });
  return new Set(rows.map((row) => row.user.id));
}
