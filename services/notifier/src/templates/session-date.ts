// Formats a session's calendar date for people to read, e.g. "Tuesday, 15 December 2026".
import type { CalendarDate } from '@rhythm/domain';

/**
 * A session date is already a day on the team's calendar, not an instant: the team's zone was
 * applied when the date was chosen. Formatting an instant in that zone could show the day before
 * or after (midnight UTC is still the previous day in Los Angeles), so the day is read as noon UTC
 * and formatted in UTC, which names exactly that day whatever the zone or the server's clock.
 */
export function formatSessionDate(date: CalendarDate, intlLocale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const noon = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))
    : undefined;
  // Date.UTC rolls impossible days over (02-30 → 03-02); refuse them rather than show another day.
  if (!noon || noon.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return formatterFor(intlLocale).format(noon);
}

// Making a DateTimeFormat costs ~60 µs, more than the rest of an email's compiled rendering; one
// per locale serves every date.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(intlLocale: string): Intl.DateTimeFormat {
  let formatter = formatters.get(intlLocale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(intlLocale, formatter);
  }
  return formatter;
}
