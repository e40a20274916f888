// One person in many teams, each team with what My overview reads: held sessions of both kinds,
// a next session (or none), the person's items and someone else's, and reports that are current
// and that are not. The overview's query-count and equivalence tests and bench/reads use it.
import { addDays, todayIn, type CalendarDate, type SessionKind } from '@rhythm/domain';
import { newId } from '../common/id.js';
import { Membership, PlanItem, ProgressReport, Session, Team, User, type Orm } from '../index.js';

// Kiritimati (UTC+14) and Pago Pago (UTC-11) are on different calendar days most of the day, so a
// team's "today" is only right when taken in that team's own zone.
const ZONES = ['Pacific/Kiritimati', 'Europe/Amsterdam', 'America/New_York', 'Pacific/Pago_Pago'];
const DAY_MS = 24 * 60 * 60 * 1000;

export interface MemberOfTeams {
  user: User;
  teams: Team[];
}

/** `count` teams named `<prefix> 000`, … with `user` a member of each (a new user by default). */
export async function memberOfTeams(
  orm: Orm,
  count: number,
  { now = new Date(), prefix = 'Team' }: { now?: Date; prefix?: string } = {},
): Promise<MemberOfTeams> {
  const em = orm.em.fork();
  const user = em.create(User, { name: 'Many Teams', email: `many-${newId()}@example.com`, locale: null });
  const colleague = em.create(User, { name: 'Colleague', email: null, locale: null });
  const teams: Team[] = [];
  for (let index = 0; index < count; index++) {
    const timeZone = ZONES[index % ZONES.length]!;
    const today = todayIn(timeZone, now);
    const day = (days: number): CalendarDate => addDays(today, days);
    const team = em.create(Team, {
      name: `${prefix} ${String(index).padStart(3, '0')}`,
      timeZone,
      locale: 'en',
      sendHour: 9,
    });
    teams.push(team);
    em.create(Membership, { team, user, roles: index % 3 ? ['member'] : ['administrator', 'member'] });
    em.create(Membership, { team, user: colleague, roles: ['member'] });
    const strategy = em.create(PlanItem, { team, type: 'strategy', title: 'Grow', owner: user });
    const kpi = em.create(PlanItem, { team, type: 'kpi', title: 'Revenue', owner: user, strategy });
    const action = em.create(PlanItem, { team, type: 'action', title: 'Launch', owner: user, strategy });
    const theirs = em.create(PlanItem, { team, type: 'action', title: 'Hire', owner: colleague, strategy });

    const session = (date: CalendarDate, kind: SessionKind, state: Session['state'] = 'scheduled') =>
      em.create(Session, { team, date, kind, state });
    session(day(-14 - (index % 4)), 'doing', 'held');
    session(day(-7), 'steering', 'held');
    session(day(-3), 'doing', 'cancelled');
    // Its day is over but its workflow has not marked it held yet: not the next session.
    session(day(-1), 'doing');
    const kind: SessionKind = index % 2 ? 'steering' : 'doing';
    // Every fifth team has nothing planned but a cancelled session.
    const next = index % 5 === 4 ? null : session(day(index % 9), kind);
    session(day(index % 5 === 4 ? 2 : 30), 'doing', index % 5 === 4 ? 'cancelled' : 'scheduled');

    const report = (item: PlanItem, daysAgo: number, linked: Session | null = null) =>
      em.create(ProgressReport, {
        item,
        author: item.owner,
        session: linked,
        createdAt: new Date(now.getTime() - daysAgo * DAY_MS - index * 1000),
        progress: (index * 7) % 101,
        trafficLight: index % 2 ? 'amber' : 'green',
        explanation: 'Bench and test data',
      });
    report(action, 30); // before the held sessions: current for no session after them
    if (index % 3 === 1) report(action, 2);
    if (index % 3 === 2 && next) report(strategy, 60, next); // old, but written for the session
    if (index % 4 === 0) report(kpi, 1);
    report(theirs, 1);
  }
  await em.flush();
  return { user, teams };
}
