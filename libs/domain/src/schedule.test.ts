import { heldAt, isBeforeToday, nextOccurrence, sendTimes } from './schedule.js';

const isPast = (at: Date, now: Date) => at.getTime() <= now.getTime();
import type { SendTimes } from './schedule.js';

function iso(times: SendTimes): Record<keyof SendTimes, string> {
  return {
    invitationAt: times.invitationAt.toISOString(),
    reminderAt: times.reminderAt.toISOString(),
    escalationAt: times.escalationAt.toISOString(),
    sessionStartsAt: times.sessionStartsAt.toISOString(),
    heldAt: times.heldAt.toISOString(),
  };
}

const amsterdam = (sessionDate: string, sendHour = 9) =>
  iso(sendTimes({ sessionDate, timeZone: 'Europe/Amsterdam', sendHour }));
const newYork = (sessionDate: string, sendHour = 9) =>
  iso(sendTimes({ sessionDate, timeZone: 'America/New_York', sendHour }));

describe('sendTimes in Europe/Amsterdam (clocks change on 29 March and 25 October 2026)', () => {
  it('keeps 09:00 local on both sides of the spring change', () => {
    // Invitation on Fri 27 March at 09:00 CET, reminder on Tue 31 March at 09:00 CEST.
    expect(amsterdam('2026-04-03')).toEqual({
      invitationAt: '2026-03-27T08:00:00.000Z',
      reminderAt: '2026-03-31T07:00:00.000Z',
      escalationAt: '2026-04-02T07:00:00.000Z',
      sessionStartsAt: '2026-04-02T22:00:00.000Z',
      heldAt: '2026-04-03T22:00:00.000Z',
    });
    expect(amsterdam('2026-04-10').invitationAt).toBe('2026-04-03T07:00:00.000Z');
  });

  it('counts calendar days, not 168 hours, when the week contains the change', () => {
    // 168 hours before 00:00 CEST on 30 March is 00:00 CET on 23 March; the invitation is at 09:00 CET.
    const times = amsterdam('2026-03-30');
    expect(times.invitationAt).toBe('2026-03-23T08:00:00.000Z');
    expect(times.sessionStartsAt).toBe('2026-03-29T22:00:00.000Z');
  });

  it('keeps 09:00 local on both sides of the autumn change', () => {
    expect(amsterdam('2026-10-30')).toEqual({
      invitationAt: '2026-10-23T07:00:00.000Z',
      reminderAt: '2026-10-27T08:00:00.000Z',
      escalationAt: '2026-10-29T08:00:00.000Z',
      sessionStartsAt: '2026-10-29T23:00:00.000Z',
      heldAt: '2026-10-30T23:00:00.000Z',
    });
  });

  it('gives a session on the change day itself a 23- or 25-hour day', () => {
    expect(amsterdam('2026-03-29')).toMatchObject({
      sessionStartsAt: '2026-03-28T23:00:00.000Z',
      heldAt: '2026-03-29T22:00:00.000Z',
    });
    expect(amsterdam('2026-10-25')).toMatchObject({
      sessionStartsAt: '2026-10-24T22:00:00.000Z',
      heldAt: '2026-10-25T23:00:00.000Z',
    });
  });

  it('sends at 03:00 CEST when the send hour 02:00 is skipped', () => {
    // luxon reads the missing 02:00 with the CET offset: 01:00Z, the instant the clocks jump to 03:00.
    expect(amsterdam('2026-04-05', 2).invitationAt).toBe('2026-03-29T01:00:00.000Z');
    expect(amsterdam('2026-04-05', 2).reminderAt).toBe('2026-04-02T00:00:00.000Z');
  });

  it('sends at the first 02:00 when the clocks show it twice', () => {
    expect(amsterdam('2026-11-01', 2).invitationAt).toBe('2026-10-25T00:00:00.000Z');
  });
});

describe('sendTimes in America/New_York (clocks change on 8 March and 1 November 2026)', () => {
  it('keeps 09:00 local on both sides of the spring change', () => {
    expect(newYork('2026-03-12')).toEqual({
      invitationAt: '2026-03-05T14:00:00.000Z',
      reminderAt: '2026-03-09T13:00:00.000Z',
      escalationAt: '2026-03-11T13:00:00.000Z',
      sessionStartsAt: '2026-03-12T04:00:00.000Z',
      heldAt: '2026-03-13T04:00:00.000Z',
    });
  });

  it('keeps 09:00 local on both sides of the autumn change', () => {
    expect(newYork('2026-11-05')).toEqual({
      invitationAt: '2026-10-29T13:00:00.000Z',
      reminderAt: '2026-11-02T14:00:00.000Z',
      escalationAt: '2026-11-04T14:00:00.000Z',
      sessionStartsAt: '2026-11-05T05:00:00.000Z',
      heldAt: '2026-11-06T05:00:00.000Z',
    });
  });

  it('sends at 03:00 EDT when the send hour 02:00 is skipped', () => {
    expect(newYork('2026-03-15', 2).invitationAt).toBe('2026-03-08T07:00:00.000Z');
  });

  it('sends at the first 01:00 (EDT) when the clocks show it twice', () => {
    expect(newYork('2026-11-08', 1).invitationAt).toBe('2026-11-01T05:00:00.000Z');
  });
});

describe('escalationAt: the day before at the send hour', () => {
  it('is on the day the clocks change, at 09:00 local on either side', () => {
    expect(amsterdam('2026-03-30').escalationAt).toBe('2026-03-29T07:00:00.000Z');
    expect(amsterdam('2026-10-26').escalationAt).toBe('2026-10-25T08:00:00.000Z');
    expect(newYork('2026-03-09').escalationAt).toBe('2026-03-08T13:00:00.000Z');
  });

  it('sends at 03:00 CEST when the send hour 02:00 is skipped that day', () => {
    expect(amsterdam('2026-03-30', 2).escalationAt).toBe('2026-03-29T01:00:00.000Z');
  });

  it('counts 29 February and goes back into the previous year', () => {
    expect(amsterdam('2028-03-01').escalationAt).toBe('2028-02-29T08:00:00.000Z');
    expect(amsterdam('2027-01-01').escalationAt).toBe('2026-12-31T08:00:00.000Z');
  });
});

describe('sendTimes across leap days and year ends', () => {
  it('counts 29 February in a leap year', () => {
    expect(amsterdam('2028-03-03')).toMatchObject({
      invitationAt: '2028-02-25T08:00:00.000Z',
      reminderAt: '2028-02-29T08:00:00.000Z',
    });
    expect(amsterdam('2028-03-01')).toMatchObject({
      invitationAt: '2028-02-23T08:00:00.000Z',
      reminderAt: '2028-02-27T08:00:00.000Z',
    });
  });

  it('has no 29 February in other years', () => {
    expect(amsterdam('2027-03-01')).toMatchObject({
      invitationAt: '2027-02-22T08:00:00.000Z',
      reminderAt: '2027-02-26T08:00:00.000Z',
    });
  });

  it('goes back into the previous year', () => {
    expect(amsterdam('2027-01-02')).toEqual({
      invitationAt: '2026-12-26T08:00:00.000Z',
      reminderAt: '2026-12-30T08:00:00.000Z',
      escalationAt: '2027-01-01T08:00:00.000Z',
      sessionStartsAt: '2027-01-01T23:00:00.000Z',
      heldAt: '2027-01-02T23:00:00.000Z',
    });
  });
});

describe('sendTimes for a session less than a week ahead', () => {
  const now = new Date('2026-03-31T12:00:00.000Z');

  it('still returns the past times: the caller acts at once on them', () => {
    const times = sendTimes({ sessionDate: '2026-04-02', timeZone: 'Europe/Amsterdam', sendHour: 9 });
    expect(times.invitationAt.toISOString()).toBe('2026-03-26T08:00:00.000Z');
    expect(times.reminderAt.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(isPast(times.invitationAt, now)).toBe(true);
    expect(isPast(times.reminderAt, now)).toBe(true);
    expect(isPast(times.sessionStartsAt, now)).toBe(false);
  });

  it('leaves the reminder ahead when only the invitation time has passed', () => {
    const times = sendTimes({ sessionDate: '2026-04-05', timeZone: 'Europe/Amsterdam', sendHour: 9 });
    expect(times.invitationAt.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(times.reminderAt.toISOString()).toBe('2026-04-02T07:00:00.000Z');
    expect(isPast(times.invitationAt, now)).toBe(true);
    expect(isPast(times.reminderAt, now)).toBe(false);
  });
});

describe('sendTimes input', () => {
  it('refuses an impossible date or an unknown zone', () => {
    expect(() => sendTimes({ sessionDate: '2026-02-30', timeZone: 'UTC', sendHour: 9 })).toThrow(RangeError);
    expect(() => sendTimes({ sessionDate: '2026-03-01', timeZone: 'Mars/Olympus', sendHour: 9 })).toThrow(
      RangeError,
    );
  });
});

describe('heldAt', () => {
  it('is 00:00 of the following day in the zone', () => {
    expect(heldAt('2026-12-31', 'America/New_York').toISOString()).toBe('2027-01-01T05:00:00.000Z');
  });
});

describe('nextOccurrence', () => {
  it('does not repeat for none', () => {
    expect(nextOccurrence('2026-03-20', 'none')).toBeNull();
  });

  it('steps a week or two, across month and year ends', () => {
    expect(nextOccurrence('2026-12-28', 'weekly')).toBe('2027-01-04');
    expect(nextOccurrence('2026-03-20', 'every_two_weeks')).toBe('2026-04-03');
    expect(nextOccurrence('2028-02-22', 'weekly')).toBe('2028-02-29');
  });

  it('steps a month, clamping to the end of a shorter month', () => {
    expect(nextOccurrence('2026-01-15', 'monthly')).toBe('2026-02-15');
    expect(nextOccurrence('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(nextOccurrence('2028-01-31', 'monthly')).toBe('2028-02-29');
    expect(nextOccurrence('2026-03-31', 'monthly')).toBe('2026-04-30');
    expect(nextOccurrence('2026-12-31', 'monthly')).toBe('2027-01-31');
  });

  it('steps from the previous date, so a clamped series stays on the earlier day', () => {
    expect(nextOccurrence('2026-02-28', 'monthly')).toBe('2026-03-28');
  });

  it('steps a quarter, clamping the same way', () => {
    expect(nextOccurrence('2026-01-15', 'quarterly')).toBe('2026-04-15');
    expect(nextOccurrence('2026-11-30', 'quarterly')).toBe('2027-02-28');
    expect(nextOccurrence('2027-11-30', 'quarterly')).toBe('2028-02-29');
  });
});

describe('isBeforeToday', () => {
  // 00:30 on 29 March in Amsterdam, still 19:30 on 28 March in New York.
  const now = new Date('2026-03-28T23:30:00.000Z');

  it('judges "today" in the team zone', () => {
    expect(isBeforeToday('2026-03-28', 'Europe/Amsterdam', now)).toBe(true);
    expect(isBeforeToday('2026-03-28', 'America/New_York', now)).toBe(false);
  });

  it('lets today and later dates through', () => {
    expect(isBeforeToday('2026-03-29', 'Europe/Amsterdam', now)).toBe(false);
    expect(isBeforeToday('2027-01-01', 'Europe/Amsterdam', now)).toBe(false);
    expect(isBeforeToday('2025-12-31', 'America/New_York', now)).toBe(true);
  });

  it('refuses an impossible date', () => {
    expect(() => isBeforeToday('2026-02-30', 'UTC', now)).toThrow(RangeError);
  });
});
