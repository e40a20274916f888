import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Role } from '@rhythm/domain';
import { createdAtProperty, updatedAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { Team } from '../team/team.entity.js';
import { User } from '../user/user.entity.js';

/**
 * An invitation to join a team, sent to an address: whoever signs in with that address and
 * accepts becomes a member with `roles`. Only the SHA-256 of the link's secret is kept, so the
 * table cannot be read for working links; each send replaces it (and the expiry), so an older
 * email's link stops working. One pending invitation per team and address (the API refreshes it
 * under the team's row lock instead of adding another).
 */
export const Invitation = defineEntity({
  name: 'Invitation',
  tableName: 'invitation',
  properties: {
    id: uuidPrimaryKey(),
    team: () => p.manyToOne(Team).ref().deleteRule('cascade'),
    /** Lower-cased: addresses are compared without case. */
    email: p.text(),
    roles: p.enum(Role.options).array(),
    /** Null once the inviting administrator's account is gone. */
    invitedBy: () => p.manyToOne(User).ref().nullable().deleteRule('set null'),
    tokenHash: p.text().unique('invitation_token_hash_unique'),
    /** 1 for the first email, +1 per "send again": part of the email workflow's id. */
    sends: p.integer().default(1),
    expiresAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ name: 'invitation_team_email_index', properties: ['team', 'email'] }],
});

export type Invitation = InferEntity<typeof Invitation>;
