// Everything the rules need to judge one session: the items it involves with their owners, their
// reports, and the previous held session of its kind. The workflow's activities and the API's
// process-status page both read it, so "who still has to report" has one answer.
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  groupByOwner,
  involvedItemTypes,
  missingReports,
  ownerOf,
  previousHeldSessionDate,
  type CalendarDate,
  type CurrencyContext,
  type Locale,
  type OwnerWithItems,
  type ReportStamp,
} from '@rhythm/domain';
import { Membership } from '../membership/membership.entity.js';
import { PlanItem } from '../plan/plan-item.entity.js';
import { ProgressReport } from '../report/progress-report.entity.js';
import { pausedIn } from '../email/pauses.js';
import { suppressedReason, suppressionsOf } from '../email/suppressions.js';
import { Session } from './session.entity.js';

export interface ReviewItem {
  id: string;
  type: PlanItem['type'];
  title: string;
  ownerId: string;
}

export interface ReviewOwner {
  userId: string;
  name: string;
  email: string | null;
  locale: Locale;
  member: boolean;
}

export interface SessionReview {
  session: Session;
  context: CurrencyContext;
  items: ReviewItem[];
  owners: Map<string, ReviewOwner>;
  reports: (ReportStamp & { id: string; progress: number; trafficLight: ProgressReport['trafficLight'] })[];
}

/** Loads the review of a session; `sessionDate` overrides the row's date (the workflow's view). */
export async function loadSessionReview(
  em: EntityManager,
  sessionId: string,
  sessionDate?: CalendarDate,
): Promise<SessionReview> {
  const session = await em.findOneOrFail(Session, { id: sessionId }, { populate: ['team'] });
  const team = session.team.getEntity();
  const date = sessionDate ?? session.date;
  const [items, members, history] = await Promise.all([
    em.find(
      PlanItem,
      { team: team.id, type: { $in: [...involvedItemTypes(session.kind)] } },
      { populate: ['owner'], orderBy: { createdAt: 'asc', id: 'asc' } },
    ),
    em.find(Membership, { team: team.id }, { fields: ['user'] }),
    // Only the latest held session of the kind before this one matters for "current".
    em.find(
      Session,
      { team: team.id, kind: session.kind, state: 'held', date: { $lt: date } },
      { fields: ['date', 'kind', 'state'], orderBy: { date: 'desc' }, limit: 1 },
    ),
  ]);
  const context: CurrencyContext = {
    session: { id: session.id, kind: session.kind, date },
    previousHeldSessionDate: previousHeldSessionDate({ kind: session.kind, date }, history),
    timeZone: team.timeZone,
  };
  const memberIds = new Set(members.map((membership) => membership.user.id));
  const suppressions = await suppressionsOf(
    em,
    items.map((item) => item.owner.getEntity().email),
  );
  const paused = await pausedIn(
    em,
    team.id,
    items.map((item) => item.owner.id),
  );
  const owners = new Map<string, ReviewOwner>();
  for (const item of items) {
    const owner = item.owner.getEntity();
    owners.set(
      owner.id,
      ownerOf(
        owner,
        team.locale,
        memberIds.has(owner.id),
        suppressedReason(suppressions, owner.email),
        paused.has(owner.id),
      ),
    );
  }
  const reports = items.length
    ? await em.find(
        ProgressReport,
        { item: { $in: items.map((item) => item.id) } },
        { orderBy: { createdAt: 'asc' } },
      )
    : [];
  return {
    session,
    context,
    items: items.map((item) => ({ id: item.id, type: item.type, title: item.title, ownerId: item.owner.id })),
    owners,
    reports: reports.map(reviewReport),
  };
}

/** A report row as the currency rules and the views read it. */
export function reviewReport(
  report: Pick<ProgressReport, 'id' | 'item' | 'session' | 'createdAt' | 'progress' | 'trafficLight'>,
): SessionReview['reports'][number] {
  return {
    id: report.id,
    itemId: report.item.id,
    sessionId: report.session?.id ?? null,
    createdAt: report.createdAt,
    progress: report.progress,
    trafficLight: report.trafficLight,
  };
}

/** Every owner of an involved item, each with those items. */
export function ownersToInvite(review: SessionReview): OwnerWithItems[] {
  return withOwners(review, groupByOwner(review.items));
}

/** Owners with at least one involved item still without a current report, each with those items. */
export function ownersMissingReports(review: SessionReview): OwnerWithItems[] {
  return withOwners(review, missingReports(review.items, review.reports, review.context));
}

function withOwners(
  review: SessionReview,
  groups: { ownerId: string; items: ReviewItem[] }[],
): OwnerWithItems[] {
  return groups.flatMap(({ ownerId, items }) => {
    const owner = review.owners.get(ownerId);
    return owner ? [{ ...owner, items: items.map(({ id, type, title }) => ({ id, type, title })) }] : [];
  });
}
