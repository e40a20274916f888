// Who gets a session's escalation the day before, and what it lists: the team's process owners,
// each with every involved item still without a current report and that item's owner. The same
// "missing reports" reading as the reminder's, so the two emails never disagree.
import { ownerOf, type CalendarDate, type OwnerWithItems } from '@rhythm/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Membership } from '../membership/membership.entity.js';
import { loadSessionReview, ownersMissingReports } from './session-review.js';

export interface Escalation {
  /** How many involved items have no current report; 0: nothing to escalate. */
  missing: number;
  /** One entry per process owner, all with the same items (each carrying its owner's name). */
  to: OwnerWithItems[];
}

export async function escalationOf(
  em: EntityManager,
  sessionId: string,
  sessionDate: CalendarDate,
): Promise<Escalation> {
  const review = await loadSessionReview(em, sessionId, sessionDate);
  const items = ownersMissingReports(review).flatMap((owner) =>
    owner.items.map((item) => ({ ...item, ownerName: owner.name })),
  );
  if (items.length === 0) return { missing: 0, to: [] };
  const team = review.session.team.getEntity();
  const memberships = await em.find(
    Membership,
    { team: team.id },
    { populate: ['user'], orderBy: { id: 'asc' } },
  );
  // Bounces and pauses are not read here: the notifier checks them just before it sends.
  const to = memberships
    .filter((membership) => membership.roles.includes('process_owner'))
    .map((membership) => ({ ...ownerOf(membership.user.getEntity(), team.locale, true), items }));
  return { missing: items.length, to };
}
