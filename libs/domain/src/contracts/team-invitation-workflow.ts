// The team-invitation workflow's contract: `team-invitation-<invitationId>-<send>` emails one
// invitation to join a team, once per send (the first and each "send again"), through the notifier.
// The id comes from the invitation and its send number, so a request the API retries finds the
// workflow already there instead of emailing twice.
import type { Locale, Role } from '../vocabulary.js';

export function teamInvitationWorkflowId(invitationId: string, send: number): string {
  return `team-invitation-${invitationId}-${send}`;
}

/** What the invitation email says; the notifier builds the link from the token and WEB_BASE_URL. */
export interface TeamInvitationEmail {
  /** `rhythm/team-invitation/<id>/<send>`: a retried send is replayed by the provider, not repeated. */
  idempotencyKey: string;
  invitationId: string;
  to: string;
  /** The team's locale: the invitee may not have an account, so no locale of their own. */
  locale: Locale;
  teamName: string;
  inviterName: string;
  roles: Role[];
  /**
   * The secret of the link. It rides in the workflow's input (the database keeps only its
   * SHA-256), so it is in Temporal's history until retention drops it; it dies with the send
   * (expiry, a later send, revocation, acceptance).
   */
  token: string;
  /** ISO instant. */
  expiresAt: string;
}

export interface TeamInvitationWorkflowInput {
  version: 1;
  send: number;
  email: TeamInvitationEmail;
}

/**
 * The sessions worker's read: is this send still the invitation's current one? `pending` until the
 * API's transaction is committed (the workflow is started inside it); `stale` once revoked,
 * accepted or sent again.
 */
export type InvitationSendState = 'current' | 'pending' | 'stale';

export interface TeamInvitationActivities {
  invitationSendState(input: { invitationId: string; send: number }): Promise<InvitationSendState>;
}

/** The notifier's activity for it (beside sendEmails, which is about sessions and their Delivery rows). */
export interface TeamInvitationNotifierActivities {
  sendTeamInvitation(email: TeamInvitationEmail): Promise<{ state: 'sent' | 'failed'; reason?: string }>;
}

export function teamInvitationKey(invitationId: string, send: number): string {
  return `rhythm/team-invitation/${invitationId}/${send}`;
}
