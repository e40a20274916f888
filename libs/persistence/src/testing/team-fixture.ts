// Test fixtures shared by the services' tests (exported as @rhythm/persistence/testing, never used by
// production code).
// A small team written to the real test database: three owners (one without an email address),
// a strategy with a KPI, and actions, so doing and steering sessions involve different people.
import { addDays, todayIn, type CalendarDate, type SessionKind, type SessionRepeat } from '@rhythm/domain';
import { Membership, PlanItem, ProgressReport, Session, Team, User, type Orm } from '../index.js';

export interface TeamFixture {
  team: Team;
  ada: User; // owns the strategy and action A
  bo: User; // owns the KPI and action B
  cy: User; // no email address; owns action C
  items: { strategy: PlanItem; kpi: PlanItem; actionA: PlanItem; actionB: PlanItem; actionC: PlanItem };
}

export async function createTeam(
  orm: Orm,
  { timeZone = 'Europe/Amsterdam', sendHour = 9 } = {},
): Promise<TeamFixture> {
  const em = orm.em.fork();
  const team = em.create(Team, { name: 'Test team', timeZone, locale: 'en', sendHour });
  const ada = em.create(User, { name: 'Ada', email: `ada-${team.id}@example.com`, locale: 'en' });
  const bo = em.create(User, { name: 'Bo', email: `bo-${team.id}@example.com`, locale: 'nl' });
  const cy = em.create(User, { name: 'Cy', email: null, locale: null });
  for (const user of [ada, bo, cy]) em.create(Membership, { team, user, roles: ['member'] });
  const strategy = em.create(PlanItem, { team, type: 'strategy', title: 'Grow', owner: ada });
  const kpi = em.create(PlanItem, { team, type: 'kpi', title: 'Revenue', owner: bo, strategy });
  const actionA = em.create(PlanItem, { team, type: 'action', title: 'Action A', owner: ada, strategy });
  const actionB = em.create(PlanItem, { team, type: 'action', title: 'Action B', owner: bo, strategy });
  const actionC = em.create(PlanItem, { team, type: 'action', title: 'Action C', owner: cy, strategy });
  await em.flush();
  return { team, ada, bo, cy, items: { strategy, kpi, actionA, actionB, actionC } };
}

export interface SessionOptions {
  date: CalendarDate;
  kind?: SessionKind;
  sendInvitation?: boolean;
  sendReminder?: boolean;
  sendEscalation?: boolean;
  repeat?: SessionRepeat;
}

export async function createSession(orm: Orm, team: Team, options: SessionOptions): Promise<Session> {
  const em = orm.em.fork();
  const session = em.create(Session, {
    team: team.id,
    date: options.date,
    kind: options.kind ?? 'doing',
    sendInvitation: options.sendInvitation ?? true,
    sendReminder: options.sendReminder ?? true,
    sendEscalation: options.sendEscalation ?? false,
    repeat: options.repeat ?? 'none',
    state: 'scheduled',
  });
  await em.flush();
  return session;
}

/** A report written at `at` (the simulated clock, so it falls in the session's window). */
export async function addReport(
  orm: Orm,
  item: PlanItem,
  author: User,
  at: Date,
  session?: Session,
): Promise<void> {
  const em = orm.em.fork();
  em.create(ProgressReport, {
    item: item.id,
    author: author.id,
    session: session?.id ?? null,
    createdAt: at,
    progress: 50,
    trafficLight: 'green',
    explanation: 'On track',
  });
  await em.flush();
}

export async function sessionState(orm: Orm, sessionId: string): Promise<string> {
  return (await orm.em.fork().findOneOrFail(Session, { id: sessionId })).state;
}

/** A date `days` calendar days after today in `timeZone`, by the (simulated) clock `now`. */
export function daysAhead(now: Date, days: number, timeZone = 'Europe/Amsterdam'): CalendarDate {
  return addDays(todayIn(timeZone, now), days);
}

export * from './member-of-teams.js';
