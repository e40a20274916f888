// `team-invitation-<invitationId>-<send>`: emails one invitation to join a team through the
// notifier. The API starts it inside the transaction that writes the invitation (Temporal
// unreachable: 503, nothing kept), so the workflow first waits, a second at a time for up to
// COMMIT_WAIT_SECONDS, for that write to be visible; a write that never shows was rolled back and
// nothing is sent. A send that is no longer the invitation's current one (revoked, accepted, sent
// again meanwhile) is dropped: its link would not work anyway.
import type {
  TeamInvitationActivities,
  TeamInvitationNotifierActivities,
  TeamInvitationWorkflowInput,
} from '@rhythm/domain';
import { EMAIL_RETRY_BOUND, NOTIFICATIONS_TASK_QUEUE } from '@rhythm/domain';
import { log, proxyActivities, sleep } from '@temporalio/workflow';

const COMMIT_WAIT_SECONDS = 30;

const db = proxyActivities<TeamInvitationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// The session emails' policy (sessions/session-sends.ts): retries end within EMAIL_RETRY_BOUND,
// inside Resend's 24-hour idempotency window, so a retry is replayed and never sent twice.
const notifier = proxyActivities<TeamInvitationNotifierActivities>({
  taskQueue: NOTIFICATIONS_TASK_QUEUE,
  startToCloseTimeout: '10 minutes',
  scheduleToCloseTimeout: EMAIL_RETRY_BOUND,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '15 minutes' },
});

export type TeamInvitationOutcome = 'sent' | 'failed' | 'not committed' | 'stale';

export async function teamInvitationWorkflow(
  input: TeamInvitationWorkflowInput,
): Promise<TeamInvitationOutcome> {
  const { invitationId } = input.email;
  const key = { invitationId, send: input.send };
  let state = await db.invitationSendState(key);
  for (let waited = 0; state === 'pending' && waited < COMMIT_WAIT_SECONDS; waited++) {
    await sleep('1 second');
    state = await db.invitationSendState(key);
  }
  if (state !== 'current') return state === 'pending' ? 'not committed' : 'stale';
  const result = await notifier.sendTeamInvitation(input.email);
  if (result.state === 'failed')
    log.warn('invitation email refused', { invitationId, reason: result.reason });
  return result.state;
}
