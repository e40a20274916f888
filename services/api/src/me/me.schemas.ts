import { Locale, Role } from '@rhythm/domain';
import type { User } from '@rhythm/persistence';
import { z } from 'zod';
import { Id } from '../http/common.schemas.js';

export const UserSchema = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string().nullable().meta({ description: 'Null for a person who gets no email.' }),
    locale: Locale.nullable().meta({ description: 'Null means the team’s locale.' }),
  })
  .meta({ id: 'User' });

export const MeSchema = z
  .object({
    user: UserSchema,
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
