import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { DeliveryState, DeliveryStep, ProviderStatus } from '@rhythm/domain';
import { createdAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { Session } from '../session/session.entity.js';
import { User } from '../user/user.entity.js';

/**
 * One email of one step to one owner for one session date, recorded once. The unique constraint on
 * (session, user, step, session date, round) is what makes "no owner gets the same email twice"
 * hold across activity retries and crashes: a second attempt finds the row instead of sending
 * again. The session date is part of the key because a moved session gets a fresh reminder for its
 * new date; the round because a session moved A → B → A → B tells its owners about B twice.
 */
export const Delivery = defineEntity({
  name: 'Delivery',
  tableName: 'delivery',
  properties: {
    id: uuidPrimaryKey(),
    session: () => p.manyToOne(Session).ref().deleteRule('cascade'),
    user: () => p.manyToOne(User).ref(),
    step: p.enum(DeliveryStep.options),
    /** The session's date when this step was done, 'YYYY-MM-DD'. */
    sessionDate: p.date(),
    /** For "moved" notices: the how-manieth of the session (1, 2, …); 0 for every other step. */
    round: p.integer().default(0),
    /** Sent to the email provider as its Idempotency-Key. */
    idempotencyKey: p.text().unique('delivery_idempotency_key_unique'),
    /** The provider's id of the email (Resend's `email_id`): its webhooks name the email by it. */
    providerMessageId: p.text().nullable().index('delivery_provider_message_id_index'),
    state: p.enum(DeliveryState.options),
    /** Why a delivery was skipped or failed (e.g. "owner has no email"). */
    error: p.text().nullable(),
    /** What the provider's webhooks said became of it; only moves forward (advanceProviderStatus). */
    providerStatus: p.enum(ProviderStatus.options).nullable(),
    providerStatusAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
  },
  uniques: [
    {
      name: 'delivery_session_user_step_date_round_unique',
      properties: ['session', 'user', 'step', 'sessionDate', 'round'],
    },
  ],
});

export type Delivery = InferEntity<typeof Delivery>;
