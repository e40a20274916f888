// Repeating series: when each occurrence falls, and which occurrences must exist.
//
// Occurrence dates are computed from the series' anchor, never from the previous occurrence, so a
// monthly series keeps its day: started on 31 January it falls on 28 February (the month's last
// day), then 31 March again. Moving one occurrence does not move the others.
import { addDays, addMonths, type CalendarDate } from './calendar-date.js';
import type { SessionRepeat } from './vocabulary.js';

export type SeriesRepeat = Exclude<SessionRepeat, 'none'>;

export interface SeriesAnchor {
  repeat: SeriesRepeat;
  /** The date of occurrence `anchorIndex` as the pattern places it. */
  anchorDate: CalendarDate;
  /** The occurrence the pattern counts from: 0, or the next one when the repeat was changed. */
  anchorIndex: number;
}

/** The date the pattern gives occurrence `index` (index ≥ anchorIndex). */
export function occurrenceDate(
  { repeat, anchorDate, anchorIndex }: SeriesAnchor,
  index: number,
): CalendarDate {
  const n = index - anchorIndex;
  switch (repeat) {
    case 'weekly':
      return addDays(anchorDate, 7 * n);
    case 'every_two_weeks':
      return addDays(anchorDate, 14 * n);
    case 'monthly':
      return addMonths(anchorDate, n);
    case 'quarterly':
      return addMonths(anchorDate, 3 * n);
  }
}

/** An occurrence that exists: its index and its date now (moved or not). */
export interface ExistingOccurrence {
  index: number;
  date: CalendarDate;
}

/**
 * The occurrences a series must have that it lacks, with their dates. The rule: the next occurrence
 * (the first whose date is today or later, cancelled ones included) and the one after it exist, so
 * each occurrence is created while the one before it is still ahead — at least a full interval
 * before its date, in time for its invitation seven days ahead. When none lies ahead (the keeper
 * was away), the first the pattern places today or later starts again; past dates are never made.
 */
export function missingOccurrences(
  anchor: SeriesAnchor,
  existing: readonly ExistingOccurrence[],
  today: CalendarDate,
): ExistingOccurrence[] {
  const ahead = existing.filter((o) => o.date >= today).map((o) => o.index);
  let next: number;
  if (ahead.length) next = Math.min(...ahead);
  else {
    next = Math.max(anchor.anchorIndex, ...existing.map((o) => o.index + 1));
    while (occurrenceDate(anchor, next) < today) next++;
  }
  const have = new Set(existing.map((o) => o.index));
  return [next, next + 1]
    .filter((index) => index >= anchor.anchorIndex && !have.has(index))
    .map((index) => ({ index, date: occurrenceDate(anchor, index) }));
}

/** The pattern's next `count` dates after occurrence `afterIndex`: what the calendar can promise. */
export function upcomingDates(anchor: SeriesAnchor, afterIndex: number, count: number): CalendarDate[] {
  return Array.from({ length: count }, (_, i) =>
    occurrenceDate(anchor, Math.max(afterIndex + 1, anchor.anchorIndex) + i),
  );
}
