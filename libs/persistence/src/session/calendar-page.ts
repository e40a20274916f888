// A team's calendar a page at a time, by keyset: sessions by date, then creation (then id, so that
// the order is total), each page starting after the last session of the one before. Unlike an
// offset, that position holds while sessions are added or moved between two pages.
import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarDate, SessionKind } from '@rhythm/domain';
import { Session } from './session.entity.js';

export interface CalendarPosition {
  /** The date the session had when its page was read (it may have moved since). */
  date: CalendarDate;
  id: string;
}

export interface CalendarPageQuery {
  from?: CalendarDate;
  to?: CalendarDate;
  kind?: SessionKind;
  after?: CalendarPosition;
  limit: number;
}

/** Up to `limit` sessions; `more` when the calendar goes on after them. */
export async function loadCalendarPage(
  em: EntityManager,
  teamId: string,
  { from, to, kind, after, limit }: CalendarPageQuery,
): Promise<{ sessions: Session[]; more: boolean }> {
  const since = after && (!from || after.date > from) ? after.date : from;
  const date = { ...(since ? { $gte: since } : {}), ...(to ? { $lte: to } : {}) };
  const sessions = await em.find(
    Session,
    {
      team: teamId,
      ...(kind ? { kind } : {}),
      ...(since || to ? { date } : {}),
      ...(after ? afterPosition(teamId, after) : {}),
    },
    { orderBy: { date: 'asc', createdAt: 'asc', id: 'asc' }, limit: limit + 1 },
  );
  return { sessions: sessions.slice(0, limit), more: sessions.length > limit };
}

// The creation time is read from the row itself rather than carried in the position, so that the
// comparison is exact (a JS Date would drop the column's microseconds). For an id that is not a
// session of the team it is null, and the page starts after that whole day.
function afterPosition(teamId: string, after: CalendarPosition) {
  const position = (alias: string) =>
    `(${alias}.date, ${alias}.created_at, ${alias}.id) > ` +
    `(?::date, (select created_at from "session" where id = ? and team_id = ?), ?::uuid)`;
  return { [raw(position, [after.date, after.id, teamId, after.id])]: [] };
}
