// My overview: for each team of the caller, the next scheduled session, the caller's items it
// involves with their current report (by the domain's currency rule, as the workflow judges them),
// and the web app's links to the session's items and its reports. All teams are read together
// (loadOwnNextSessionReviews), so a member of many teams costs as many queries as one of one.
import { currentReportFor, todayIn } from '@rhythm/domain';
import {
  Membership,
  loadOwnNextSessionReviews,
  type EntityManager,
  type OwnSessionReview,
  type User,
} from '@rhythm/persistence';
import type { OverviewView } from './overview.schemas.js';

type TeamOverview = OverviewView['teams'][number];
const DAY_MS = 24 * 60 * 60 * 1000;

export async function myOverview(em: EntityManager, caller: User, now: Date): Promise<OverviewView> {
  const memberships = await em.find(
    Membership,
    { user: caller.id },
    { populate: ['team'], orderBy: { team: { name: 'asc' }, id: 'asc' } },
  );
  const teams = memberships.map((membership) => {
    const team = membership.team.getEntity();
    return { id: team.id, timeZone: team.timeZone, today: todayIn(team.timeZone, now) };
  });
  const reviews = await loadOwnNextSessionReviews(em, caller.id, teams);
  return {
    teams: memberships.map((membership, index) => {
      const team = membership.team.getEntity();
      const review = reviews.get(team.id);
      return {
        id: team.id,
        name: team.name,
        roles: [...membership.roles],
        nextSession: review ? nextSession(review, teams[index]!.today) : null,
      };
    }),
  };
}

function nextSession(review: OwnSessionReview, today: string): TeamOverview['nextSession'] {
  const { session } = review;
  const base = `/teams/${review.teamId}/sessions/${session.id}`;
  return {
    id: session.id,
    date: session.date,
    kind: session.kind,
    daysToGo: Math.round((Date.parse(session.date) - Date.parse(today)) / DAY_MS),
    items: review.items.map((item) => {
      const report = currentReportFor(item, review.reports, review.context);
      return {
        id: item.id,
        type: item.type,
        title: item.title,
        report: report
          ? {
              id: report.id,
              progress: report.progress,
              trafficLight: report.trafficLight,
              createdAt: report.createdAt.toISOString(),
            }
          : null,
        links: { report: `${base}/items/${item.id}/report` },
      };
    }),
    links: { itemsInvolved: base, progressReports: `${base}/reports` },
  };
}
