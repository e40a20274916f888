import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { SuppressionReason } from '@rhythm/domain';
import { createdAtProperty } from '../common/base.properties.js';

/**
 * An address Rhythm no longer emails: it bounced for good, or its owner marked our email as spam
 * (from Resend's webhooks). Keyed by the address, lower-cased: a user whose address is changed to
 * a working one is emailed again; deleting the row lifts it.
 */
export const EmailSuppression = defineEntity({
  name: 'EmailSuppression',
  tableName: 'email_suppression',
  properties: {
    address: p.text().primary(),
    reason: p.enum(SuppressionReason.options),
    /** The provider's words (the bounce message), for Process status and ops. */
    detail: p.text().nullable(),
    createdAt: createdAtProperty(),
  },
});

export type EmailSuppression = InferEntity<typeof EmailSuppression>;
