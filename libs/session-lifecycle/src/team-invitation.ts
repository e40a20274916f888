// Emailing an invitation to join a team: one start of `team-invitation-<invitationId>-<send>`
// (services/workflows/src/invitations/team-invitation.workflow.ts). The id is the invitation and
// its send number, and an id once used is never reused: a request retried after a lost answer
// finds its workflow started and emails nobody a second time.
import {
  teamInvitationWorkflowId,
  type TeamInvitationEmail,
  type TeamInvitationWorkflowInput,
} from '@rhythm/domain';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { WorkflowContext } from './lifecycle.js';

/** False when this send's workflow already exists (a retried request): it is already on its way. */
export async function startTeamInvitationEmail(
  ctx: WorkflowContext,
  send: number,
  email: TeamInvitationEmail,
): Promise<boolean> {
  const input: TeamInvitationWorkflowInput = { version: 1, send, email };
  try {
    await ctx.client.workflow.start('teamInvitationWorkflow', {
      workflowId: teamInvitationWorkflowId(email.invitationId, send),
      taskQueue: ctx.taskQueue,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
