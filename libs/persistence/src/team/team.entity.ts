import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { DEFAULT_SEND_HOUR, Locale } from '@rhythm/domain';
import { createdAtProperty, updatedAtProperty, uuidPrimaryKey } from '../common/base.properties.js';

export const Team = defineEntity({
  name: 'Team',
  tableName: 'team',
  properties: {
    id: uuidPrimaryKey(),
    name: p.string(),
    /** IANA zone (e.g. Europe/Amsterdam): invitation and reminder times are computed in it. */
    timeZone: p.string(),
    locale: p.enum(Locale.options),
    /** Hour of day (0–23, team time) at which invitations and reminders go out. */
    sendHour: p.smallint().default(DEFAULT_SEND_HOUR).check('send_hour >= 0 and send_hour <= 23'),
    createdAt: createdAtProperty(),
    updatedAt: updatedAtProperty(),
  },
});

export type Team = InferEntity<typeof Team>;
