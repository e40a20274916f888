import type { EmailMessage } from '@rhythm/domain';

/**
 * The parts of a message its Delivery row is keyed by: what recordDeliveries needs, and all that a
 * coalesced email batch keeps of each of its emails.
 */
export type DeliveryMessage = Pick<
  EmailMessage,
  'idempotencyKey' | 'sessionId' | 'template' | 'sessionDate' | 'round'
> & { to: Pick<EmailMessage['to'], 'userId'> };
