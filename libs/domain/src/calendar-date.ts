// Sessions happen on a date in the team's time zone, and emails go out at the team's send hour in
// that zone. These are the schemas for those three values and the few zone-aware steps every rule
// builds on.
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/** A day on the calendar, `YYYY-MM-DD`; impossible days such as 2026-02-30 are rejected. */
// Year 0000 is a valid ISO 8601 string but no date JavaScript's calendar arithmetic (or a person)
// means: refused, as every date before 0001-01-01 (string order is date order for YYYY-MM-DD).
export const CalendarDate = z.iso
  .date()
  .refine((date) => date >= '0001-01-01', 'Must not be before 0001-01-01');
export type CalendarDate = z.infer<typeof CalendarDate>;

// Zones found valid, remembered. luxon's IANAZone.isValidZone builds a new Intl.DateTimeFormat on
// every call, and each holds tens of kB of ICU objects outside the JS heap that V8 does not count,
// so they are freed only by a full garbage collection, which a process with a small JS heap rarely
// runs: every schedule step checks its zone, and the API grew from 0.16 to 3 GB RSS in 3,000
// requests, listing sessions (bench/soak/README.md). Only valid names are kept, and at most
// ZONES_KEPT (the IANA database has about 600, aliases included; the cap holds against case
// variants), so nothing a caller sends can grow the set. The answer for a name never changes, so
// the cache is safe in workflow code too.
const ZONES_KEPT = 1_000;
const validZones = new Set<string>();

function isValidZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  if (/^[+-]/.test(zone) || !IANAZone.isValidZone(zone)) return false;
  if (validZones.size < ZONES_KEPT) validZones.add(zone);
  return true;
}

/**
 * A named IANA zone such as `Europe/Amsterdam`. Intl (and so luxon) also accepts fixed offsets
 * such as `+01:00`; those are refused because a team's zone must carry its daylight-saving rules.
 */
export const TimeZone = z.string().refine(isValidZone, {
  message: 'Expected an IANA time zone such as Europe/Amsterdam',
});
export type TimeZone = z.infer<typeof TimeZone>;

/** The hour of the day, in the team's zone, at which invitations and reminders go out. */
export const SendHour = z.number().int().min(0).max(23);
export type SendHour = z.infer<typeof SendHour>;

export const DEFAULT_SEND_HOUR: SendHour = 9;

// Dates are handled as UTC wall clocks so that day arithmetic never meets a daylight-saving change.
function utcDay(date: CalendarDate): DateTime<true> {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  if (!CalendarDate.safeParse(date).success || !day.isValid) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return day;
}

function assertZone(timeZone: TimeZone): void {
  if (!isValidZone(timeZone)) throw new RangeError(`Not an IANA time zone: ${timeZone}`);
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return utcDay(date).plus({ days }).toISODate();
}

/** `date` plus whole months; luxon clamps to the last day of a shorter month (Jan 31 → Feb 28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return utcDay(date).plus({ months }).toISODate();
}

/**
 * The instant at which the clocks in `timeZone` read `hour`:00 on `date`.
 *
 * - Hour skipped (spring forward): luxon reads the wall time with the offset in force before the
 *   change, so the instant falls as much later as the gap is long. 02:00 on 2026-03-29 in
 *   Europe/Amsterdam becomes 01:00Z, which is 03:00 CEST: the moment the clocks jump.
 * - Hour shown twice (fall back): we take the first time the clocks read it, the earlier instant.
 *   Which one luxon itself returns depends on how the DateTime was built (`fromObject` guesses
 *   with the offset in force *now*), and a schedule must not depend on when it is computed.
 */
export function localInstant(date: CalendarDate, hour: number, timeZone: TimeZone): Date {
  assertZone(timeZone);
  if (!SendHour.safeParse(hour).success) throw new RangeError(`Not an hour of the day: ${hour}`);
  const wall = utcDay(date).set({ hour }).setZone(timeZone, { keepLocalTime: true });
  const earliest = Math.min(...wall.getPossibleOffsets().map((candidate) => candidate.toMillis()));
  return new Date(earliest);
}

/** The first instant of `date` in `timeZone` (01:00 in the rare zones that skip midnight). */
export function startOfDay(date: CalendarDate, timeZone: TimeZone): Date {
  return localInstant(date, 0, timeZone);
}

/** The calendar date in `timeZone` at the instant `now`. */
export function todayIn(timeZone: TimeZone, now: Date): CalendarDate {
  assertZone(timeZone);
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  if (!today.isValid) throw new RangeError(`Not a valid instant: ${String(now)}`);
  return today.toISODate();
}
