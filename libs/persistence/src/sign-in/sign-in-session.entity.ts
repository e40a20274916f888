import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtProperty, updatedAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { User } from '../user/user.entity.js';

/**
 * A browser's sign-in: the refresh token the API gave it (in an HttpOnly cookie), kept as its
 * SHA-256 only. Each refresh replaces the hash (rotation); a refresh with a replaced token means it
 * was copied, and ends the whole sign-in (`revokedAt`). Signing out revokes it too.
 */
export const SignInSession = defineEntity({
  name: 'SignInSession',
  tableName: 'sign_in_session',
  properties: {
    id: uuidPrimaryKey(),
    user: () => p.manyToOne(User).ref().deleteRule('cascade'),
    tokenHash: p.text().unique('sign_in_session_token_hash_unique'),
    /** The hash the token before the current one had: presenting it again is a replay. */
    previousTokenHash: p.text().nullable().index('sign_in_session_previous_token_hash_index'),
    /** How the person proved who they are: `email_link` or `oidc`. */
    method: p.text(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export type SignInSession = InferEntity<typeof SignInSession>;
