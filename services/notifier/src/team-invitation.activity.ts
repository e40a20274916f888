// The team invitation's one email: rendered, given a rate-limit slot like any provider request, and
// sent alone under its own idempotency key (`rhythm/team-invitation/<id>/<send>`), so a retry is
// replayed by Resend (or ignored by the outbox) instead of sent twice. It keeps no Delivery row:
// those are a session's timeline, keyed by session, step and date. As with session emails, a
// refusal is an outcome (`failed`, the provider's words) and only what is worth retrying fails the
// activity.
import type { TeamInvitationEmail, TeamInvitationNotifierActivities } from '@rhythm/domain';
import { ApplicationFailure } from '@temporalio/activity';
import type { RateLimiter } from './coalescing/rate-limiter.js';
import { renderTeamInvitation } from './templates/team-invitation.render.js';
import type { EmailTransport } from './transports/transport.js';

export interface TeamInvitationSenderDependencies {
  transport: EmailTransport;
  limiter: RateLimiter;
  from: string;
  /** WEB_BASE_URL: the accept link points there. */
  web: string;
}

export function createTeamInvitationActivities({
  transport,
  limiter,
  from,
  web,
}: TeamInvitationSenderDependencies): TeamInvitationNotifierActivities {
  return {
    async sendTeamInvitation(invitation: TeamInvitationEmail) {
      const rendered = await renderTeamInvitation(invitation, web);
      await limiter.acquire();
      try {
        const email = { idempotencyKey: invitation.idempotencyKey, from, to: invitation.to, ...rendered };
        const [outcome] = await transport.sendBatch([email], invitation.idempotencyKey);
        return outcome && 'id' in outcome ? { state: 'sent' } : { state: 'failed', reason: outcome?.refused };
      } catch (error) {
        // A wrong key or an unverified domain: retrying cannot cure it.
        if (error instanceof ApplicationFailure && error.nonRetryable)
          return { state: 'failed', reason: error.message };
        throw error;
      }
    },
  };
}
