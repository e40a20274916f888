// Creating a session on the real PostgreSQL and Temporal dev server: the row and its workflow come
// together or not at all, and an Idempotency-Key makes a retry return the same session.
import { jest } from '@jest/globals';
import { addDays, addMonths, sessionWorkflowId, todayIn } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { createTeam, daysAhead } from '@rhythm/persistence/testing';
import {
  IdempotencyKeyReusedError,
  InvalidInputError,
  SessionNotFoundError,
  SessionNotSavedError,
  WorkflowUnavailableError,
} from '../../src/sessions/index.js';
import { failNextCommits } from '../support/commit-faults.js';
import { faultyClient } from '../support/faulty-client.js';
import { startInput, workflowState, useSessionHarness } from '../support/session-harness.js';
import { newSession } from '../support/new-session.js';

jest.setTimeout(30_000);

const t = useSessionHarness();

const sessionsOf = (teamId: string) => t.harness.orm.em.fork().find(Session, { team: teamId });

describe('createSession', () => {
  it('writes the row and starts session-<id> on the task queue with the row’s values', async () => {
    const date = daysAhead(new Date(), 12);
    const { session, replayed } = await t.harness.service.createSession(
      t.fixture.team.id,
      newSession({
        date,
        kind: 'steering',
        repeat: 'monthly',
      }),
    );

    expect(replayed).toBe(false);
    expect(session).toMatchObject({
      teamId: t.fixture.team.id,
      date,
      kind: 'steering',
      repeat: 'monthly',
      state: 'scheduled',
      revision: 0,
    });
    // A repeating session is occurrence 0 of a series whose next occurrence is made at once.
    const rows = await sessionsOf(t.fixture.team.id);
    expect(rows.map((row) => `${row.occurrence}:${row.date}`).sort()).toEqual([
      `0:${date}`,
      `1:${addMonths(date, 1)}`,
    ]);
    expect(rows.find((row) => row.occurrence === 0)?.id).toBe(session.id);
    const description = await t.harness.client.workflow.getHandle(sessionWorkflowId(session.id)).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.taskQueue).toBe(t.harness.taskQueue);
    expect(await startInput(t.harness.client, session.id)).toEqual({
      version: 1,
      sessionId: session.id,
      teamId: t.fixture.team.id,
      date,
      kind: 'steering',
      timeZone: 'Europe/Amsterdam',
      sendHour: 9,
      sendInvitation: true,
      sendReminder: true,
      sendEscalation: true, // A steering session created without it escalates.
      repeat: 'none', // The keeper makes the series' next occurrences, not the workflow.
    });
  });

  it('refuses a date before today in the team’s zone, naming the field body.date', async () => {
    const yesterday = addDays(todayIn('Europe/Amsterdam', new Date()), -1);
    const attempt = t.harness.service.createSession(
      t.fixture.team.id,
      newSession({ date: yesterday, kind: 'doing' }),
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({ errors: [{ field: 'body.date' }] });
    expect(await sessionsOf(t.fixture.team.id)).toEqual([]);
  });

  it('accepts today, which is not before today', async () => {
    const today = todayIn('Europe/Amsterdam', new Date());
    await expect(
      t.harness.service.createSession(t.fixture.team.id, newSession({ date: today, kind: 'doing' })),
    ).resolves.toMatchObject({ session: { date: today } });
  });

  it('answers not found for an unknown team', async () => {
    const date = daysAhead(new Date(), 12);
    await expect(
      t.harness.service.createSession(
        '0195f1a2-0000-7000-8000-000000000000',
        newSession({ date, kind: 'doing' }),
      ),
    ).rejects.toBeInstanceOf(SessionNotFoundError);
  });
});

describe('a created session is never half-written', () => {
  it('leaves no row when Temporal refuses the start', async () => {
    const temporal = faultyClient(t.harness.client, { start: 'refused' });
    const attempt = t.harness
      .serviceWith(temporal.client)
      .createSession(t.fixture.team.id, newSession({ date: daysAhead(new Date(), 12), kind: 'doing' }));
    await expect(attempt).rejects.toBeInstanceOf(WorkflowUnavailableError);
    expect(await sessionsOf(t.fixture.team.id)).toEqual([]);
  });

  it('leaves no row and no running workflow when the start landed but its reply was lost', async () => {
    const temporal = faultyClient(t.harness.client, { start: 'lost-reply' });
    const attempt = t.harness
      .serviceWith(temporal.client)
      .createSession(t.fixture.team.id, newSession({ date: daysAhead(new Date(), 12), kind: 'doing' }));
    await expect(attempt).rejects.toBeInstanceOf(WorkflowUnavailableError);

    expect(await sessionsOf(t.fixture.team.id)).toEqual([]);
    expect(temporal.started).toHaveLength(1);
    const sessionId = temporal.started[0]!.slice('session-'.length);
    expect(await workflowState(t.harness.client, sessionId)).toBe('TERMINATED');
  });

  it('starts no workflow when the database fails at COMMIT', async () => {
    const temporal = faultyClient(t.harness.client);
    await failNextCommits(t.harness.orm, 'INSERT');
    const attempt = t.harness
      .serviceWith(temporal.client)
      .createSession(t.fixture.team.id, newSession({ date: daysAhead(new Date(), 12), kind: 'doing' }));
    await expect(attempt).rejects.toBeInstanceOf(SessionNotSavedError);
    await expect(attempt).rejects.toMatchObject({
      kind: 'unavailable',
      cause: expect.objectContaining({ message: expect.stringMatching(/injected failure at COMMIT/) }),
    });
    expect(await sessionsOf(t.fixture.team.id)).toEqual([]);
    expect(temporal.started).toEqual([]);
  });

  it('keeps the row when even its undo fails, and a retry with the same key starts its workflow', async () => {
    // The state a process leaves when it dies between the row's COMMIT and the start.
    const body = newSession({ date: daysAhead(new Date(), 12), kind: 'doing' });
    await failNextCommits(t.harness.orm, 'DELETE');
    const broken = t.harness.serviceWith(faultyClient(t.harness.client, { start: 'refused' }).client);
    await expect(
      broken.createSession(t.fixture.team.id, body, { idempotencyKey: 'retry-me' }),
    ).rejects.toBeInstanceOf(WorkflowUnavailableError);
    const [row] = await sessionsOf(t.fixture.team.id);
    expect(row).toBeDefined();
    expect(await workflowState(t.harness.client, row!.id)).toBeNull();

    const retried = await t.harness.service.createSession(t.fixture.team.id, body, {
      idempotencyKey: 'retry-me',
    });
    expect(retried).toMatchObject({ replayed: true, session: { id: row!.id } });
    expect(await workflowState(t.harness.client, row!.id)).toBe('RUNNING');
  });
});

describe('Idempotency-Key', () => {
  const body = () => newSession({ date: daysAhead(new Date(), 20), kind: 'doing' });

  it('returns the same session for the same key and body, and starts one workflow', async () => {
    const temporal = faultyClient(t.harness.client);
    const service = t.harness.serviceWith(temporal.client);
    const first = await service.createSession(t.fixture.team.id, body(), { idempotencyKey: 'key-1' });
    // Leaving out a default or sending it is the same body.
    const again = await service.createSession(
      t.fixture.team.id,
      newSession({ ...body(), repeat: 'none', sendInvitation: true }),
      { idempotencyKey: 'key-1' },
    );

    expect(first.replayed).toBe(false);
    expect(again).toEqual({ session: first.session, replayed: true });
    expect(await sessionsOf(t.fixture.team.id)).toHaveLength(1);
    expect(temporal.started).toEqual([sessionWorkflowId(first.session.id)]);
  });

  it('makes one session when two requests with one key race', async () => {
    const temporal = faultyClient(t.harness.client);
    const service = t.harness.serviceWith(temporal.client);
    const results = await Promise.all(
      [1, 2, 3].map(() => service.createSession(t.fixture.team.id, body(), { idempotencyKey: 'racing' })),
    );
    expect(new Set(results.map((result) => result.session.id)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(await sessionsOf(t.fixture.team.id)).toHaveLength(1);
    expect(temporal.started).toHaveLength(1);
  });

  it('is a conflict when the key comes back with another body', async () => {
    await t.harness.service.createSession(t.fixture.team.id, body(), { idempotencyKey: 'key-2' });
    const attempt = t.harness.service.createSession(
      t.fixture.team.id,
      newSession({ ...body(), kind: 'steering' }),
      { idempotencyKey: 'key-2' },
    );
    await expect(attempt).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(attempt).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('belongs to one team: the same key in another team makes another session', async () => {
    const other = await createTeam(t.harness.orm);
    const mine = await t.harness.service.createSession(t.fixture.team.id, body(), {
      idempotencyKey: 'shared',
    });
    const theirs = await t.harness.service.createSession(other.team.id, body(), { idempotencyKey: 'shared' });
    expect(theirs.replayed).toBe(false);
    expect(theirs.session.id).not.toBe(mine.session.id);
  });
});
