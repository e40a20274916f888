// The notification rules every part shares, in one place: what one email to one owner is, whom
// the notifier skips and why, how an owner is addressed, how many emails go in one provider
// request, and how long a send may be retried. The workflow builds its messages here, the
// notifier and its test double skip by these rules, the API previews with them.
import type { CalendarDate, TimeZone } from './calendar-date.js';
import {
  deliveryKey,
  type EmailMessage,
  type Owner,
  type OwnerWithItems,
} from './contracts/notifications.js';
import type { SuppressionReason } from './delivery-status.js';
import type { DeliveryStep, Locale, SessionKind } from './vocabulary.js';

/** Resend's batch endpoint takes at most 100 emails per request: the notifier's chunk size. */
export const EMAIL_BATCH_LIMIT = 100;

/**
 * How long one step's sending may be retried (the workflow's notifier scheduleToCloseTimeout).
 * Well inside Resend's 24-hour idempotency window: a retry after the window would send again
 * an email the provider has forgotten it sent.
 */
export const EMAIL_RETRY_BOUND = '20 hours';

export type SkipCause = 'not_a_member' | 'no_email' | SuppressionReason | 'paused';

/**
 * Why an owner gets no email, or null: someone who left the team, then one without an address,
 * then an address that bounced for good or whose owner marked us as spam, then an owner who paused
 * Rhythm's emails in the team.
 */
export function skipCause(
  owner: Pick<Owner, 'member' | 'email' | 'suppressed' | 'paused'>,
): SkipCause | null {
  if (!owner.member) return 'not_a_member';
  if (!owner.email) return 'no_email';
  if (owner.suppressed) return owner.suppressed;
  return owner.paused ? 'paused' : null;
}

/** The words a skip is recorded with (Delivery rows, the workflow's status). */
export const SKIP_REASON: Readonly<Record<SkipCause, string>> = {
  not_a_member: 'left the team',
  no_email: 'no email address',
  bounced: 'the address bounced: emails to it stopped until it is fixed',
  complained: 'the owner marked our email as spam: emails to them stopped',
  paused: 'the owner paused Rhythm’s emails in this team',
};

/** An owner as emails address them: in their own language, else the team's. */
export function ownerOf(
  user: { id: string; name: string; email?: string | null; locale?: Locale | null },
  teamLocale: Locale,
  member: boolean,
  suppressed?: SuppressionReason,
  paused = false,
): Owner {
  return {
    userId: user.id,
    name: user.name,
    email: user.email ?? null,
    locale: user.locale ?? teamLocale,
    member,
    ...(suppressed ? { suppressed } : {}),
    ...(paused ? { paused } : {}),
  };
}

export interface StepOfSession {
  sessionId: string;
  teamId: string;
  teamName: string;
  kind: SessionKind;
  step: DeliveryStep;
  sessionDate: CalendarDate;
  timeZone: TimeZone;
  /** For `moved`: the date owners were last told of. */
  previousDate?: CalendarDate | undefined;
  /** For `moved`: the how-manieth notice of the session; 0 otherwise. */
  round?: number;
  /** For `cancelled`: the canceller's reason. */
  reason?: string | undefined;
}

/** One email of `step` to one owner, under the key that makes it sent once at most. */
export function emailMessage(step: StepOfSession, { items, ...to }: OwnerWithItems): EmailMessage {
  const { sessionId, sessionDate, previousDate, round = 0 } = step;
  return {
    idempotencyKey: deliveryKey(sessionId, step.step, sessionDate, to.userId, round),
    template: step.step,
    to,
    sessionId,
    teamId: step.teamId,
    teamName: step.teamName,
    kind: step.kind,
    sessionDate,
    ...(previousDate && previousDate !== sessionDate ? { previousDate } : {}),
    timeZone: step.timeZone,
    items,
    ...(step.step === 'cancelled' && step.reason ? { reason: step.reason } : {}),
    ...(round ? { round } : {}),
  };
}
