// Emailing an invitation to join a team: one start of `team-invitation-<invitationId>-<send>`
// (services/workflows/src/invitations/team-invitation.workflow.ts), never twice (start-once.ts).
import {
  teamInvitationWorkflowId,
  type TeamInvitationEmail,
  type TeamInvitationWorkflowInput,
} from '@rhythm/domain';
import type { WorkflowContext } from './lifecycle.js';
import { startOnce } from './start-once.js';

/** False when this send's workflow already exists (a retried request): it is already on its way. */
export async function startTeamInvitationEmail(
  ctx: WorkflowContext,
  send: number,
  email: TeamInvitationEmail,
): Promise<boolean> {
  const input: TeamInvitationWorkflowInput = { version: 1, send, email };
  return startOnce(ctx, 'teamInvitationWorkflow', teamInvitationWorkflowId(email.invitationId, send), input);
}
