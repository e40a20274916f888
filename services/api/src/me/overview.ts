// My overview: for each team of the caller, the next scheduled session, the caller's items it
// involves with their current report (by the domain's currency rule, as the workflow judges them),
// and the web app's links to the session's items and its reports.
import { currentReportFor, todayIn } from '@rhythm/domain';
import {
  Membership,
  Session,
  loadSessionReview,
  type EntityManager,
  type Team,
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
  const teams: TeamOverview[] = [];
  for (const membership of memberships) {
    const team = membership.team.getEntity();
    teams.push({
      id: team.id,
      name: team.name,
      roles: [...membership.roles],
      nextSession: await nextSession(em, team, caller, now),
    });
  }
  return { teams };
}

async function nextSession(
  em: EntityManager,
  team: Team,
  caller: User,
  now: Date,
): Promise<TeamOverview['nextSession']> {
  const today = todayIn(team.timeZone, now);
  const session = await em.findOne(
    Session,
    { team: team.id, state: 'scheduled', date: { $gte: today } },
    { orderBy: { date: 'asc', createdAt: 'asc' } },
  );
  if (!session) return null;
  const review = await loadSessionReview(em, session.id);
  const mine = review.items.filter((item) => item.ownerId === caller.id);
  const base = `/teams/${team.id}/sessions/${session.id}`;
  return {
    id: session.id,
    date: session.date,
    kind: session.kind,
    daysToGo: Math.round((Date.parse(session.date) - Date.parse(today)) / DAY_MS),
    items: mine.map((item) => {
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
