// Making a series' occurrences ahead of time: the next occurrence and the one after always exist
// (missingOccurrences in libs/domain), each with its workflow, so every occurrence is invited seven
// days ahead at the send hour and the calendar shows it. Run by the keeper on every pass and by
// the API right after it creates or changes a series. Idempotent: an occurrence is one row per
// (series, index), so concurrent runs make it once.
import { missingOccurrences, todayIn, type SeriesAnchor } from '@rhythm/domain';
import { Series, Session, type Orm } from '@rhythm/persistence';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Client } from '@temporalio/client';
import { startSessionWorkflow, type StartSessionOptions } from './start-session.js';

export interface TopUpOptions extends Omit<StartSessionOptions, 'resumeAfter'> {
  teamId?: string;
  seriesId?: string;
  now?: Date;
}

export function seriesAnchor(series: Pick<Series, 'repeat' | 'anchorDate' | 'anchorIndex'>): SeriesAnchor {
  return { repeat: series.repeat, anchorDate: series.anchorDate, anchorIndex: series.anchorIndex };
}

/** Makes the occurrences active series lack and starts their workflows; returns the new session ids. */
export async function topUpSeries(
  orm: Orm,
  client: Client,
  { teamId, seriesId, now = new Date(), ...options }: TopUpOptions = {},
): Promise<string[]> {
  const em = orm.em.fork();
  const active = await em.find(
    Series,
    { state: 'active', ...(teamId ? { team: teamId } : {}), ...(seriesId ? { id: seriesId } : {}) },
    { populate: ['team'] },
  );
  const made: string[] = [];
  for (const series of active) {
    const team = series.team.getEntity();
    const existing = await em.find(Session, { series: series.id }, { fields: ['occurrence', 'date'] });
    const missing = missingOccurrences(
      seriesAnchor(series),
      existing.map((session) => ({ index: session.occurrence ?? 0, date: session.date })),
      todayIn(team.timeZone, now),
    );
    for (const { index, date } of missing) {
      const session = em.create(Session, {
        team: team.id,
        date,
        kind: series.kind,
        sendInvitation: series.sendInvitation,
        sendReminder: series.sendReminder,
        sendEscalation: series.sendEscalation,
        repeat: series.repeat,
        state: 'scheduled',
        series: series.id,
        occurrence: index,
      });
      try {
        await em.flush();
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        em.clear(); // Another keeper or request made it first.
        continue;
      }
      made.push(session.id);
      await startSessionWorkflow(client, session, team, options);
    }
  }
  return made;
}
