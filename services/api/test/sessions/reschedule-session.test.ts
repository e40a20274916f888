// Moving a session, on the real PostgreSQL and Temporal dev server: after every outcome, including an
// injected failed signal or COMMIT, the row and the signals its workflow received agree.
import { jest } from '@jest/globals';
import { addDays, todayIn } from '@rhythm/domain';
import { createSession, createTeam, daysAhead } from '@rhythm/persistence/testing';
import {
  InvalidInputError,
  SessionChangeNotSavedError,
  WorkflowUnavailableError,
} from '../../src/sessions/index.js';
import { failNextCommits } from '../support/commit-faults.js';
import { faultyClient } from '../support/faulty-client.js';
import { signalsOf, workflowState, useSessionHarness } from '../support/session-harness.js';
import { sessionRecords } from '../support/session-records.js';

jest.setTimeout(30_000);

const t = useSessionHarness();
const { schedule: scheduled, row, failingSignals } = sessionRecords(t);

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
