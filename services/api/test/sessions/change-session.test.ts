// Moving, switching and cancelling a session, and team settings, on the real PostgreSQL and Temporal
// dev server: after every outcome, including an injected failed signal or COMMIT, the row and the
// signals its workflow received agree.
import { jest } from '@jest/globals';
import { addDays, sessionWorkflowId, todayIn } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { createSession, createTeam, daysAhead } from '@rhythm/persistence/testing';
import {
  InvalidInputError,
  SessionChangeNotSavedError,
  SessionLockedError,
  WorkflowUnavailableError,
  type SessionView,
} from '../../src/sessions/index.js';
import { failNextCommits } from './commit-faults.js';
import { faultyClient } from './faulty-client.js';
import { signalsOf, workflowState, useSessionHarness } from './session-harness.js';
import { newSession } from '../support/new-session.js';

jest.setTimeout(30_000);

const t = useSessionHarness();

const row = (id: string) => t.harness.orm.em.fork().findOneOrFail(Session, { id });
const failingSignals = (name: string) =>
  t.harness.serviceWith(faultyClient(t.harness.client, { signal: (_id, signal) => signal === name }).client);

async function scheduled(days = 14): Promise<SessionView> {
  return (
    await t.harness.service.createSession(
      t.fixture.team.id,
      newSession({
        date: daysAhead(new Date(), days),
        kind: 'doing',
      }),
    )
  ).session;
}

describe('rescheduleSession', () => {
  it('moves the row, signals reschedule with the new date and raises the revision', async () => {
    const session = await scheduled();
    const date = addDays(session.date, 7);
    const moved = await t.harness.service.rescheduleSession(t.fixture.team.id, session.id, date);

    expect(moved).toMatchObject({ date, revision: 1 });
    expect((await row(session.id)).date).toBe(date);
    expect(await signalsOf(t.harness.client, session.id)).toEqual([
      { name: 'reschedule', payload: { date } },
    ]);
  });

  it('sends nothing for the date the session already has', async () => {
    const session = await scheduled();
    await expect(
      t.harness.service.rescheduleSession(t.fixture.team.id, session.id, session.date),
    ).resolves.toMatchObject({ revision: 0 });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([]);
  });

  it('refuses a date before today, naming the field body.date', async () => {
    const session = await scheduled();
    const yesterday = addDays(todayIn('Europe/Amsterdam', new Date()), -1);
    const attempt = t.harness.service.rescheduleSession(t.fixture.team.id, session.id, yesterday);
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ errors: [{ field: 'body.date' }] });
  });

  it('keeps the row on its date when the signal fails', async () => {
    const session = await scheduled();
    const attempt = failingSignals('reschedule').rescheduleSession(
      t.fixture.team.id,
      session.id,
      addDays(session.date, 7),
    );
    await expect(attempt).rejects.toBeInstanceOf(WorkflowUnavailableError);
    expect(await row(session.id)).toMatchObject({ date: session.date, revision: 0 });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([]);
  });

  it('moves the workflow back when the signal landed but its reply was lost', async () => {
    const session = await scheduled();
    const date = addDays(session.date, 7);
    let failures = 1;
    const temporal = faultyClient(t.harness.client, {
      signal: () => failures-- > 0,
      signalFailure: 'lost-reply',
    });
    await expect(
      t.harness.serviceWith(temporal.client).rescheduleSession(t.fixture.team.id, session.id, date),
    ).rejects.toBeInstanceOf(WorkflowUnavailableError);

    expect(await row(session.id)).toMatchObject({ date: session.date, revision: 0 });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([
      { name: 'reschedule', payload: { date } },
      { name: 'reschedule', payload: { date: session.date } },
    ]);
  });

  it('moves the workflow back when the COMMIT fails after the signal, and says so (503, retry)', async () => {
    const session = await scheduled();
    const date = addDays(session.date, 7);
    await failNextCommits(t.harness.orm, 'UPDATE');
    const attempt = t.harness.service.rescheduleSession(t.fixture.team.id, session.id, date);
    await expect(attempt).rejects.toBeInstanceOf(SessionChangeNotSavedError);
    await expect(attempt).rejects.toMatchObject({
      kind: 'unavailable',
      message:
        'The session was not moved: the database did not save the change, and its workflow is as it was',
      cause: { message: expect.stringMatching(/injected failure at COMMIT/) },
    });

    expect(await row(session.id)).toMatchObject({ date: session.date, revision: 0 });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([
      { name: 'reschedule', payload: { date } },
      { name: 'reschedule', payload: { date: session.date } },
    ]);
  });

  it('says the workflow may have the move when the COMMIT fails and it cannot be moved back; a retry agrees them', async () => {
    const session = await scheduled();
    const date = addDays(session.date, 7);
    let calls = 0;
    const temporal = faultyClient(t.harness.client, { signal: () => calls++ > 0 }); // Only the first lands.
    await failNextCommits(t.harness.orm, 'UPDATE');
    await expect(
      t.harness.serviceWith(temporal.client).rescheduleSession(t.fixture.team.id, session.id, date),
    ).rejects.toMatchObject({
      kind: 'unavailable',
      message:
        'The session was not moved: the database did not save the change, but its workflow may have it: ' +
        'send the request again to put them in step',
    });
    expect(await row(session.id)).toMatchObject({ date: session.date, revision: 0 });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([
      { name: 'reschedule', payload: { date } },
    ]);

    await t.harness.service.rescheduleSession(t.fixture.team.id, session.id, date);
    expect(await row(session.id)).toMatchObject({ date, revision: 1 });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([
      { name: 'reschedule', payload: { date } },
      { name: 'reschedule', payload: { date } },
    ]);
  });

  it('starts the workflow of a row that has none (a create that died after its COMMIT), then moves it', async () => {
    const orphan = await createSession(t.harness.orm, t.fixture.team, { date: daysAhead(new Date(), 14) });
    expect(await workflowState(t.harness.client, orphan.id)).toBeNull();
    const date = addDays(orphan.date, 1);
    await t.harness.service.rescheduleSession(t.fixture.team.id, orphan.id, date);
    expect(await workflowState(t.harness.client, orphan.id)).toBe('RUNNING');
    expect(await signalsOf(t.harness.client, orphan.id)).toEqual([{ name: 'reschedule', payload: { date } }]);
  });

  it('does not find another team’s session', async () => {
    const session = await scheduled();
    const other = await createTeam(t.harness.orm);
    await expect(
      t.harness.service.rescheduleSession(other.team.id, session.id, addDays(session.date, 1)),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('setNotifications', () => {
  it('switches a flag on the row and signals both flags', async () => {
    const session = await scheduled();
    const changed = await t.harness.service.setNotifications(t.fixture.team.id, session.id, {
      reminder: false,
    });
    expect(changed).toMatchObject({ sendInvitation: true, sendReminder: false });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([
      { name: 'setNotifications', payload: { invitation: true, reminder: false } },
    ]);
  });

  it('keeps the flags when the signal fails, and puts the workflow back when the COMMIT fails', async () => {
    const session = await scheduled();
    await expect(
      failingSignals('setNotifications').setNotifications(t.fixture.team.id, session.id, {
        invitation: false,
      }),
    ).rejects.toBeInstanceOf(WorkflowUnavailableError);
    expect(await row(session.id)).toMatchObject({ sendInvitation: true });

    await failNextCommits(t.harness.orm, 'UPDATE');
    await expect(
      t.harness.service.setNotifications(t.fixture.team.id, session.id, { invitation: false }),
    ).rejects.toBeInstanceOf(SessionChangeNotSavedError);
    expect(await row(session.id)).toMatchObject({ sendInvitation: true, sendReminder: true });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([
      { name: 'setNotifications', payload: { invitation: false, reminder: true } },
      { name: 'setNotifications', payload: { invitation: true, reminder: true } },
    ]);
  });
});

describe('cancelSession', () => {
  it('marks the row cancelled and signals cancel with the reason', async () => {
    const session = await scheduled();
    const cancelled = await t.harness.service.cancelSession(t.fixture.team.id, session.id, 'team offsite');
    expect(cancelled).toMatchObject({ state: 'cancelled', revision: 1 });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([
      { name: 'cancel', payload: { reason: 'team offsite' } },
    ]);
  });

  it('keeps the session scheduled when the signal fails', async () => {
    const session = await scheduled();
    await expect(
      failingSignals('cancel').cancelSession(t.fixture.team.id, session.id),
    ).rejects.toBeInstanceOf(WorkflowUnavailableError);
    expect(await row(session.id)).toMatchObject({ state: 'scheduled', revision: 0 });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([]);
  });

  it('completes the cancel on the row when the COMMIT fails after the signal (a cancel cannot be taken back)', async () => {
    const session = await scheduled();
    await failNextCommits(t.harness.orm, 'UPDATE');
    await expect(t.harness.service.cancelSession(t.fixture.team.id, session.id)).resolves.toMatchObject({
      state: 'cancelled',
      revision: 1,
    });
    expect(await row(session.id)).toMatchObject({ state: 'cancelled' });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([{ name: 'cancel', payload: {} }]);
  });

  it('says where the session stands when the COMMIT and the completion both fail (503, retry)', async () => {
    const session = await scheduled();
    await failNextCommits(t.harness.orm, 'UPDATE', 2);
    await expect(t.harness.service.cancelSession(t.fixture.team.id, session.id)).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(
        /^The session was cancelled in its workflow, but the database did not save it/,
      ),
    });
    expect(await row(session.id)).toMatchObject({ state: 'scheduled', revision: 0 });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([{ name: 'cancel', payload: {} }]);
  });

  it('cancels a row that has no workflow without starting one', async () => {
    const orphan = await createSession(t.harness.orm, t.fixture.team, { date: daysAhead(new Date(), 14) });
    await expect(t.harness.service.cancelSession(t.fixture.team.id, orphan.id)).resolves.toMatchObject({
      state: 'cancelled',
    });
    expect(await workflowState(t.harness.client, orphan.id)).toBeNull();
  });
});

describe('held and cancelled sessions are locked', () => {
  it('refuses to move, switch, cancel or report on them', async () => {
    const cancelled = await scheduled();
    await t.harness.service.cancelSession(t.fixture.team.id, cancelled.id);
    const held = await createSession(t.harness.orm, t.fixture.team, { date: daysAhead(new Date(), -7) });
    await t.harness.orm.em.fork().nativeUpdate(Session, { id: held.id }, { state: 'held' });

    for (const id of [cancelled.id, held.id]) {
      await expect(
        t.harness.service.rescheduleSession(t.fixture.team.id, id, daysAhead(new Date(), 30)),
      ).rejects.toBeInstanceOf(SessionLockedError);
      await expect(
        t.harness.service.setNotifications(t.fixture.team.id, id, { reminder: false }),
      ).rejects.toBeInstanceOf(SessionLockedError);
      await expect(t.harness.service.cancelSession(t.fixture.team.id, id)).rejects.toMatchObject({
        kind: 'conflict',
      });
      const report = { progress: 10, trafficLight: 'red', explanation: 'Late' } as const;
      await expect(
        t.harness.service.writeReport(
          t.fixture.team.id,
          id,
          t.fixture.items.actionA.id,
          t.fixture.ada.id,
          report,
        ),
      ).rejects.toBeInstanceOf(SessionLockedError);
    }
  });

  it('locks a session whose day is over even before its workflow marked it held', async () => {
    const past = await createSession(t.harness.orm, t.fixture.team, { date: daysAhead(new Date(), -1) });
    await expect(t.harness.service.cancelSession(t.fixture.team.id, past.id)).rejects.toThrow(
      /day .* is over/,
    );
  });
});

describe('onTeamSettingsChanged', () => {
  const settings = { timeZone: 'America/New_York', sendHour: 8 };

  it('signals every scheduled session of the team, and no cancelled one', async () => {
    const [first, second, gone] = [await scheduled(10), await scheduled(20), await scheduled(30)];
    await t.harness.service.cancelSession(t.fixture.team.id, gone.id);
    await t.harness.service.onTeamSettingsChanged(t.fixture.team.id, settings);

    for (const session of [first, second]) {
      expect(await signalsOf(t.harness.client, session.id)).toEqual([
        { name: 'teamSettingsChanged', payload: settings },
      ]);
    }
    expect((await signalsOf(t.harness.client, gone.id)).map((signal) => signal.name)).toEqual(['cancel']);
  });

  it('puts the old settings back on the sessions already told when one cannot be told, and fails', async () => {
    const [first, second] = [await scheduled(10), await scheduled(20)];
    const unreachable = sessionWorkflowId(second.id);
    const service = t.harness.serviceWith(
      faultyClient(t.harness.client, { signal: (id) => id === unreachable }).client,
    );

    await expect(service.onTeamSettingsChanged(t.fixture.team.id, settings)).rejects.toBeInstanceOf(
      WorkflowUnavailableError,
    );
    expect(await signalsOf(t.harness.client, first.id)).toEqual([
      { name: 'teamSettingsChanged', payload: settings },
      { name: 'teamSettingsChanged', payload: { timeZone: 'Europe/Amsterdam', sendHour: 9 } },
    ]);
    expect(await signalsOf(t.harness.client, second.id)).toEqual([]);
  });
});

describe('resyncSession', () => {
  it('pushes the committed row to the workflow', async () => {
    const session = await scheduled();
    await t.harness.service.resyncSession(t.fixture.team.id, session.id);
    expect((await signalsOf(t.harness.client, session.id)).map((signal) => signal.name)).toEqual([
      'reschedule',
      'setNotifications',
      'teamSettingsChanged',
    ]);
  });
});
