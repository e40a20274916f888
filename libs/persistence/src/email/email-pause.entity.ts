import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtProperty, uuidPrimaryKey } from '../common/base.properties.js';
import { Team } from '../team/team.entity.js';
import { User } from '../user/user.entity.js';

/**
 * An owner paused Rhythm's emails in a team (the one-click List-Unsubscribe link): no email goes
 * to them there until they resume; the timeline says so instead of a send.
 */
export const EmailPause = defineEntity({
  name: 'EmailPause',
  tableName: 'email_pause',
  properties: {
    id: uuidPrimaryKey(),
    user: () => p.manyToOne(User).ref().deleteRule('cascade'),
    team: () => p.manyToOne(Team).ref().deleteRule('cascade'),
    createdAt: createdAtProperty(),
  },
  uniques: [{ name: 'email_pause_user_team_unique', properties: ['user', 'team'] }],
});

export type EmailPause = InferEntity<typeof EmailPause>;
