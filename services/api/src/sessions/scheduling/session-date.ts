// Which dates a session may be put on: from today in the team's zone, and before 9999-01-01. The
// upper bound keeps every date the schedule derives from it (the day after, when it is held; a
// repeat's next occurrence) a YYYY-MM-DD date: past it the domain cannot compute them, and every
// later change of the session would fail.
import { isBeforeToday, todayIn, type TimeZone } from '@rhythm/domain';
import { InvalidInputError } from '../errors.js';

const FIRST_REFUSED = '9999-01-01';

// Both routes that take a date (POST and PATCH of a session) take it in the body: the 422 names `body.date`.
const FIELD = 'body.date';

/** Throws InvalidInputError on `body.date` for a day the session cannot be put on. */
export function assertSessionDate(date: string, timeZone: TimeZone, now: Date): void {
  if (isBeforeToday(date, timeZone, now)) {
    throw InvalidInputError.field(
      FIELD,
      `Must not be before today (${todayIn(timeZone, now)} in ${timeZone})`,
    );
  }
  // Both are YYYY-MM-DD with four-digit years, so string order is date order.
  if (date >= FIRST_REFUSED) throw InvalidInputError.field(FIELD, `Must be before ${FIRST_REFUSED}`);
}
