// The benchmark's long calendar: a team of `member` with a session every three days, alternating
// doing and steering, the past ones held and the rest scheduled, six items and a report on each
// item every ten days, so every listed session has counts worth computing.
import { addDays, todayIn, type SessionKind } from '@rhythm/domain';
import {
  Membership,
  PlanItem,
  ProgressReport,
  Session,
  Team,
  type Orm,
  type User,
} from '@rhythm/persistence';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function calendarTeam(orm: Orm, member: User, sessions: number): Promise<Team> {
  const em = orm.em.fork();
  const team = em.create(Team, { name: 'Bench calendar', timeZone: 'Europe/Amsterdam', locale: 'en' });
  em.create(Membership, { team, user: member.id, roles: ['member'] });
  const strategy = em.create(PlanItem, { team, type: 'strategy', title: 'Strategy', owner: member.id });
  const items = [strategy];
  for (const type of ['kpi', 'kpi', 'action', 'action', 'action'] as const)
    items.push(em.create(PlanItem, { team, type, title: `A ${type}`, owner: member.id, strategy }));

  const today = todayIn(team.timeZone, new Date());
  const first = -3 * Math.floor((sessions * 3) / 4); // three quarters of them in the past
  for (let index = 0; index < sessions; index++) {
    const date = addDays(today, first + 3 * index);
    const kind: SessionKind = index % 2 ? 'steering' : 'doing';
    em.create(Session, { team, date, kind, state: date < today ? 'held' : 'scheduled' });
  }
  for (let daysAgo = 0; daysAgo < -first; daysAgo += 10)
    for (const item of items)
      em.create(ProgressReport, {
        item,
        author: member.id,
        createdAt: new Date(Date.now() - daysAgo * DAY_MS),
        progress: 50,
        trafficLight: 'green',
        explanation: 'Bench data',
      });
  await em.flush();
  return team;
}
