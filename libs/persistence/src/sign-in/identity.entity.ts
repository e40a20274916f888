import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { User } from '../user/user.entity.js';

/**
 * An account at an OpenID Connect provider, linked to a Rhythm user: the provider's issuer and
 * subject (stable, unlike an email) name the person at every later sign-in. Linked at the first
 * sign-in by the provider's verified email.
 */
export const Identity = defineEntity({
  name: 'Identity',
  tableName: 'identity',
  properties: {
    id: uuidPrimaryKey(),
    user: () => p.manyToOne(User).ref().deleteRule('cascade'),
    issuer: p.text(),
    subject: p.text(),
    /** The verified email the provider gave when the link was made (for support, not for matching). */
    email: p.text(),
    createdAt: createdAtProperty(),
  },
  uniques: [{ name: 'identity_issuer_subject_unique', properties: ['issuer', 'subject'] }],
});

export type Identity = InferEntity<typeof Identity>;
