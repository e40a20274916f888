import { jest } from '@jest/globals';
import { Settings } from 'luxon';
import {
  addDays,
  addMonths,
  CalendarDate,
  localInstant,
  SendHour,
  startOfDay,
  TimeZone,
  todayIn,
} from './calendar-date.js';

describe('CalendarDate', () => {
  it.each(['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])('accepts %s', (date) => {
    expect(CalendarDate.safeParse(date).success).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2027-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-3-1',
    '20260301',
    '2026-03-01T00:00',
    '2026-W10-1',
    '',
  ])('rejects %j', (date) => {
    expect(CalendarDate.safeParse(date).success).toBe(false);
  });
});

describe('TimeZone', () => {
  it.each(['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'UTC'])('accepts %s', (zone) => {
    expect(TimeZone.safeParse(zone).success).toBe(true);
  });

  it.each(['Mars/Olympus', 'Europe/Atlantis', '', '+01:00', '-05:00', '+0100'])('rejects %j', (zone) => {
    expect(TimeZone.safeParse(zone).success).toBe(false);
  });
});

describe('SendHour', () => {
  it.each([0, 9, 23])('accepts %d', (hour) => {
    expect(SendHour.safeParse(hour).success).toBe(true);
  });

  it.each([-1, 24, 9.5, '9', Number.NaN])('rejects %j', (hour) => {
    expect(SendHour.safeParse(hour).success).toBe(false);
  });
});

describe('addDays and addMonths', () => {
  it('crosses month, leap-day and year ends', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-01-02', -7)).toBe('2026-12-26');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('refuses an impossible date instead of rolling it over', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('localInstant', () => {
  it('reads the wall clock in the zone', () => {
    expect(localInstant('2026-01-15', 9, 'Europe/Amsterdam').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(localInstant('2026-07-15', 9, 'Europe/Amsterdam').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(localInstant('2026-01-15', 9, 'Asia/Kolkata').toISOString()).toBe('2026-01-15T03:30:00.000Z');
  });

  it('moves an hour the clocks skip forward by the gap (Amsterdam, 29 March 2026, 02:00 → 03:00 CEST)', () => {
    expect(localInstant('2026-03-29', 2, 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('moves an hour the clocks skip forward by the gap (New York, 8 March 2026, 02:00 → 03:00 EDT)', () => {
    expect(localInstant('2026-03-08', 2, 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('takes the first of an hour the clocks show twice, east and west of UTC alike', () => {
    // 02:00 CEST, not 02:00 CET (01:00Z)
    expect(localInstant('2026-10-25', 2, 'Europe/Amsterdam').toISOString()).toBe('2026-10-25T00:00:00.000Z');
    // 01:00 EDT, not 01:00 EST (06:00Z)
    expect(localInstant('2026-11-01', 1, 'America/New_York').toISOString()).toBe('2026-11-01T05:00:00.000Z');
  });

  it('gives the same instants whatever season the code runs in', () => {
    const realNow = Settings.now;
    const computed = (nowMillis: number) => {
      Settings.now = () => nowMillis;
      try {
        return [
          localInstant('2026-10-25', 2, 'Europe/Amsterdam'),
          localInstant('2026-11-01', 1, 'America/New_York'),
        ].map((instant) => instant.toISOString());
      } finally {
        Settings.now = realNow;
      }
    };
    expect(computed(Date.UTC(2026, 0, 15))).toEqual(computed(Date.UTC(2026, 6, 15)));
  });

  it('refuses a bad zone, date or hour', () => {
    expect(() => localInstant('2026-03-01', 9, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localInstant('2026-02-30', 9, 'UTC')).toThrow(RangeError);
    expect(() => localInstant('2026-03-01', 24, 'UTC')).toThrow(RangeError);
  });
});

describe('startOfDay', () => {
  it('is local midnight, whose UTC instant shifts with daylight saving', () => {
    expect(startOfDay('2026-03-29', 'Europe/Amsterdam').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('is 01:00 where the clocks skip midnight (Santiago, 6 September 2026)', () => {
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('todayIn', () => {
  const now = new Date('2026-03-28T23:30:00.000Z');

  it('is the date on the clocks of the zone', () => {
    expect(todayIn('Europe/Amsterdam', now)).toBe('2026-03-29');
    expect(todayIn('America/New_York', now)).toBe('2026-03-28');
    expect(todayIn('UTC', now)).toBe('2026-03-28');
  });
});

describe('zone checks', () => {
  // Each Intl.DateTimeFormat holds ICU memory outside the JS heap that only a full GC frees: one per
  // check grew the API by gigabytes (bench/soak). A zone once found valid is not checked again.
  it('build no Intl.DateTimeFormat for a zone already checked', () => {
    localInstant('2026-03-01', 9, 'Europe/Amsterdam');
    const constructed = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let day = 0; day < 50; day++) {
        localInstant(addDays('2026-03-01', day), 9, 'Europe/Amsterdam');
        startOfDay(addDays('2026-03-01', day), 'Europe/Amsterdam');
        todayIn('Europe/Amsterdam', now(day));
        expect(TimeZone.safeParse('Europe/Amsterdam').success).toBe(true);
      }
      expect(constructed).not.toHaveBeenCalled();
    } finally {
      constructed.mockRestore();
    }
  });

  it('still refuses a zone that is not valid, however often it is asked', () => {
    for (let i = 0; i < 3; i++) expect(TimeZone.safeParse('Europe/Atlantis').success).toBe(false);
    expect(() => todayIn('Europe/Atlantis', now(0))).toThrow(RangeError);
  });
});

function now(day: number): Date {
  return new Date(Date.UTC(2026, 2, 1 + day, 12));
}
