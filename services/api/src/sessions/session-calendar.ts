// A session as an RFC 5545 calendar (built with the `ics` package): one all-day event. Its UID comes
// from the session id and never changes, and its SEQUENCE is the row's revision, which grows with
// each move and the cancellation; so a calendar that imported the event updates it in place, and
// drops it on METHOD:CANCEL / STATUS:CANCELLED.
import { addDays, type CalendarDate } from '@rhythm/domain';
import { createEvents, type DateArray } from 'ics';
import type { SessionContext } from './session-context.js';
import { findSession } from './session-rows.js';

const PRODUCT_ID = '-//Rhythm//Sessions//EN';

/** The UID calendars know the session's event by. */
export function sessionEventUid(sessionId: string): string {
  return `session-${sessionId}@rhythm`;
}

export async function sessionCalendar(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
): Promise<string> {
  const { session, team } = await findSession(ctx.orm.em.fork(), teamId, sessionId);
  const cancelled = session.state === 'cancelled';
  const kind =
    session.kind === 'doing' ? 'Doing session (action review)' : 'Steering session (strategy review)';
  const { error, value } = createEvents(
    [
      {
        uid: sessionEventUid(session.id),
        sequence: session.revision,
        // An all-day event: DTSTART;VALUE=DATE, and DTEND the day after (the end is exclusive).
        start: dateArray(session.date),
        end: dateArray(addDays(session.date, 1)),
        title: `${kind}: ${team.name}`,
        status: cancelled ? 'CANCELLED' : 'CONFIRMED',
        busyStatus: 'FREE',
        created: session.createdAt.getTime(),
        lastModified: session.updatedAt.getTime(),
      },
    ],
    { productId: PRODUCT_ID, method: cancelled ? 'CANCEL' : 'PUBLISH' },
  );
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}

function dateArray(date: CalendarDate): DateArray {
  const [year, month, day] = date.split('-').map(Number);
  return [year!, month!, day!];
}
