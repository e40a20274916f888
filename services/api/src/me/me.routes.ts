// The signed-in user and the teams they belong to: what a client needs to draw its navigation.
import { EmailPause, Membership } from '@rhythm/persistence';
import { defineRoute } from '../http/route.js';
import { MeSchema, ProfileChangesSchema, ProfileSchema, profileView } from './me.schemas.js';

export const getMe = defineRoute({
  method: 'get',
  path: '/api/me',
  operationId: 'getMe',
  summary: 'The signed-in user and their teams',
  tags: ['me'],
  responses: { 200: MeSchema },
  handler: async ({ caller, em }) => {
    const memberships = await em.find(
      Membership,
      { user: caller.id },
      { populate: ['team'], orderBy: { team: { name: 'asc' }, id: 'asc' } },
    );
    const paused = new Set(
      (await em.find(EmailPause, { user: caller.id }, { fields: ['team'] })).map((pause) => pause.team.id),
    );
    const teams = memberships.map((membership) => ({
      id: membership.team.id,
      name: membership.team.getEntity().name,
      roles: [...membership.roles],
      emailsPaused: paused.has(membership.team.id),
    }));
    return { status: 200, body: { user: profileView(caller), teams } };
  },
});

export const updateMe = defineRoute({
  method: 'patch',
  path: '/api/me',
  operationId: 'updateMe',
  summary: 'Change your own name, language or time zone',
  description: 'Language and time zone may be null: then each team’s own is used.',
  tags: ['me'],
  request: { body: ProfileChangesSchema },
  responses: { 200: ProfileSchema },
  handler: async ({ caller, body, em }) => {
    // The caller was loaded by this request's entity manager, so assigning and flushing saves it.
    em.assign(caller, body);
    await em.flush();
    return { status: 200, body: profileView(caller) };
  },
});

export const meRoutes = [getMe, updateMe];
