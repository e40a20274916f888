// My overview's reads: for every team of one person at once, the team's next session with what the
// currency rules need to judge it, the person's items it involves and their reports. Three queries
// whatever the number of teams, where loading each session's review (loadSessionReview) took
// seven per team. The rules are the domain's, as loadSessionReview applies them.
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  itemsInvolved,
  reportWindow,
  type CalendarDate,
  type CurrencyContext,
  type SessionKind,
} from '@rhythm/domain';
import { PlanItem } from '../plan/plan-item.entity.js';
import { ProgressReport } from '../report/progress-report.entity.js';
import { reviewReport, type ReviewItem, type SessionReview } from './session-review.js';

export interface TeamToday {
  id: string;
  timeZone: string;
  /** Today in the team's zone: its next session is the first scheduled one from this day on. */
  today: CalendarDate;
}

/** One team's next session as the owner sees it: their involved items, those items' reports. */
export interface OwnSessionReview {
  teamId: string;
  session: { id: string; kind: SessionKind; date: CalendarDate };
  context: CurrencyContext;
  /** The owner's items the session involves, oldest first. */
  items: ReviewItem[];
  /** Reports on those items that can be current for the session (linked to it, or in a window). */
  reports: SessionReview['reports'];
}

interface NextSessionRow {
  id: string;
  team_id: string;
  date: CalendarDate;
  kind: SessionKind;
  previous_held_date: CalendarDate | null;
}

// Per team (unnest pairs each team with its own today), the first scheduled session from that day
// on, by date then creation as a single team's query orders them; beside it, the latest held
// session of its kind before it, which is what previousHeldSessionDate picks.
const NEXT_SESSIONS = `
  select next.id, next.team_id, next.date, next.kind,
    (select max(held.date) from "session" held
      where held.team_id = next.team_id and held.kind = next.kind
        and held.state = 'held' and held.date < next.date) as previous_held_date
  from (
    select distinct on (s.team_id) s.id, s.team_id, s.date, s.kind
    from "session" s
    join unnest(array[?]::uuid[], array[?]::date[]) as team(id, today) on s.team_id = team.id
    where s.state = 'scheduled' and s.date >= team.today
    order by s.team_id, s.date, s.created_at, s.id
  ) next`;

/** Keyed by team id; a team without a scheduled session from its today on has no entry. */
export async function loadOwnNextSessionReviews(
  em: EntityManager,
  ownerId: string,
  teams: readonly TeamToday[],
): Promise<Map<string, OwnSessionReview>> {
  if (teams.length === 0) return new Map();
  const zones = new Map(teams.map((team) => [team.id, team.timeZone]));
  const rows = await em.execute<NextSessionRow[]>(NEXT_SESSIONS, [
    teams.map((team) => team.id),
    teams.map((team) => team.today),
  ]);
  if (rows.length === 0) return new Map();
  const reviews = new Map<string, OwnSessionReview>(
    rows.map((row) => {
      const session = { id: row.id, kind: row.kind, date: row.date };
      const context: CurrencyContext = {
        session,
        previousHeldSessionDate: row.previous_held_date,
        timeZone: zones.get(row.team_id)!,
      };
      return [row.team_id, { teamId: row.team_id, session, context, items: [], reports: [] }];
    }),
  );

  const owned = await em.find(
    PlanItem,
    { owner: ownerId, team: { $in: [...reviews.keys()] } },
    { fields: ['team', 'type', 'title', 'owner'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const ownedIn = new Map<string, typeof owned>();
  for (const item of owned) ownedIn.set(item.team.id, [...(ownedIn.get(item.team.id) ?? []), item]);
  for (const review of reviews.values()) {
    review.items = itemsInvolved(review.session.kind, ownedIn.get(review.teamId) ?? []).map((item) => ({
      id: item.id,
      type: item.type,
      title: item.title,
      ownerId,
    }));
  }
  await attachReports(em, [...reviews.values()]);
  return reviews;
}

/** One query for all items: only reports that can be current somewhere are read. */
async function attachReports(em: EntityManager, reviews: OwnSessionReview[]): Promise<void> {
  const itemIds = reviews.flatMap((review) => review.items.map((item) => item.id));
  if (itemIds.length === 0) return;
  // A window per type present, not per item: each one is a few time-zone conversions.
  const since = Math.min(
    ...reviews.flatMap((review) =>
      [...new Set(review.items.map((item) => item.type))].map((type) =>
        reportWindow(type, review.context).from.getTime(),
      ),
    ),
  );
  const reports = await em.find(
    ProgressReport,
    {
      item: { $in: itemIds },
      $or: [
        { createdAt: { $gte: new Date(since) } },
        { session: { $in: reviews.map((review) => review.session.id) } },
      ],
    },
    { fields: ['item', 'session', 'createdAt', 'progress', 'trafficLight'], orderBy: { createdAt: 'asc' } },
  );
  const reviewOf = new Map(reviews.flatMap((review) => review.items.map((item) => [item.id, review])));
  for (const report of reports) reviewOf.get(report.item.id)?.reports.push(reviewReport(report));
}
