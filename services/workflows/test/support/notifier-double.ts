// Stands in for the notifier on the `notifications` queue in tests about the workflow's decisions
// (who is emailed what, when, and what happens when email fails). It keeps the real notifier's
// contract, failures included, so the workflow meets what production meets:
// - it de-duplicates by idempotency key: a message already sent or skipped is answered from its
//   record and not delivered again; a failed one is tried again;
// - it skips owners without an address or who left the team by the notifier's rule (skipCause);
// - it refuses the addresses a test names (as Resend refuses a bad recipient): that message is
//   `failed` with the provider's words, the others of the batch still go out;
// - while `down`, every call fails with a retryable failure, as the notifier does while Resend
//   answers 5xx or not at all (Temporal retries until the workflow's bound);
// - it writes each outcome as a Delivery row with the notifier's own function (recordDeliveries),
//   so what the keeper and Process status read is there as in production.
// The notifier's own tests cover rendering and the real Resend SDK; tests/integration runs the
// built notifier end to end.
import {
  SKIP_REASON,
  skipCause,
  type EmailMessage,
  type NotifierActivities,
  type SendResult,
  type SignInLinkEmail,
  type SignInLinkNotifierActivities,
  type TeamInvitationEmail,
  type TeamInvitationNotifierActivities,
} from '@rhythm/domain';
import { recordDeliveries, type Orm } from '@rhythm/persistence';
import { ApplicationFailure, Context } from '@temporalio/activity';

export interface NotifierStandIn {
  activities: NotifierActivities & TeamInvitationNotifierActivities & SignInLinkNotifierActivities;
  /** Team invitations as they arrived (retries included). */
  invitations: TeamInvitationEmail[];
  /** Sign-in links as they arrived, each attempt with when Temporal scheduled it (server time). */
  signInLinks: { email: SignInLinkEmail; scheduledAt: Date }[];
  /** Every batch as it arrived, retries and duplicates included. */
  batches: EmailMessage[][];
  /** What reached an inbox: each message once, in order. */
  delivered: EmailMessage[];
  /** From now on, messages to this address are refused (422 validation_error). */
  refuse(address: string): void;
  /** While true, every call fails as a notifier facing a provider outage does. */
  down: boolean;
  /** Delivered messages for one session, as "step:userName:date" strings, sorted. */
  sentFor(sessionId: string): string[];
}

/** `orm`: the test database's, once it is open. */
export function notifierStandIn(orm: () => Orm): NotifierStandIn {
  const records = new Map<string, SendResult>();
  const refused = new Set<string>();
  const standIn: NotifierStandIn = {
    batches: [],
    invitations: [],
    signInLinks: [],
    delivered: [],
    down: false,
    refuse: (address) => refused.add(address),
    activities: {
      async sendTeamInvitation(email) {
        standIn.invitations.push(email);
        return { state: 'sent' };
      },
      async sendSignInLink(email) {
        const scheduledAt = new Date(Context.current().info.currentAttemptScheduledTimestampMs);
        standIn.signInLinks.push({ email, scheduledAt });
        if (standIn.down) throw providerDown();
        return refused.has(email.to) ? { state: 'failed', reason: 'validation_error' } : { state: 'sent' };
      },
      async sendEmails(messages: EmailMessage[]): Promise<SendResult[]> {
        standIn.batches.push(messages);
        if (standIn.down) throw providerDown();
        const results = messages.map((message): SendResult => {
          const recorded = records.get(message.idempotencyKey);
          if (recorded) return recorded;
          const base = { idempotencyKey: message.idempotencyKey, userId: message.to.userId };
          let result: SendResult;
          const skip = skipCause(message.to);
          if (skip) result = { ...base, state: 'skipped', reason: SKIP_REASON[skip] };
          else if (refused.has(message.to.email!)) {
            // Not recorded as final: a retry after the address is fixed sends it.
            return {
              ...base,
              state: 'failed',
              reason: `validation_error: Invalid \`to\` field: ${message.to.email} cannot receive email.`,
            };
          } else {
            result = { ...base, state: 'sent' };
            standIn.delivered.push(message);
          }
          records.set(message.idempotencyKey, result);
          return result;
        });
        await recordDeliveries(
          orm(),
          messages.map((message, i) => {
            const { state, reason } = results[i]!;
            return { message, state, error: reason ?? null, providerMessageId: null };
          }),
          { replaceFailed: true },
        );
        return results;
      },
    },
    sentFor(sessionId) {
      return standIn.delivered
        .filter((message) => message.sessionId === sessionId)
        .map((message) => `${message.template}:${message.to.name}:${message.sessionDate}`)
        .sort();
    },
  };
  return standIn;
}

/** What the notifier throws while the provider answers 5xx: retryable, so Temporal retries. */
function providerDown(): ApplicationFailure {
  return ApplicationFailure.retryable(
    'application_error (500): An unexpected error occurred.',
    'EmailProviderUnavailable',
  );
}
