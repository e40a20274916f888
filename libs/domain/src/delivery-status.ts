// What became of an email after the provider accepted it, as Resend's webhooks tell it, and which
// addresses Rhythm stops writing to. Webhooks arrive late, twice or out of order, so the status
// only moves forward: a late "delivered" never overwrites "bounced" or "complained".
import { z } from 'zod';

export const ProviderStatus = z.enum(['delivery_delayed', 'delivered', 'bounced', 'complained', 'failed']);
export type ProviderStatus = z.infer<typeof ProviderStatus>;

/** How far along each status is; a final one (bounced, complained, failed) is never replaced. */
const RANK: Readonly<Record<ProviderStatus, number>> = {
  delivery_delayed: 1,
  delivered: 2,
  bounced: 3,
  complained: 3,
  failed: 3,
};

/** The status after an event saying `next`: `next` if it moves forward, else what it was. */
export function advanceProviderStatus(current: ProviderStatus | null, next: ProviderStatus): ProviderStatus {
  if (current === null) return next;
  // A complaint comes after delivery; nothing comes after a final status.
  return RANK[next] > RANK[current] ? next : current;
}

/** Why an address is no longer emailed: it bounced for good, or its owner marked us as spam. */
export const SuppressionReason = z.enum(['bounced', 'complained']);
export type SuppressionReason = z.infer<typeof SuppressionReason>;

/** Resend's webhook events that change a delivery, with the status each one means. */
export const WEBHOOK_STATUS: Readonly<Record<string, ProviderStatus>> = {
  'email.delivered': 'delivered',
  'email.delivery_delayed': 'delivery_delayed',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.failed': 'failed',
};

/**
 * Whether a bounce stops further emails to the address: a hard ("Permanent") bounce does; a soft one
 * (mailbox full, a transient failure) does not, the next email may well arrive.
 */
export function suppressionFor(status: ProviderStatus, bounceType?: string): SuppressionReason | null {
  if (status === 'complained') return 'complained';
  if (status === 'bounced' && (bounceType ?? 'Permanent') === 'Permanent') return 'bounced';
  return null;
}
