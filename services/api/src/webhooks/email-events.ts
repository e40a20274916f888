// What a verified Resend webhook changes: the Delivery row of the email it names (status only
// moves forward), and, for a hard bounce or a complaint, the address joins the suppressions so no
// further email goes to it. Handled once per `svix-id` (Resend retries for a day): the event's id
// is written in the same transaction as its effects, so a retry, or two at once, changes nothing.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { WEBHOOK_STATUS, advanceProviderStatus, suppressionFor, type ProviderStatus } from '@rhythm/domain';
import { Delivery, EmailSuppression, WebhookEvent, type Orm } from '@rhythm/persistence';

/** The part of a Resend email event Rhythm reads. */
export interface EmailEvent {
  type: string;
  created_at?: string;
  data?: { email_id?: string; to?: string[]; bounce?: { type?: string; message?: string } };
}

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

export async function applyEmailEvent(orm: Orm, eventId: string, event: EmailEvent): Promise<EventOutcome> {
  const status: ProviderStatus | undefined = WEBHOOK_STATUS[event.type];
  try {
    return await orm.em.fork().transactional(async (em) => {
      em.create(WebhookEvent, { id: eventId, type: event.type });
      await em.flush(); // The unique id first: a second delivery of the event stops here.
      const emailId = event.data?.email_id;
      if (!status || !emailId) return 'ignored';
      const at = event.created_at ? new Date(event.created_at) : new Date();
      for (const delivery of await em.find(Delivery, { providerMessageId: emailId })) {
        const next = advanceProviderStatus(delivery.providerStatus ?? null, status);
        if (next !== delivery.providerStatus)
          em.assign(delivery, { providerStatus: next, providerStatusAt: at });
      }
      const reason = suppressionFor(status, event.data?.bounce?.type);
      for (const address of reason ? (event.data?.to ?? []) : []) {
        await em.upsert(
          EmailSuppression,
          { address: address.toLowerCase(), reason: reason!, detail: event.data?.bounce?.message ?? null },
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
