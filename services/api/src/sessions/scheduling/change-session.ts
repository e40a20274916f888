// Moving, switching notifications and cancelling a session: the row and the workflow agree after
// every outcome.
//
// Every change follows one order, inside a transaction that holds the row's lock (session-rows.ts):
// check, change the row and flush it (constraints fail here, before Temporal hears anything), signal
// the workflow, COMMIT. So:
// - the signal fails → the transaction rolls back: the row keeps its date, flags and state. A signal
//   can fail after it landed (a lost reply), so a move or a flag switch is undone as below too;
// - the COMMIT fails after the signal → a move or a flag switch is undone by pushing the committed
//   row to the workflow again (`resyncSession`); a cancel cannot be undone in the workflow, so it is
//   completed instead: the row is written cancelled once more (and the workflow itself marks its
//   row cancelled when it handles the signal, whatever the API manages);
// - the database fails at the UPDATE or the COMMIT → SessionChangeNotSavedError (503: retry, as for
//   a create), saying where the workflow stands. A cancel completed as above answers 200; only when
//   completing it fails too is it 503, saying that the workflow has it;
// - the process dies between the signal and the COMMIT → a cancel completes as above; a move or a
//   flag switch leaves the workflow ahead of the row until `resyncSession` runs or the next change of
//   that session (each signal carries absolute values: a date, both flags). That window is one
//   COMMIT round trip; closing it entirely would take an outbox of signals, which would also mean
//   accepting a change that Temporal has not taken yet.
import {
  rescheduleSignal,
  setNotificationsSignal,
  cancelSignal,
  teamSettingsChangedSignal,
} from '@rhythm/domain';
import { sessionRow, signalSession, type SessionRow } from '@rhythm/session-lifecycle';
import type { SignalDefinition } from '@temporalio/client';
import { DomainError } from '../../errors.js';
import { SessionChangeNotSavedError, SessionLockedError, WorkflowUnavailableError } from '../errors.js';
import type { SessionContext } from '../session-context.js';
import { assertSessionDate } from './session-date.js';
import { assertChangeable, findSession, withLockedSession } from '../session-rows.js';
import { sessionView, type SessionView } from '../views/session-views.js';
import type { NotificationsInput } from '../sessions.schemas.js';

export async function rescheduleSession(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
  date: string,
): Promise<SessionView> {
  const told: { saving?: true; before?: SessionRow } = {};
  try {
    return await withLockedSession(ctx, teamId, sessionId, async ({ tx, session, team }) => {
      const now = ctx.now();
      assertChangeable(session, team.timeZone, now);
      assertSessionDate(date, team.timeZone, now);
      if (date === session.date) return sessionView(session);
      const row = sessionRow(session, team);
      session.date = date;
      session.revision += 1;
      told.saving = true;
      await tx.flush();
      told.before = row; // From here the workflow may have the change, even when the signal reports a failure.
      await tell(ctx, row, 'The session was not moved', rescheduleSignal, { date });
      return sessionView(session);
    });
  } catch (error) {
    const restored = told.before ? await undo(ctx, teamId, told.before, 'date') : true;
    throw told.saving ? notSaved('The session was not moved', error, restored) : error;
  }
}

export async function setNotifications(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
  switches: NotificationsInput,
): Promise<SessionView> {
  const told: { saving?: true; before?: SessionRow } = {};
  try {
    return await withLockedSession(ctx, teamId, sessionId, async ({ tx, session, team }) => {
      assertChangeable(session, team.timeZone, ctx.now());
      const before = switchesOf(session);
      const next = {
        invitation: switches.invitation ?? before.invitation,
        reminder: switches.reminder ?? before.reminder,
        escalation: switches.escalation ?? before.escalation,
      };
      const steps = ['invitation', 'reminder', 'escalation'] as const;
      if (steps.every((step) => next[step] === before[step])) return sessionView(session);
      const row = sessionRow(session, team);
      session.sendInvitation = next.invitation;
      session.sendReminder = next.reminder;
      session.sendEscalation = next.escalation;
      told.saving = true;
      await tx.flush();
      told.before = row;
      await tell(ctx, row, 'The notifications were not changed', setNotificationsSignal, next);
      return sessionView(session);
    });
  } catch (error) {
    const restored = told.before ? await undo(ctx, teamId, told.before, 'notifications') : true;
    throw told.saving ? notSaved('The notifications were not changed', error, restored) : error;
  }
}

export async function cancelSession(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
  reason?: string,
): Promise<SessionView> {
  const told = { saving: false, cancel: false };
  try {
    return await withLockedSession(ctx, teamId, sessionId, async ({ tx, session, team }) => {
      assertChangeable(session, team.timeZone, ctx.now());
      const row = sessionRow(session, team);
      session.state = 'cancelled';
      session.revision += 1;
      told.saving = true;
      await tx.flush();
      // No workflow at all is fine: nothing to stop, and the reconciler never starts a cancelled row.
      // A signal that failed may still have landed: then the workflow marks the row cancelled itself.
      await tell(
        ctx,
        { ...row, session: { ...row.session, state: 'cancelled' } },
        'The session was not cancelled',
        cancelSignal,
        reason === undefined ? {} : { reason },
      );
      told.cancel = true;
      return sessionView(session);
    });
  } catch (error) {
    if (!told.cancel) throw told.saving ? notSaved('The session was not cancelled', error, true) : error;
    // The workflow has the cancel and cannot take it back: complete the row instead.
    const em = ctx.orm.em.fork();
    const completed = await em
      .execute(
        `update "session" set "state" = 'cancelled', "revision" = "revision" + 1, "updated_at" = now()
         where "id" = ? and "state" = 'scheduled'`,
        [sessionId],
      )
      .then(() => findSession(em, teamId, sessionId))
      .catch(() => null);
    if (completed?.session.state !== 'cancelled') {
      throw new SessionChangeNotSavedError(
        'The session was cancelled in its workflow, but the database did not save it yet: the workflow ' +
          'marks the session cancelled itself, and sending the request again does so at once',
        error,
      );
    }
    return sessionView(completed.session);
  }
}

/**
 * Pushes the committed row to its workflow: the repair after a COMMIT failed (or the process died)
 * after a signal. The workflow ignores (and records) signals that change nothing, so this is safe to
 * run at any time, e.g. by an operator or a periodic sweep.
 */
export async function resyncSession(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
  aspects: readonly ('date' | 'notifications' | 'team' | 'state')[] = [
    'date',
    'notifications',
    'team',
    'state',
  ],
): Promise<void> {
  await withLockedSession(ctx, teamId, sessionId, async ({ session, team }) => {
    const row = sessionRow(session, team);
    if (session.state === 'cancelled' && aspects.includes('state'))
      await signalSession(ctx, row, cancelSignal, {});
    if (session.state !== 'scheduled') return;
    if (aspects.includes('date')) await signalSession(ctx, row, rescheduleSignal, { date: session.date });
    if (aspects.includes('notifications')) {
      await signalSession(ctx, row, setNotificationsSignal, switchesOf(session));
    }
    if (aspects.includes('team'))
      await signalSession(ctx, row, teamSettingsChangedSignal, {
        timeZone: team.timeZone,
        sendHour: team.sendHour,
      });
  });
}

/** Signals within the change's transaction; a failure becomes the error that rolls it back. */
export async function tell<Args extends unknown[]>(
  ctx: SessionContext,
  row: SessionRow,
  what: string,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<void> {
  let outcome: 'signalled' | 'closed';
  try {
    outcome = await signalSession(ctx, row, signal, ...args);
  } catch (error) {
    throw error instanceof DomainError ? error : new WorkflowUnavailableError(what, error);
  }
  if (outcome === 'closed' && row.session.state === 'scheduled')
    throw new SessionLockedError(row.session.id, 'its workflow has ended');
}

/**
 * A database failure while saving a change (its UPDATE or its COMMIT) is transient: 503, which the
 * client may retry, as for a create. Domain errors (e.g. the signal's) pass as they are.
 */
function notSaved(what: string, error: unknown, restored: boolean): unknown {
  if (error instanceof DomainError) return error;
  return new SessionChangeNotSavedError(
    restored
      ? `${what}: the database did not save the change, and its workflow is as it was`
      : `${what}: the database did not save the change, but its workflow may have it: send the request again to put them in step`,
    error,
  );
}

/**
 * After a failed COMMIT: make the workflow follow the committed row again. Under the row's lock when
 * the database answers (a change that committed meanwhile wins); with the values from before the
 * change when it does not. Best effort: false when neither reached the workflow.
 */
async function undo(
  ctx: SessionContext,
  teamId: string,
  before: SessionRow,
  aspect: 'date' | 'notifications',
): Promise<boolean> {
  try {
    await resyncSession(ctx, teamId, before.session.id, [aspect]);
    return true;
  } catch {
    const again =
      aspect === 'date'
        ? signalSession(ctx, before, rescheduleSignal, { date: before.session.date })
        : signalSession(ctx, before, setNotificationsSignal, switchesOf(before.session));
    return again.then(
      () => true,
      () => false,
    );
  }
}

/** A row's switches as the `setNotifications` signal names them. */
function switchesOf(
  session: Pick<SessionRow['session'], 'sendInvitation' | 'sendReminder' | 'sendEscalation'>,
): Required<NotificationsInput> {
  return {
    invitation: session.sendInvitation,
    reminder: session.sendReminder,
    escalation: session.sendEscalation,
  };
}
