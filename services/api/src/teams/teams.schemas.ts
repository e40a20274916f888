import { Locale, SendHour, TimeZone } from '@rhythm/domain';
import type { Team } from '@rhythm/persistence';
import { z } from 'zod';
import { Id, Instant, Name, instant } from '../http/common.schemas.js';

const TeamTimeZone = TimeZone.meta({
  description: 'IANA time zone; invitation and reminder times are computed in it.',
  example: 'Europe/Amsterdam',
});
const TeamSendHour = SendHour.meta({
  description: 'Hour of the day (0–23, team time) at which invitations and reminders go out.',
  example: 9,
});

export const TeamSchema = z
  .object({
    id: Id,
    name: z.string(),
    timeZone: z.string().meta({ example: 'Europe/Amsterdam' }),
    locale: Locale,
    sendHour: z.number().int().min(0).max(23),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Team' });

export const NewTeamSchema = z
  .strictObject({
    name: Name,
    timeZone: TeamTimeZone.optional().meta({ description: 'Defaults to the server’s DEFAULT_TIME_ZONE.' }),
    locale: Locale.optional().meta({ description: 'Language of the team’s emails; defaults to en.' }),
    sendHour: TeamSendHour.optional(),
  })
  .meta({ id: 'NewTeam' });

export const TeamChangesSchema = z
  .strictObject({
    name: Name.optional(),
    timeZone: TeamTimeZone.optional(),
    locale: Locale.optional(),
    sendHour: TeamSendHour.optional(),
  })
  .meta({ id: 'TeamChanges', description: 'Only the properties sent are changed.' });

export function teamView(team: Team): z.input<typeof TeamSchema> {
  return {
    id: team.id,
    name: team.name,
    timeZone: team.timeZone,
    locale: team.locale,
    sendHour: team.sendHour,
    createdAt: instant(team.createdAt),
    updatedAt: instant(team.updatedAt),
  };
}
