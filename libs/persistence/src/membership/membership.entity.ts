import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Role } from '@rhythm/domain';
import { createdAtProperty, updatedAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { Team } from '../team/team.entity.js';
import { User } from '../user/user.entity.js';

export const Membership = defineEntity({
  name: 'Membership',
  tableName: 'membership',
  properties: {
    id: uuidPrimaryKey(),
    team: () => p.manyToOne(Team).ref().deleteRule('cascade'),
    user: () => p.manyToOne(User).ref().deleteRule('cascade'),
    /** A person can hold several roles in one team (e.g. administrator and process owner). */
    roles: p.enum(Role.options).array(),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ name: 'membership_team_user_unique', properties: ['team', 'user'] }],
});

export type Membership = InferEntity<typeof Membership>;
