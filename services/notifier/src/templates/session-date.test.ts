import { formatSessionDate } from './session-date.js';

describe('formatSessionDate', () => {
  it('writes the day out for each locale', () => {
    expect(formatSessionDate('2026-12-15', 'nl-NL')).toBe('dinsdag 15 december 2026');
    expect(formatSessionDate('2026-12-15', 'en-GB')).toMatch(/^Tuesday,? 15 December 2026$/);
  });

  it('names the same day at the edges of the year', () => {
    expect(formatSessionDate('2026-01-01', 'nl-NL')).toBe('donderdag 1 januari 2026');
    expect(formatSessionDate('2026-12-31', 'nl-NL')).toBe('donderdag 31 december 2026');
  });

  it.each(['2026-02-30', '2026-13-01', '15-12-2026', '2026-12-15T00:00:00Z', ''])('refuses %p', (date) => {
    expect(() => formatSessionDate(date, 'en-GB')).toThrow(RangeError);
  });
});
