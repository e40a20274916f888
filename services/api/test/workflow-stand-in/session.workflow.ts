// A stand-in for the real session workflow (services/workflows), registered under the same name,
// `sessionWorkflow`, by the API's tests: it answers the `status` query and follows `reschedule`,
// `setNotifications` (recorded in `changes` as the real one words them) and `cancel`, nothing else.
// Services never import each other, so the API tests the HTTP side of the query against this; the
// real workflow's query is tested in services/workflows (session-*.workflow.test.ts) and, with the
// built workers as processes, in tests/integration.
import {
  cancelSignal,
  rescheduleSignal,
  setNotificationsSignal,
  statusQuery,
  type SessionStatus,
  type SessionWorkflowInput,
} from '@rhythm/domain';
import { condition, setHandler } from '@temporalio/workflow';

export async function sessionWorkflow(input: SessionWorkflowInput): Promise<void> {
  const status: SessionStatus = {
    sessionDate: input.date,
    kind: input.kind,
    state: 'scheduled',
    next: null,
    sent: [],
    skipped: [],
    changes: [],
  };
  const flags = {
    invitation: input.sendInvitation,
    reminder: input.sendReminder,
    escalation: input.sendEscalation ?? false,
  };
  setHandler(statusQuery, () => status);
  setHandler(rescheduleSignal, ({ date }) => {
    status.changes.push({
      at: new Date().toISOString(),
      what: `moved from ${status.sessionDate} to ${date}`,
    });
    status.sessionDate = date;
  });
  setHandler(setNotificationsSignal, (switches) => {
    const what = (['invitation', 'reminder', 'escalation'] as const)
      .filter((flag) => switches[flag] !== undefined && switches[flag] !== flags[flag])
      .map((flag) => {
        flags[flag] = switches[flag]!;
        return `${flag} ${flags[flag] ? 'on' : 'off'}`;
      });
    if (what.length) status.changes.push({ at: new Date().toISOString(), what: what.join(', ') });
  });
  setHandler(cancelSignal, () => {
    status.state = 'cancelled';
  });
  await condition(() => status.state === 'cancelled');
}
