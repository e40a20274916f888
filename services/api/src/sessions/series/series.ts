// Repeating series: reading one with its occurrences and what the pattern promises next, changing
// or stopping its repeat, and cancelling all of it. An occurrence is a session like any other
// (move it or cancel it alone with the session routes); the keeper makes the next ones
// (libs/session-lifecycle/src/series.ts).
//
// Choices:
// - Changing the repeat re-anchors the pattern at the next occurrence (its date as it is now): that
//   one stays, the one after moves to the new pattern's date (a reschedule like any other, told to
//   its workflow first, so a 503 leaves the series as it was), and the keeper goes on from there.
// - Stopping the repeat (`none`) makes no more occurrences; those already made stay, to be
//   cancelled one by one if unwanted. Cancelling the series cancels every occurrence still ahead.
import { occurrenceDate, todayIn, upcomingDates, type SessionRepeat } from '@rhythm/domain';
import { Series, Session } from '@rhythm/persistence';
import { seriesAnchor, topUpSeries } from '@rhythm/session-lifecycle';
import { cancelSession, rescheduleSession } from '../scheduling/change-session.js';
import { SeriesLockedError, SessionNotFoundError } from '../errors.js';
import type { SessionContext } from '../session-context.js';
import type { EntityManager } from '../session-rows.js';
import type { SeriesView } from '../views/session-views.schemas.js';

export type { SeriesView } from '../views/session-views.schemas.js';

export async function seriesDetail(
  ctx: SessionContext,
  teamId: string,
  seriesId: string,
): Promise<SeriesView> {
  const em = ctx.orm.em.fork();
  return view(em, await findSeries(em, teamId, seriesId));
}

export async function changeSeriesRepeat(
  ctx: SessionContext,
  teamId: string,
  seriesId: string,
  repeat: SessionRepeat,
): Promise<SeriesView> {
  const em = ctx.orm.em.fork();
  const series = await findSeries(em, teamId, seriesId);
  if (series.state === 'cancelled') throw new SeriesLockedError(series.id, 'it is cancelled');
  const occurrences = await em.find(Session, { series: series.id }, { orderBy: { occurrence: 'asc' } });
  if (repeat === 'none') {
    series.state = 'stopped';
    for (const o of occurrences) if (o.state === 'scheduled') o.repeat = 'none';
    await em.flush();
    return view(em, series);
  }
  const today = todayIn(series.team.getEntity().timeZone, ctx.now());
  const next = occurrences.find((o) => o.date >= today);
  if (!next)
    throw new SeriesLockedError(series.id, 'no occurrence lies ahead: schedule a new session instead');
  const anchor = { repeat, anchorDate: next.date, anchorIndex: next.occurrence ?? 0 };
  // Later occurrences follow the new pattern first: each move is kept only if its workflow took it.
  for (const later of occurrences.filter((o) => (o.occurrence ?? 0) > anchor.anchorIndex)) {
    const date = occurrenceDate(anchor, later.occurrence ?? 0);
    if (later.state === 'scheduled' && later.date !== date)
      await rescheduleSession(ctx, teamId, later.id, date);
  }
  await em.refresh(series);
  em.assign(series, { ...anchor, state: 'active' });
  await em.nativeUpdate(Session, { series: series.id, state: 'scheduled' }, { repeat });
  await em.flush();
  await topUpSeries(ctx.orm, ctx.client, { seriesId: series.id, taskQueue: ctx.taskQueue, now: ctx.now() });
  return view(ctx.orm.em.fork(), series);
}

/**
 * Cancels every occurrence still ahead, and the series with them (so the keeper makes no more).
 * Safe to repeat: after a 503 halfway, the same request cancels the rest.
 */
export async function cancelSeries(
  ctx: SessionContext,
  teamId: string,
  seriesId: string,
  reason?: string,
): Promise<SeriesView> {
  const em = ctx.orm.em.fork();
  const series = await findSeries(em, teamId, seriesId);
  series.state = 'cancelled';
  await em.flush();
  const today = todayIn(series.team.getEntity().timeZone, ctx.now());
  const ahead = await em.find(
    Session,
    { series: series.id, state: 'scheduled', date: { $gte: today } },
    { orderBy: { occurrence: 'asc' } },
  );
  for (const occurrence of ahead) await cancelSession(ctx, teamId, occurrence.id, reason);
  return view(ctx.orm.em.fork(), series);
}

async function findSeries(em: EntityManager, teamId: string, seriesId: string): Promise<Series> {
  const series = await em.findOne(Series, { id: seriesId, team: teamId }, { populate: ['team'] });
  if (!series) throw new SessionNotFoundError('series', seriesId);
  return series;
}

async function view(em: EntityManager, series: Series): Promise<SeriesView> {
  const occurrences = await em.find(Session, { series: series.id }, { orderBy: { occurrence: 'asc' } });
  const last = occurrences.at(-1)?.occurrence ?? -1;
  return {
    id: series.id,
    teamId: series.team.id,
    kind: series.kind,
    repeat: series.state === 'active' ? series.repeat : 'none',
    state: series.state,
    occurrences: occurrences.map((o) => ({
      sessionId: o.id,
      occurrence: o.occurrence ?? 0,
      date: o.date,
      state: o.state,
    })),
    upcoming: series.state === 'active' ? upcomingDates(seriesAnchor(series), last, 4) : [],
  };
}
