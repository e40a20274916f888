// A session as an RFC 5545 calendar (built with the `ics` package): one all-day event. Its UID comes
// from the session id and never changes, and its SEQUENCE is the row's revision, which grows with
// each move and the cancellation; so a calendar that imported the event updates it in place, and
// drops it on METHOD:CANCEL / STATUS:CANCELLED.
import { addDays, type CalendarDate } from '@rhythm/domain';
import { Membership, Session, processOwnerEmails, type Team } from '@rhythm/persistence';
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { SessionNotFoundError } from '../errors.js';
import type { SessionContext } from '../session-context.js';
import { findSession } from '../session-rows.js';

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
  return calendarFile(session, team, session.state === 'cancelled' ? 'CANCEL' : 'PUBLISH');
}

/**
 * The invitation one owner imports from the signed link in their email (no sign-in): METHOD:REQUEST
 * with the team's process owner as ORGANIZER and the owner as ATTENDEE, same UID and SEQUENCE as
 * above; METHOD:CANCEL once the session is cancelled. Not found when the user is not a member of
 * the session's team any more.
 */
export async function sessionInvitationCalendar(
  ctx: SessionContext,
  sessionId: string,
  userId: string,
): Promise<string> {
  const em = ctx.orm.em.fork();
  const session = await em.findOne(Session, { id: sessionId }, { populate: ['team'] });
  const membership =
    session &&
    (await em.findOne(Membership, { team: session.team.id, user: userId }, { populate: ['user'] }));
  if (!session || !membership) throw new SessionNotFoundError('session', sessionId);
  const team = session.team.getEntity();
  const user = membership.user.getEntity();
  const organizer = (await processOwnerEmails(em, [team.id])).get(team.id);
  const cancelled = session.state === 'cancelled';
  // A REQUEST needs both an ORGANIZER and an ATTENDEE (RFC 5546): without a process owner with an
  // address, or for an owner without one, the file is a plain PUBLISH that calendars import as is.
  if (!organizer || !user.email) return calendarFile(session, team, cancelled ? 'CANCEL' : 'PUBLISH');
  return calendarFile(session, team, cancelled ? 'CANCEL' : 'REQUEST', {
    organizer: { name: `${team.name} (Rhythm)`, email: organizer },
    attendees: [
      { name: user.name, email: user.email, rsvp: false, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' },
    ],
  });
}

function calendarFile(
  session: Session,
  team: Team,
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL',
  people: Pick<EventAttributes, 'organizer' | 'attendees'> = {},
): string {
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
        status: session.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        busyStatus: 'FREE',
        created: session.createdAt.getTime(),
        lastModified: session.updatedAt.getTime(),
        ...people,
      },
    ],
    { productId: PRODUCT_ID, method },
  );
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}

function dateArray(date: CalendarDate): DateArray {
  const [year, month, day] = date.split('-').map(Number);
  return [year!, month!, day!];
}
