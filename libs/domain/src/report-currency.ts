// Whether an item's progress report counts for a session. Process status counts the items without
// a current report; the reminder goes to their owners.
import { addDays, startOfDay } from './calendar-date.js';
import type { CalendarDate, TimeZone } from './calendar-date.js';
import { groupByOwner, itemsInvolved } from './involvement.js';
import type { OwnerItems, PlanItem } from './involvement.js';
import { heldAt } from './schedule.js';
import type { ItemType, SessionKind, SessionState } from './vocabulary.js';

/** The fields of a progress report that decide whether it is current. */
export interface ReportStamp {
  itemId: string;
  /** The session the owner wrote it for, when it was written from a session's link. */
  sessionId?: string | null;
  createdAt: Date;
}

export interface CurrencyContext {
  session: { id: string; kind: SessionKind; date: CalendarDate };
  /** The latest held session of the same kind before this one (see `previousHeldSessionDate`). */
  previousHeldSessionDate: CalendarDate | null;
  timeZone: TimeZone;
}

/** With no held session of the kind before, how many days before the session a report may date from. */
export const FIRST_SESSION_LOOKBACK_DAYS: Readonly<Record<ItemType, number>> = {
  action: 30,
  strategy: 90,
  kpi: 90,
};

/** Reports created in `[from, until)` are current; `until` is when the session is held. */
export interface ReportWindow {
  from: Date;
  until: Date;
}

/**
 * When reports on an item of `itemType` count for the session, as instants a query can use.
 *
 * - After the previous held session means from the moment it was held (00:00 after its day, see
 *   `heldAt`): a report written on that session's day was for that session.
 * - With no previous held session, the days are counted back from the session date in the team's
 *   zone: for actions, reports from 00:00 thirty days before the session date count.
 * - A report written after the session's own day is over belongs to the next session, so the
 *   answer for a session does not change once it has been held.
 */
export function reportWindow(itemType: ItemType, context: CurrencyContext): ReportWindow {
  const { session, previousHeldSessionDate, timeZone } = context;
  const from =
    previousHeldSessionDate === null
      ? startOfDay(addDays(session.date, -FIRST_SESSION_LOOKBACK_DAYS[itemType]), timeZone)
      : heldAt(previousHeldSessionDate, timeZone);
  return { from, until: heldAt(session.date, timeZone) };
}

function isCurrentIn(report: Omit<ReportStamp, 'itemId'>, window: ReportWindow, sessionId: string): boolean {
  if (report.sessionId === sessionId) return true;
  const at = report.createdAt.getTime();
  return at >= window.from.getTime() && at < window.until.getTime();
}

/** Current when linked to the session, or created within the item type's `reportWindow`. */
export function isReportCurrent(
  report: Omit<ReportStamp, 'itemId'>,
  item: Pick<PlanItem, 'type'>,
  context: CurrencyContext,
): boolean {
  return isCurrentIn(report, reportWindow(item.type, context), context.session.id);
}

function latestCurrent<R extends ReportStamp>(
  reports: readonly R[],
  window: ReportWindow,
  sessionId: string,
): R | undefined {
  let latest: R | undefined;
  for (const report of reports) {
    if (!isCurrentIn(report, window, sessionId)) continue;
    if (!latest || report.createdAt.getTime() > latest.createdAt.getTime()) latest = report;
  }
  return latest;
}

/** The item's latest current report, or undefined when it has none. */
export function currentReportFor<R extends ReportStamp>(
  item: Pick<PlanItem, 'id' | 'type'>,
  reports: readonly R[],
  context: CurrencyContext,
): R | undefined {
  const own = reports.filter((report) => report.itemId === item.id);
  return latestCurrent(own, reportWindow(item.type, context), context.session.id);
}

/** The items the session involves that have no current report, grouped by owner. */
export function missingReports<T extends PlanItem>(
  items: readonly T[],
  reports: readonly ReportStamp[],
  context: CurrencyContext,
): OwnerItems<T>[] {
  const reportsByItem = new Map<string, ReportStamp[]>();
  for (const report of reports) {
    const own = reportsByItem.get(report.itemId);
    if (own) own.push(report);
    else reportsByItem.set(report.itemId, [report]);
  }
  const windows: Record<ItemType, ReportWindow> = {
    action: reportWindow('action', context),
    strategy: reportWindow('strategy', context),
    kpi: reportWindow('kpi', context),
  };
  const missing = itemsInvolved(context.session.kind, items).filter(
    (item) => !latestCurrent(reportsByItem.get(item.id) ?? [], windows[item.type], context.session.id),
  );
  return groupByOwner(missing);
}

/**
 * The date of the latest held session of the same kind strictly before `session`, or null. Only
 * held sessions count: a cancelled one never reviewed the reports written before it.
 */
export function previousHeldSessionDate(
  session: { kind: SessionKind; date: CalendarDate },
  sessions: readonly { kind: SessionKind; date: CalendarDate; state: SessionState }[],
): CalendarDate | null {
  let previous: CalendarDate | null = null;
  for (const other of sessions) {
    if (other.kind !== session.kind || other.state !== 'held' || other.date >= session.date) continue;
    if (previous === null || other.date > previous) previous = other.date;
  }
  return previous;
}
