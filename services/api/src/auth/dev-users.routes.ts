// Development sign-in's list: the users a person can pick on the web app's development sign-in page
// (those with an email, which POST /api/dev/token takes), with their teams and roles there. Exists
// exactly where development sign-in does (devSignInEnabled); otherwise 404, in the document too.
import { Role } from '@rhythm/domain';
import { Membership, User } from '@rhythm/persistence';
import { z } from 'zod';
import type { ApiConfig } from '../config.js';
import { Id } from '../http/common.schemas.js';
import { defineRoute, type Route } from '../http/route.js';
import { devSignInEnabled } from './dev-token.routes.js';

const DevUsersSchema = z
  .object({
    users: z.array(
      z.object({
        id: Id,
        name: z.string(),
        email: z.string(),
        teams: z.array(z.object({ id: Id, name: z.string(), roles: z.array(Role) })),
      }),
    ),
  })
  .meta({ id: 'DevUsers', description: 'By name; each user’s teams by name.' });

export function devUsersRoutes(config: ApiConfig): Route[] {
  if (!devSignInEnabled(config)) return [];
  return [
    defineRoute({
      method: 'get',
      path: '/api/dev/users',
      operationId: 'listDevUsers',
      summary: 'Development only: the users development sign-in can pick, with their teams',
      tags: ['development'],
      public: true,
      responses: { 200: DevUsersSchema },
      handler: async ({ em }) => {
        const users = await em.find(User, { email: { $ne: null } }, { orderBy: { name: 'asc', id: 'asc' } });
        const memberships = await em.find(
          Membership,
          { user: { $in: users.map((user) => user.id) } },
          { populate: ['team'], orderBy: { team: { name: 'asc' }, id: 'asc' } },
        );
        const teamsOf = new Map<string, { id: string; name: string; roles: Role[] }[]>();
        for (const { user, team, roles } of memberships) {
          const teams = teamsOf.get(user.id) ?? [];
          teams.push({ id: team.id, name: team.getEntity().name, roles: [...roles] });
          teamsOf.set(user.id, teams);
        }
        const body = users.map(({ id, name, email }) => ({
          id,
          name,
          email: email!,
          teams: teamsOf.get(id) ?? [],
        }));
        return { status: 200, body: { users: body } };
      },
    }),
  ];
}
