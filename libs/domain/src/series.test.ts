import { missingOccurrences, occurrenceDate, upcomingDates, type SeriesAnchor } from './series.js';

const monthly: SeriesAnchor = { repeat: 'monthly', anchorDate: '2027-01-31', anchorIndex: 0 };
const weekly: SeriesAnchor = { repeat: 'weekly', anchorDate: '2027-01-04', anchorIndex: 0 };

describe('occurrenceDate', () => {
  it('keeps a monthly series on its day: 31 Jan → 28 Feb → 31 Mar → 30 Apr', () => {
    expect([0, 1, 2, 3].map((i) => occurrenceDate(monthly, i))).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
  });

  it('steps weekly, every two weeks and quarterly from the anchor', () => {
    expect(occurrenceDate(weekly, 3)).toBe('2027-01-25');
    expect(occurrenceDate({ ...weekly, repeat: 'every_two_weeks' }, 2)).toBe('2027-02-01');
    expect(occurrenceDate({ ...monthly, repeat: 'quarterly' }, 1)).toBe('2027-04-30');
  });

  it('counts from a later anchor once the repeat was changed', () => {
    expect(occurrenceDate({ repeat: 'monthly', anchorDate: '2027-03-15', anchorIndex: 4 }, 6)).toBe(
      '2027-05-15',
    );
  });
});

describe('missingOccurrences', () => {
  it('makes the first two of a new series', () => {
    expect(missingOccurrences(weekly, [{ index: 0, date: '2027-01-04' }], '2027-01-01')).toEqual([
      { index: 1, date: '2027-01-11' },
    ]);
    expect(missingOccurrences(weekly, [], '2027-01-01')).toEqual([
      { index: 0, date: '2027-01-04' },
      { index: 1, date: '2027-01-11' },
    ]);
  });

  it('makes the one after the next once the previous is past, and nothing more', () => {
    const existing = [
      { index: 0, date: '2027-01-04' },
      { index: 1, date: '2027-01-11' },
    ];
    expect(missingOccurrences(weekly, existing, '2027-01-04')).toEqual([]);
    expect(missingOccurrences(weekly, existing, '2027-01-05')).toEqual([{ index: 2, date: '2027-01-18' }]);
  });

  it('counts a cancelled or moved occurrence where it is now: the series goes on past it', () => {
    // Occurrence 1 (cancelled, still dated ahead) is the next: occurrence 2 must exist.
    const existing = [
      { index: 0, date: '2027-01-04' },
      { index: 1, date: '2027-01-11' },
    ];
    expect(missingOccurrences(weekly, existing, '2027-01-06')).toEqual([{ index: 2, date: '2027-01-18' }]);
    // Occurrence 1 moved to the 13th: still ahead on the 12th, so nothing new is due yet.
    const moved = [
      { index: 1, date: '2027-01-13' },
      { index: 2, date: '2027-01-18' },
    ];
    expect(missingOccurrences(weekly, moved, '2027-01-12')).toEqual([]);
  });

  it('never makes a past date: after a long gap it starts again at the first date ahead', () => {
    expect(missingOccurrences(weekly, [{ index: 0, date: '2027-01-04' }], '2027-02-02')).toEqual([
      { index: 5, date: '2027-02-08' },
      { index: 6, date: '2027-02-15' },
    ]);
  });
});

describe('upcomingDates', () => {
  it('lists what the pattern promises after an occurrence', () => {
    expect(upcomingDates(monthly, 1, 3)).toEqual(['2027-03-31', '2027-04-30', '2027-05-31']);
  });
});
