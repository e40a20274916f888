// The emails sent alone, one per activity, each about one thing: the invitation to join a team
// (`rhythm/team-invitation/<id>/<send>`) and the sign-in link (`rhythm/sign-in-link/<id>`). Each is
// rendered, given a rate-limit slot like any provider request, and sent under its own idempotency
// key, so a retry is replayed by Resend (or ignored by the outbox) instead of sent twice. They keep
// no Delivery row: those are a session's timeline, keyed by session, step and date. As with session
// emails, a refusal is an outcome (`failed`, the provider's words) and only what is worth retrying
// fails the activity.
import type { SignInLinkNotifierActivities, TeamInvitationNotifierActivities } from '@rhythm/domain';
import { ApplicationFailure } from '@temporalio/activity';
import type { RateLimiter } from './coalescing/rate-limiter.js';
import type { RenderedEmail } from './templates/render.js';
import { renderSignInLink } from './templates/sign-in-link.render.js';
import { renderTeamInvitation } from './templates/team-invitation.render.js';
import type { EmailTransport } from './transports/transport.js';

export interface SingleEmailDependencies {
  transport: EmailTransport;
  limiter: RateLimiter;
  from: string;
  /** WEB_BASE_URL: the emails' links point there. */
  web: string;
}

export type SingleEmailActivities = TeamInvitationNotifierActivities & SignInLinkNotifierActivities;

export function createSingleEmailActivities({
  transport,
  limiter,
  from,
  web,
}: SingleEmailDependencies): SingleEmailActivities {
  async function send(
    { idempotencyKey, to }: { idempotencyKey: string; to: string },
    rendered: RenderedEmail,
  ): Promise<{ state: 'sent' | 'failed'; reason?: string }> {
    await limiter.acquire();
    try {
      const [outcome] = await transport.sendBatch(
        [{ idempotencyKey, from, to, ...rendered }],
        idempotencyKey,
      );
      return outcome && 'id' in outcome ? { state: 'sent' } : { state: 'failed', reason: outcome?.refused };
    } catch (error) {
      // A wrong key or an unverified domain: retrying cannot cure it.
      if (error instanceof ApplicationFailure && error.nonRetryable)
        return { state: 'failed', reason: error.message };
      throw error;
    }
  }
  return {
    async sendTeamInvitation(invitation) {
      return send(invitation, await renderTeamInvitation(invitation, web));
    },
    async sendSignInLink(email) {
      return send(email, await renderSignInLink(email, web));
    },
  };
}
