import { Locale, Role, TimeZone } from '@rhythm/domain';
import type { User } from '@rhythm/persistence';
import { z } from 'zod';
import { Id, Name } from '../http/common.schemas.js';

export const UserSchema = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string().nullable().meta({ description: 'Null for a person who gets no email.' }),
    locale: Locale.nullable().meta({ description: 'Null means the team’s locale.' }),
  })
  .meta({ id: 'User' });

/** The caller as their profile page shows it: a user plus their own time zone. */
export const ProfileSchema = UserSchema.extend({
  timeZone: z.string().nullable().meta({ description: 'IANA zone; null means each team’s own zone.' }),
}).meta({ id: 'Profile' });

export const ProfileChangesSchema = z
  .strictObject({
    name: Name.optional(),
    locale: Locale.nullable().optional().meta({ description: 'null: each team’s language.' }),
    timeZone: TimeZone.nullable().optional().meta({ description: 'null: each team’s zone.' }),
  })
  .meta({ id: 'ProfileChanges', description: 'Only the properties sent are changed.' });

export const MeSchema = z
  .object({
    user: ProfileSchema,
    teams: z
      .array(
        z.object({
          id: Id,
          name: z.string(),
          roles: z.array(Role),
          emailsPaused: z.boolean().meta({
            description: 'True when the caller paused Rhythm’s emails in this team (the link in each email).',
          }),
        }),
      )
      .meta({ description: 'The teams the caller belongs to, with their roles there.' }),
  })
  .meta({ id: 'Me' });

export function userView(user: User): z.input<typeof UserSchema> {
  return { id: user.id, name: user.name, email: user.email ?? null, locale: user.locale ?? null };
}

export function profileView(user: User): z.input<typeof ProfileSchema> {
  return { ...userView(user), timeZone: user.timeZone ?? null };
}
