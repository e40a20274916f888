import type { PlanItem } from './involvement.js';
import {
  currentReportFor,
  isReportCurrent,
  missingReports,
  previousHeldSessionDate,
  reportWindow,
} from './report-currency.js';
import type { CurrencyContext, ReportStamp } from './report-currency.js';

const at = (instant: string) => new Date(instant);

// A steering session on Thursday 30 April 2026 for a team in Amsterdam (CEST, UTC+2).
const steering = { id: 'session-apr', kind: 'steering', date: '2026-04-30' } as const;
const firstSession: CurrencyContext = {
  session: steering,
  previousHeldSessionDate: null,
  timeZone: 'Europe/Amsterdam',
};
// The previous steering session was held on 2 April; its day ended at 2026-04-02T22:00Z.
const afterApril2: CurrencyContext = { ...firstSession, previousHeldSessionDate: '2026-04-02' };

const action = { type: 'action' } as const;
const strategy = { type: 'strategy' } as const;
const kpi = { type: 'kpi' } as const;

describe('reportWindow', () => {
  it('runs from the end of the previous held session’s day to the end of this session’s day', () => {
    const window = reportWindow('strategy', afterApril2);
    expect(window.from.toISOString()).toBe('2026-04-02T22:00:00.000Z');
    expect(window.until.toISOString()).toBe('2026-04-30T22:00:00.000Z');
  });

  it('looks back 30 days for actions and 90 for strategies and KPIs from the session date', () => {
    expect(reportWindow('action', firstSession).from.toISOString()).toBe('2026-03-30T22:00:00.000Z');
    // 30 January is in winter time, so its midnight is 23:00Z the day before.
    expect(reportWindow('strategy', firstSession).from.toISOString()).toBe('2026-01-29T23:00:00.000Z');
    expect(reportWindow('kpi', firstSession).from.toISOString()).toBe('2026-01-29T23:00:00.000Z');
  });
});

describe('isReportCurrent', () => {
  it('counts a report linked to the session, however old', () => {
    const report = { sessionId: 'session-apr', createdAt: at('2025-01-01T10:00:00.000Z') };
    expect(isReportCurrent(report, action, afterApril2)).toBe(true);
    expect(isReportCurrent(report, strategy, firstSession)).toBe(true);
  });

  it('does not count an old report linked to another session', () => {
    const report = { sessionId: 'session-mar', createdAt: at('2026-03-01T10:00:00.000Z') };
    expect(isReportCurrent(report, action, afterApril2)).toBe(false);
  });

  it('leaves a report written on the previous session’s day to that session', () => {
    expect(isReportCurrent({ createdAt: at('2026-04-02T21:59:59.999Z') }, action, afterApril2)).toBe(false);
    expect(isReportCurrent({ createdAt: at('2026-04-02T22:00:00.000Z') }, action, afterApril2)).toBe(true);
  });

  it('counts every report since the previous held session, beyond the first-session look-back', () => {
    const context: CurrencyContext = { ...firstSession, previousHeldSessionDate: '2025-06-01' };
    expect(isReportCurrent({ createdAt: at('2025-12-01T10:00:00.000Z') }, action, context)).toBe(true);
  });

  it('looks back 30 days for an action when no session of the kind was held before', () => {
    expect(isReportCurrent({ createdAt: at('2026-03-30T21:59:59.999Z') }, action, firstSession)).toBe(false);
    expect(isReportCurrent({ createdAt: at('2026-03-30T22:00:00.000Z') }, action, firstSession)).toBe(true);
  });

  it('looks back 90 days for strategies and KPIs when no session of the kind was held before', () => {
    expect(isReportCurrent({ createdAt: at('2026-03-01T10:00:00.000Z') }, strategy, firstSession)).toBe(true);
    expect(isReportCurrent({ createdAt: at('2026-03-01T10:00:00.000Z') }, action, firstSession)).toBe(false);
    expect(isReportCurrent({ createdAt: at('2026-01-29T22:59:59.999Z') }, kpi, firstSession)).toBe(false);
    expect(isReportCurrent({ createdAt: at('2026-01-29T23:00:00.000Z') }, kpi, firstSession)).toBe(true);
  });

  it('counts a report written on the session day, but not one written after it', () => {
    expect(isReportCurrent({ createdAt: at('2026-04-30T21:59:59.999Z') }, action, afterApril2)).toBe(true);
    expect(isReportCurrent({ createdAt: at('2026-04-30T22:00:00.000Z') }, action, afterApril2)).toBe(false);
  });
});

describe('currentReportFor', () => {
  const reports: (ReportStamp & { light: string })[] = [
    { itemId: 'a1', sessionId: 'session-apr', createdAt: at('2026-03-10T09:00:00.000Z'), light: 'red' },
    { itemId: 'a1', createdAt: at('2026-04-20T09:00:00.000Z'), light: 'amber' },
    { itemId: 'a1', createdAt: at('2026-03-20T09:00:00.000Z'), light: 'red' },
    { itemId: 'a1', createdAt: at('2026-05-02T09:00:00.000Z'), light: 'green' },
    { itemId: 'a2', createdAt: at('2026-04-25T09:00:00.000Z'), light: 'green' },
  ];

  it('picks the latest current report of the item', () => {
    expect(currentReportFor({ id: 'a1', type: 'action' }, reports, afterApril2)?.light).toBe('amber');
  });

  it('falls back to an older linked report when nothing newer is current', () => {
    const older = reports.filter((report) => report.light !== 'amber');
    expect(currentReportFor({ id: 'a1', type: 'action' }, older, afterApril2)?.createdAt.toISOString()).toBe(
      '2026-03-10T09:00:00.000Z',
    );
  });

  it('returns undefined when the item has no current report', () => {
    expect(currentReportFor({ id: 'a3', type: 'action' }, reports, afterApril2)).toBeUndefined();
  });
});

describe('missingReports', () => {
  const items: PlanItem[] = [
    { id: 's1', type: 'strategy', ownerId: 'ann' },
    { id: 'k1', type: 'kpi', ownerId: 'bob' },
    { id: 'a1', type: 'action', ownerId: 'bob' },
    { id: 'a2', type: 'action', ownerId: 'ann' },
    { id: 'a3', type: 'action', ownerId: 'cas' },
  ];
  const reports: ReportStamp[] = [
    { itemId: 's1', createdAt: at('2026-02-15T09:00:00.000Z') },
    { itemId: 'k1', createdAt: at('2026-04-10T09:00:00.000Z') },
    { itemId: 'a1', createdAt: at('2026-03-15T09:00:00.000Z') },
    { itemId: 'a3', sessionId: 'session-apr', createdAt: at('2026-01-05T09:00:00.000Z') },
  ];
  const ids = (groups: ReturnType<typeof missingReports>) =>
    groups.map(({ ownerId, items: owned }) => [ownerId, owned.map((item) => item.id)]);

  it('lists the involved items without a current report, by owner', () => {
    // s1 is old for a steering session held since; a1 too; a2 has no report at all.
    expect(ids(missingReports(items, reports, afterApril2))).toEqual([
      ['ann', ['s1', 'a2']],
      ['bob', ['a1']],
    ]);
  });

  it('applies each type’s look-back for a first session', () => {
    // s1 is within 90 days; a1 (15 March) is more than 30 days before 30 April.
    expect(ids(missingReports(items, reports, firstSession))).toEqual([
      ['bob', ['a1']],
      ['ann', ['a2']],
    ]);
  });

  it('leaves strategies and KPIs out of a doing session', () => {
    const doing: CurrencyContext = {
      ...afterApril2,
      session: { id: 'session-do', kind: 'doing', date: '2026-04-30' },
    };
    expect(ids(missingReports(items, reports, doing))).toEqual([
      ['bob', ['a1']],
      ['ann', ['a2']],
      ['cas', ['a3']],
    ]);
  });

  it('lists nobody when every involved item is reported', () => {
    const fresh = items.map((item) => ({ itemId: item.id, createdAt: at('2026-04-28T09:00:00.000Z') }));
    expect(missingReports(items, fresh, afterApril2)).toEqual([]);
  });
});

describe('previousHeldSessionDate', () => {
  const sessions = [
    { kind: 'steering', date: '2026-01-15', state: 'held' },
    { kind: 'steering', date: '2026-03-05', state: 'held' },
    { kind: 'steering', date: '2026-04-02', state: 'cancelled' },
    { kind: 'doing', date: '2026-04-16', state: 'held' },
    { kind: 'steering', date: '2026-04-30', state: 'scheduled' },
    { kind: 'steering', date: '2026-06-04', state: 'scheduled' },
  ] as const;

  it('is the latest held session of the same kind before the session', () => {
    expect(previousHeldSessionDate({ kind: 'steering', date: '2026-04-30' }, sessions)).toBe('2026-03-05');
    expect(previousHeldSessionDate({ kind: 'doing', date: '2026-04-30' }, sessions)).toBe('2026-04-16');
  });

  it('ignores cancelled and scheduled sessions and the session itself', () => {
    expect(previousHeldSessionDate({ kind: 'steering', date: '2026-06-04' }, sessions)).toBe('2026-03-05');
    expect(previousHeldSessionDate({ kind: 'doing', date: '2026-04-16' }, sessions)).toBeNull();
  });

  it('is null before any held session', () => {
    expect(previousHeldSessionDate({ kind: 'steering', date: '2026-01-15' }, sessions)).toBeNull();
  });
});
