// The signed-in user and the teams they belong to: what a client needs to draw its navigation.
import { EmailPause, Membership } from '@rhythm/persistence';
import { defineRoute } from '../http/route.js';
import { MeSchema, userView } from './me.schemas.js';

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
    return { status: 200, body: { user: userView(caller), teams } };
  },
});

export const meRoutes = [getMe];
