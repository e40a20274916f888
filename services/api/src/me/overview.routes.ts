// GET /api/me/overview: what the caller's My overview page shows.
import { defineRoute } from '../http/route.js';
import { myOverview } from './overview.js';
import { OverviewSchema } from './overview.schemas.js';

export const getOverview = defineRoute({
  method: 'get',
  path: '/api/me/overview',
  operationId: 'getMyOverview',
  summary:
    'My overview: per team, the next session, the caller’s items it involves with their report state, and links',
  tags: ['me'],
  responses: { 200: OverviewSchema },
  handler: async ({ caller, em }) => ({ status: 200, body: await myOverview(em, caller, new Date()) }),
});

export const overviewRoutes = [getOverview];
