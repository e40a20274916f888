// GET /api/me/overview asks the database a fixed number of times however many teams the caller is
// in, and answers what the per-session review (loadSessionReview, as Process status and the
// workflow read a session) says for each team, across time zones, kinds and kinds of report.
import { currentReportFor, todayIn } from '@rhythm/domain';
import { Session, loadSessionReview, type Team, type User } from '@rhythm/persistence';
import { memberOfTeams } from '@rhythm/persistence/testing';
import type { OverviewView } from '../src/me/overview.schemas.js';
import { queriesDuring } from './support/query-counter.js';
import { useTestApp } from './support/test-app.js';

const testApp = useTestApp();

async function overviewOf(user: User): Promise<OverviewView> {
  const response = await testApp()
    .http.get('/api/me/overview')
    .set('Authorization', `Bearer ${await testApp().token(user)}`);
  expect(response.status).toBe(200);
  return response.body;
}

it('asks the database as many times for 20 teams as for 1', async () => {
  const one = await memberOfTeams(testApp().orm, 1);
  const twenty = await memberOfTeams(testApp().orm, 20);
  const token = { one: await testApp().token(one.user), twenty: await testApp().token(twenty.user) };
  const count = async (bearer: string) =>
    queriesDuring(testApp().orm, () =>
      testApp().http.get('/api/me/overview').set('Authorization', `Bearer ${bearer}`).expect(200),
    );
  const forOne = await count(token.one);
  const forTwenty = await count(token.twenty);
  expect(forTwenty).toHaveLength(forOne.length);
  // The caller, their memberships, the next sessions, their items, those items' reports.
  expect(forOne.length).toBeLessThanOrEqual(5);
});

it('answers for each team what the session’s own review says', async () => {
  const { user, teams } = await memberOfTeams(testApp().orm, 20);
  const overview = await overviewOf(user);
  expect(overview.teams.map((team) => team.id)).toEqual(teams.map((team) => team.id));
  expect(overview.teams.filter((team) => team.nextSession === null)).toHaveLength(4);
  expect(overview.teams.flatMap((team) => team.nextSession?.items ?? []).length).toBeGreaterThan(20);
  for (const [index, team] of teams.entries())
    expect(brief(overview.teams[index]!)).toEqual(await reviewed(team, user));
});

type Brief = { sessionId: string; daysToGo: number; items: [string, string | null][] } | null;

function brief(team: OverviewView['teams'][number]): Brief {
  const next = team.nextSession;
  if (!next) return null;
  const items = next.items.map((item): [string, string | null] => [item.id, item.report?.id ?? null]);
  return { sessionId: next.id, daysToGo: next.daysToGo, items };
}

/** One team the way the overview answered before it batched: one session, one review at a time. */
async function reviewed(team: Team, user: User): Promise<Brief> {
  const em = testApp().orm.em.fork();
  const today = todayIn(team.timeZone, new Date());
  const next = await em.findOne(
    Session,
    { team: team.id, state: 'scheduled', date: { $gte: today } },
    { orderBy: { date: 'asc', createdAt: 'asc' } },
  );
  if (!next) return null;
  const review = await loadSessionReview(em, next.id);
  return {
    sessionId: next.id,
    daysToGo: Math.round((Date.parse(next.date) - Date.parse(today)) / 86_400_000),
    items: review.items
      .filter((item) => item.ownerId === user.id)
      .map((item) => [item.id, currentReportFor(item, review.reports, review.context)?.id ?? null]),
  };
}
