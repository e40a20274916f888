// Switching and cancelling a session, locked sessions, team settings and a resync, on the real
// PostgreSQL and Temporal dev server: after every outcome, including an injected failed signal or
// COMMIT, the row and the signals its workflow received agree.
import { jest } from '@jest/globals';
import { teamSettingsWorkflowId } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { createSession, daysAhead } from '@rhythm/persistence/testing';
import {
  SessionChangeNotSavedError,
  SessionLockedError,
  WorkflowUnavailableError,
} from '../../src/sessions/index.js';
import { failNextCommits } from '../support/commit-faults.js';
import { faultyClient } from '../support/faulty-client.js';
import {
  signalsOf,
  signalsOfWorkflow,
  startInputOf,
  workflowState,
  useSessionHarness,
} from '../support/session-harness.js';
import { sessionRecords } from '../support/session-records.js';

jest.setTimeout(30_000);

const t = useSessionHarness();
const { schedule: scheduled, row, failingSignals } = sessionRecords(t);

describe('setNotifications', () => {
  it('switches a flag on the row and signals both flags', async () => {
    const session = await scheduled();
    const changed = await t.harness.service.setNotifications(t.fixture.team.id, session.id, {
      reminder: false,
    });
    expect(changed).toMatchObject({ sendInvitation: true, sendReminder: false });
    expect(await signalsOf(t.harness.client, session.id)).toEqual([
      { name: 'setNotifications', payload: { invitation: true, reminder: false, escalation: false } },
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
      { name: 'setNotifications', payload: { invitation: false, reminder: true, escalation: false } },
      { name: 'setNotifications', payload: { invitation: true, reminder: true, escalation: false } },
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

  it('hands the settings to team-settings-<teamId> in one call, and signals no session itself', async () => {
    const session = await scheduled(10);
    await t.harness.service.onTeamSettingsChanged(t.fixture.team.id, settings);
    const workflowId = teamSettingsWorkflowId(t.fixture.team.id);
    expect(await signalsOfWorkflow(t.harness.client, workflowId)).toEqual([
      { name: 'teamSettingsWritten', payload: settings },
    ]);
    expect(await startInputOf(t.harness.client, workflowId)).toEqual({ teamId: t.fixture.team.id });
    // The sessions hear it from that workflow (services/workflows), once the change is committed.
    expect(await signalsOf(t.harness.client, session.id)).toEqual([]);
  });

  it('fails with WorkflowUnavailableError when Temporal does not take the hand-off', async () => {
    const service = t.harness.serviceWith(faultyClient(t.harness.client, { start: 'refused' }).client);
    await expect(service.onTeamSettingsChanged(t.fixture.team.id, settings)).rejects.toBeInstanceOf(
      WorkflowUnavailableError,
    );
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
