import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Locale } from '@rhythm/domain';
import { createdAtProperty, updatedAtProperty, uuidPrimaryKey } from '../common/base.properties.js';

export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: uuidPrimaryKey(),
    name: p.string(),
    /** Null is allowed: an owner without an email is skipped (and the skip recorded) when mailing. */
    email: p.string().nullable().unique('app_user_email_unique'),
    /** Null means "use the team's locale". */
    locale: p.enum(Locale.options).nullable(),
    /** IANA zone the person reads times in; null means each team's own zone. */
    timeZone: p.string().nullable(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export type User = InferEntity<typeof User>;
