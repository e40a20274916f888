import { emailMessage, ownerOf, skipCause, SKIP_REASON } from './notification-rules.js';

const ada = { userId: 'u-ada', name: 'Ada', email: 'ada@example.com', locale: 'en' as const, member: true };
const step = {
  sessionId: 's-1',
  teamId: 't-1',
  teamName: 'Team',
  kind: 'doing' as const,
  sessionDate: '2027-02-10',
  timeZone: 'Europe/Amsterdam',
};

describe('skipCause', () => {
  it('skips someone who left the team before one without an address, and names why', () => {
    expect(skipCause({ member: false, email: null })).toBe('not_a_member');
    expect(skipCause({ member: true, email: null })).toBe('no_email');
    expect(skipCause({ member: true, email: 'a@example.com' })).toBeNull();
    expect(SKIP_REASON.no_email).toBe('no email address');
  });
});

describe('ownerOf', () => {
  it('addresses an owner in their language, else the team’s', () => {
    expect(ownerOf({ id: 'u', name: 'U', email: undefined, locale: null }, 'nl', false)).toEqual({
      userId: 'u',
      name: 'U',
      email: null,
      locale: 'nl',
      member: false,
    });
  });
});

describe('emailMessage', () => {
  it('keys each email by session, step, date, round and owner', () => {
    const moved = emailMessage(
      { ...step, step: 'moved', previousDate: '2027-02-03', round: 2 },
      { ...ada, items: [] },
    );
    expect(moved).toMatchObject({
      idempotencyKey: 'rhythm/session/s-1/moved/2027-02-10/2/u-ada',
      template: 'moved',
      previousDate: '2027-02-03',
      round: 2,
    });
    const invitation = emailMessage(
      { ...step, step: 'invitation', previousDate: '2027-02-10' },
      { ...ada, items: [] },
    );
    expect(invitation.idempotencyKey).toBe('rhythm/session/s-1/invitation/2027-02-10/u-ada');
    expect(invitation).not.toHaveProperty('previousDate'); // Same date: nothing moved.
    expect(invitation).not.toHaveProperty('round');
  });

  it('quotes a cancel reason only in the cancellation', () => {
    expect(
      emailMessage({ ...step, step: 'cancelled', reason: 'Offsite' }, { ...ada, items: [] }).reason,
    ).toBe('Offsite');
    expect(
      emailMessage({ ...step, step: 'reminder', reason: 'Offsite' }, { ...ada, items: [] }),
    ).not.toHaveProperty('reason');
  });
});
