import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtProperty, uuidPrimaryKey } from '../common/base.properties.js';

/**
 * A sign-in link emailed to an address, for the browser that asked for it: the link's secret and
 * the browser's (an HttpOnly cookie set when asking) are kept as SHA-256 hashes only. It works once
 * (`usedAt`) and until `expiresAt`. The address need not have an account yet: the first sign-in
 * makes one. No reference to a user, so that asking reveals nothing and makes nothing.
 */
export const SignInLink = defineEntity({
  name: 'SignInLink',
  tableName: 'sign_in_link',
  properties: {
    id: uuidPrimaryKey(),
    /** Lower-cased: addresses are compared without case. */
    email: p.text(),
    tokenHash: p.text().unique('sign_in_link_token_hash_unique'),
    browserHash: p.text(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
  },
});

export type SignInLink = InferEntity<typeof SignInLink>;
