// What a verified Resend webhook changes: the Delivery row of the email it names (status only
// moves forward), and, for a hard bounce or a complaint, the address joins the suppressions so no
// further email goes to it. Handled once per `svix-id` (Resend retries for a day): the event's id
// is written in the same transaction as its effects, so a retry, or two at once, changes nothing.
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { WEBHOOK_STATUS, advanceProviderStatus, suppressionFor, type ProviderStatus } from '@rhythm/domain';
import { Delivery, EmailSuppression, WebhookEvent, type Orm } from '@rhythm/persistence';
import { z } from 'zod';
import { UnavailableError } from '../errors.js';

/** A Resend email event, as far as Rhythm reads it (more properties may come and are kept). */
export const EmailEvent = z
  .looseObject({
    type: z.string().meta({ example: 'email.bounced' }),
    created_at: z.string().optional(),
    data: z
      .looseObject({
        email_id: z.string().optional(),
        to: z.array(z.string()).optional(),
        bounce: z.looseObject({ type: z.string().optional(), message: z.string().optional() }).optional(),
      })
      .optional(),
  })
  .meta({
    id: 'ResendEmailEvent',
    description: 'As Resend sends it; read only after its signature verified.',
  });
export type EmailEvent = z.infer<typeof EmailEvent>;

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * How long an event about an email Rhythm has no record of is refused (so Resend retries it): the
 * notifier records an email after the provider's answer, and a fast webhook can come first.
 * After that, such an event is about another sender on the account and is ignored.
 */
const RECORD_GRACE_MS = 15 * 60_000;

export async function applyEmailEvent(orm: Orm, eventId: string, event: EmailEvent): Promise<EventOutcome> {
  const status: ProviderStatus | undefined = WEBHOOK_STATUS[event.type];
  const at = event.created_at ? new Date(event.created_at) : new Date();
  try {
    return await orm.em.fork().transactional(async (em) => {
      em.create(WebhookEvent, { id: eventId, type: event.type });
      await em.flush(); // The unique id first: a second delivery of the event stops here.
      const emailId = event.data?.email_id;
      if (!status || !emailId) return 'ignored';
      // Locked: two events about one email (a bounce and a late delivered) apply one after the other.
      const deliveries = await em.find(
        Delivery,
        { providerMessageId: emailId },
        { populate: ['user'], lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (deliveries.length === 0) {
        if (Date.now() - at.getTime() < RECORD_GRACE_MS)
          throw new UnavailableError(`Email ${emailId} is not recorded yet: send the event again.`);
        return 'ignored';
      }
      const reason = suppressionFor(status, event.data?.bounce?.type);
      for (const delivery of deliveries) {
        const next = advanceProviderStatus(delivery.providerStatus ?? null, status);
        if (next !== delivery.providerStatus)
          em.assign(delivery, { providerStatus: next, providerStatusAt: at });
        // Only the address Rhythm wrote to, never one another sender on the account bounced on.
        const address = delivery.user.getEntity().email?.toLowerCase();
        if (reason && address)
          await em.upsert(
            EmailSuppression,
            { address, reason, detail: event.data?.bounce?.message ?? null },
            { onConflictFields: ['address'], onConflictAction: 'ignore' },
          );
      }
      return 'applied';
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return 'duplicate';
    throw error;
  }
}
