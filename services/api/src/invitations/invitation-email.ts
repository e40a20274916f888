// Hands an invitation's email to its workflow, `team-invitation-<id>-<send>`. Called inside the
// transaction that writes the invitation, after its flush: if Temporal does not take it, the
// invitation is rolled back and the client gets 503 (as a team's new settings are, teams/).
import type { TeamInvitationEmail } from '@rhythm/domain';
import { startTeamInvitationEmail } from '@rhythm/session-lifecycle';
import { WorkflowUnavailableError } from '../sessions/errors.js';
import type { SessionContext } from '../sessions/session-context.js';

export async function emailInvitation(
  ctx: SessionContext,
  send: number,
  email: TeamInvitationEmail,
): Promise<void> {
  try {
    await startTeamInvitationEmail(ctx, send, email);
  } catch (error) {
    throw new WorkflowUnavailableError('The invitation was not sent', error);
  }
}
