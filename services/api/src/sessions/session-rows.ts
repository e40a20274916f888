// Finding a team's session row, locking it for a change, and the rule of when it may change.
import { heldAt, type TimeZone } from '@rhythm/domain';
import { Session, Team, type Orm } from '@rhythm/persistence';
import type { SessionContext } from './session-context.js';
import { SessionLockedError, SessionNotFoundError } from './errors.js';

export type EntityManager = Orm['em'];

// Ids come from validated requests (the routes' Id schema: UUIDs), so they go to the database as they are.
export async function findTeam(em: EntityManager, teamId: string): Promise<Team> {
  const team = await em.findOne(Team, { id: teamId });
  if (!team) throw new SessionNotFoundError('team', teamId);
  return team;
}

/** The session with its team, when it belongs to `teamId` (another team's session is not found). */
export async function findSession(
  em: EntityManager,
  teamId: string,
  sessionId: string,
): Promise<{ session: Session; team: Team }> {
  const session = await em.findOne(Session, { id: sessionId, team: teamId }, { populate: ['team'] });
  if (!session) throw new SessionNotFoundError('session', sessionId);
  return { session, team: session.team.getEntity() };
}

export interface LockedSession {
  tx: EntityManager;
  session: Session;
  team: Team;
}

/**
 * Runs `work` in a transaction that holds the session row's lock (SELECT … FOR UPDATE) until it
 * commits. Changes to one session, the signals they send and the workflow's own `markSession` update
 * therefore happen one at a time, so no change can slip between another's signal and its commit.
 */
export async function withLockedSession<R>(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
  work: (locked: LockedSession) => Promise<R>,
): Promise<R> {
  return ctx.orm.em.fork().transactional(async (tx) => {
    const rows = await tx.execute('select "id" from "session" where "id" = ? and "team_id" = ? for update', [
      sessionId,
      teamId,
    ]);
    if (rows.length === 0) throw new SessionNotFoundError('session', sessionId);
    const session = await tx.findOneOrFail(Session, { id: sessionId }, { populate: ['team'], refresh: true });
    return work({ tx, session, team: session.team.getEntity() });
  });
}

/**
 * Held and cancelled sessions are kept as they were. So is one whose day is over but that its
 * workflow has not marked held yet: the workflow is past listening, a change would be lost.
 */
export function assertChangeable(session: Session, timeZone: TimeZone, now: Date): void {
  if (session.state !== 'scheduled') throw new SessionLockedError(session.id, `it is ${session.state}`);
  if (now.getTime() >= heldAt(session.date, timeZone).getTime()) {
    throw new SessionLockedError(session.id, `its day (${session.date}) is over`);
  }
}
