import { lateInviteDue, planNext, stepsDone, type SessionPlanInput } from './session-plan.js';

// Amsterdam is UTC+1 in winter: 09:00 local is 08:00Z.
const base: SessionPlanInput = {
  sessionDate: '2026-12-15',
  timeZone: 'Europe/Amsterdam',
  sendHour: 9,
  sendInvitation: true,
  sendReminder: true,
  sendEscalation: false,
  invitation: null,
  remindedFor: [],
  escalatedFor: [],
};
const at = (iso: string) => new Date(iso);
const plan = (input: Partial<SessionPlanInput>, now: string) => {
  const next = planNext({ ...base, ...input }, at(now));
  return { step: next.step, at: next.at.toISOString() };
};

describe('planNext', () => {
  it('plans the invitation 7 calendar days before at the send hour', () => {
    expect(plan({}, '2026-12-01T00:00:00Z')).toEqual({ step: 'invitation', at: '2026-12-08T08:00:00.000Z' });
  });

  it('plans the reminder 3 days before once the invitation went out', () => {
    const invitation = { sessionDate: '2026-12-15', at: at('2026-12-08T08:00:00Z') };
    expect(plan({ invitation }, '2026-12-08T08:00:01Z')).toEqual({
      step: 'reminder',
      at: '2026-12-12T08:00:00.000Z',
    });
  });

  it('ends with the session day: held at 00:00 of the next day in the team zone', () => {
    const invitation = { sessionDate: '2026-12-15', at: at('2026-12-08T08:00:00Z') };
    expect(plan({ invitation, remindedFor: ['2026-12-15'] }, '2026-12-12T09:00:00Z')).toEqual({
      step: 'held',
      at: '2026-12-15T23:00:00.000Z',
    });
  });

  it('invites at once when created 5 days ahead, then reminds at the reminder time', () => {
    expect(plan({}, '2026-12-10T10:00:00Z')).toEqual({ step: 'invitation', at: '2026-12-10T10:00:00.000Z' });
    const invitation = { sessionDate: '2026-12-15', at: at('2026-12-10T10:00:00Z') };
    expect(plan({ invitation }, '2026-12-10T10:00:01Z')).toEqual({
      step: 'reminder',
      at: '2026-12-12T08:00:00.000Z',
    });
  });

  it('sends no separate reminder when created 2 days ahead (the invitation went out after the reminder time)', () => {
    const invitation = { sessionDate: '2026-12-15', at: at('2026-12-13T10:00:00Z') };
    expect(plan({ invitation }, '2026-12-13T10:00:01Z').step).toBe('held');
  });

  it('reminds at once when the reminder is switched on after its time', () => {
    const invitation = { sessionDate: '2026-12-15', at: at('2026-12-08T08:00:00Z') };
    expect(plan({ invitation, sendReminder: true }, '2026-12-13T12:00:00Z')).toEqual({
      step: 'reminder',
      at: '2026-12-13T12:00:00.000Z',
    });
  });

  it('skips steps that are switched off', () => {
    expect(plan({ sendInvitation: false }, '2026-12-01T00:00:00Z')).toEqual({
      step: 'reminder',
      at: '2026-12-12T08:00:00.000Z',
    });
    expect(plan({ sendInvitation: false, sendReminder: false }, '2026-12-01T00:00:00Z').step).toBe('held');
  });

  it('does not invite again after a move, and the reminder follows the new date', () => {
    const invitation = { sessionDate: '2026-12-15', at: at('2026-12-08T08:00:00Z') };
    expect(
      plan({ sessionDate: '2026-12-22', invitation, remindedFor: ['2026-12-15'] }, '2026-12-13T00:00:00Z'),
    ).toEqual({
      step: 'reminder',
      at: '2026-12-19T08:00:00.000Z',
    });
  });

  it('keeps the send hour across the end of daylight saving time (Amsterdam, 25 October 2026)', () => {
    // Invitation on 2026-10-24 (summer time, UTC+2), reminder on 2026-10-28 (winter time, UTC+1).
    expect(plan({ sessionDate: '2026-10-31' }, '2026-10-01T00:00:00Z').at).toBe('2026-10-24T07:00:00.000Z');
    const invitation = { sessionDate: '2026-10-31', at: at('2026-10-24T07:00:00Z') };
    expect(plan({ sessionDate: '2026-10-31', invitation }, '2026-10-24T07:00:01Z').at).toBe(
      '2026-10-28T08:00:00.000Z',
    );
  });

  it('plans nothing but the end once the session day is over', () => {
    expect(plan({}, '2026-12-16T00:00:00Z')).toEqual({ step: 'held', at: '2026-12-15T23:00:00.000Z' });
  });
});

describe('planNext: the escalation the day before', () => {
  const invitation = { sessionDate: '2026-12-15', at: at('2026-12-08T08:00:00Z') };
  const escalating = { sendEscalation: true, invitation, remindedFor: ['2026-12-15'] };

  it('comes after the reminder, at the send hour one day before', () => {
    expect(plan(escalating, '2026-12-12T08:00:01Z')).toEqual({
      step: 'escalation',
      at: '2026-12-14T08:00:00.000Z',
    });
  });

  it('is done once per date: then the session is held', () => {
    expect(plan({ ...escalating, escalatedFor: ['2026-12-15'] }, '2026-12-14T08:00:01Z').step).toBe('held');
  });

  it('follows a move: the new date gets its own escalation', () => {
    const moved = { ...escalating, sessionDate: '2026-12-22', escalatedFor: ['2026-12-15'] };
    expect(plan({ ...moved, remindedFor: ['2026-12-15', '2026-12-22'] }, '2026-12-19T09:00:00Z')).toEqual({
      step: 'escalation',
      at: '2026-12-21T08:00:00.000Z',
    });
  });

  it('is done at once when switched on after its time, the session still ahead', () => {
    expect(plan(escalating, '2026-12-15T10:00:00Z')).toEqual({
      step: 'escalation',
      at: '2026-12-15T10:00:00.000Z',
    });
  });

  it('is not planned when off, nor when the invitation itself went out after its time', () => {
    expect(plan({ ...escalating, sendEscalation: false }, '2026-12-12T08:00:01Z').step).toBe('held');
    const late = { sessionDate: '2026-12-15', at: at('2026-12-14T12:00:00Z') };
    expect(plan({ ...escalating, invitation: late }, '2026-12-14T12:00:01Z').step).toBe('held');
  });

  it('keeps the send hour across the start of summer time (Amsterdam, 29 March 2026)', () => {
    const spring = { sessionDate: '2026-03-30', at: at('2026-03-23T08:00:00Z') };
    expect(
      plan(
        { ...escalating, sessionDate: '2026-03-30', invitation: spring, remindedFor: ['2026-03-30'] },
        '2026-03-27T08:00:00Z',
      ).at,
    ).toBe('2026-03-29T07:00:00.000Z');
  });
});

describe('stepsDone', () => {
  it('reads the escalated dates from the record, like the reminded ones', () => {
    const sent = (step: 'invitation' | 'reminder' | 'escalation', sessionDate: string) => ({
      step,
      sessionDate,
      at: at('2026-12-08T08:00:00Z'),
    });
    const done = stepsDone([sent('invitation', '2026-12-15'), sent('escalation', '2026-12-15')]);
    expect(done.escalatedFor).toEqual(['2026-12-15']);
    expect(done.remindedFor).toEqual([]);
  });
});

describe('lateInviteDue', () => {
  const due = (first: string, last: string) =>
    lateInviteDue({ first: at(first), last: at(last) }).toISOString();

  it('invites half a minute after a single change', () => {
    expect(due('2026-12-08T10:00:00Z', '2026-12-08T10:00:00Z')).toBe('2026-12-08T10:00:30.000Z');
  });

  it('waits for the plan to be quiet, so changes in quick succession give one email', () => {
    expect(due('2026-12-08T10:00:00Z', '2026-12-08T10:00:20Z')).toBe('2026-12-08T10:00:50.000Z');
  });

  it('never waits more than a minute after the first change', () => {
    expect(due('2026-12-08T10:00:00Z', '2026-12-08T10:00:45Z')).toBe('2026-12-08T10:01:00.000Z');
  });
});
