// The contract between the session workflow and the notifier: what one email is, and the activity
// that sends a batch of them on the `notifications` task queue.
import type { CalendarDate, TimeZone } from '../calendar-date.js';
import type { SuppressionReason } from '../delivery-status.js';
import type { DeliveryStep, ItemType, Locale, SessionKind } from '../vocabulary.js';

export interface Owner {
  userId: string;
  name: string;
  /** Null when the user has no address: the notifier skips them and records why. */
  email: string | null;
  /** The user's locale, or the team's when the user has none. */
  locale: Locale;
  /** False when the owner has left the team (still owning items): skipped, and the skip recorded. */
  member: boolean;
  /** Set when the address bounced for good or its owner marked us as spam: skipped, with why. */
  suppressed?: SuppressionReason;
  /** True when the owner paused Rhythm's emails in this team (one-click link): skipped. */
  paused?: boolean;
}

export interface EmailItem {
  id: string;
  type: ItemType;
  title: string;
  /** For `escalation`: the item's owner, whom the process owner may chase. */
  ownerName?: string;
}

/** An owner with the items an email is about: all involved items, or only the missing ones. */
export interface OwnerWithItems extends Owner {
  items: EmailItem[];
}

export interface EmailMessage {
  /** Same session, step, session date and owner → same key, so no retry can send twice. */
  idempotencyKey: string;
  template: DeliveryStep;
  to: Owner;
  sessionId: string;
  teamId: string;
  teamName: string;
  kind: SessionKind;
  sessionDate: CalendarDate;
  /** For `moved`: the date the owner was last told about. */
  previousDate?: CalendarDate;
  /**
   * For `moved`: which notice of the session this is (1, 2, …), so that A → B → A → B tells the
   * owner three times instead of taking the third for a repeat of the first. Absent: 0.
   */
  round?: number;
  timeZone: TimeZone;
  items: EmailItem[];
  /** For `cancelled`: why, when the canceller said. */
  reason?: string;
}

export interface SendResult {
  idempotencyKey: string;
  userId: string;
  /** `failed`: the provider refused it (a bad address, a wrong key, a quota); it can be retried. */
  state: 'sent' | 'skipped' | 'failed';
  /** Why it was skipped (no address, left the team) or failed (the provider's words). */
  reason?: string;
}

export interface NotifierActivities {
  /**
   * Renders and sends; records one Delivery per message; a message already sent or skipped is not
   * sent again, a failed one is tried again. Refusals come back as `failed` results, never as an
   * activity failure; only failures worth retrying (429, 5xx, no answer) fail the activity.
   */
  sendEmails(messages: EmailMessage[]): Promise<SendResult[]>;
}

export function deliveryKey(
  sessionId: string,
  step: DeliveryStep,
  sessionDate: CalendarDate,
  userId: string,
  round = 0,
): string {
  return `rhythm/session/${sessionId}/${step}/${sessionDate}/${round ? `${round}/` : ''}${userId}`;
}
