// The team-invitation workflow's read (team-invitation.workflow.ts): a plain read, so a retry is
// harmless.
import type { InvitationSendState, TeamInvitationActivities } from '@rhythm/domain';
import { Invitation, type Orm } from '@rhythm/persistence';

export function createTeamInvitationActivities({ orm }: { orm: Orm }): TeamInvitationActivities {
  return {
    async invitationSendState({ invitationId, send }): Promise<InvitationSendState> {
      const invitation = await orm.em.fork().findOne(Invitation, { id: invitationId });
      // Not there, or not at this send yet: the API's transaction has not committed (or never will).
      if (!invitation || invitation.sends < send) return 'pending';
      const current =
        invitation.sends === send &&
        !invitation.acceptedAt &&
        !invitation.revokedAt &&
        invitation.expiresAt > new Date();
      return current ? 'current' : 'stale';
    },
  };
}
