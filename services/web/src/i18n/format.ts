// Dates as people read them, in the page's language. A session date is a calendar day (no time, no
// zone), so it is formatted as that day in UTC; a send time is an instant, shown in the team's zone.
export function formatDay(date: string, language: string, style: 'long' | 'medium' = 'long'): string {
  const day = new Date(`${date}T00:00:00Z`);
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    ...(style === 'long'
      ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : { day: 'numeric', month: 'short', year: 'numeric' }),
  }).format(day);
}

export function formatInstant(instant: string, language: string, timeZone?: string): string {
  // Fields, not dateStyle/timeStyle: Intl refuses timeZoneName next to those.
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(new Date(instant));
}

/** Today as YYYY-MM-DD in a time zone (the team's), for the date input's minimum. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
