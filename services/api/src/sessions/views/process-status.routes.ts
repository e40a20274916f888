// The Process status page of one session: how the reports stand, who was emailed, what goes out next.
import { defineRoute } from '../../http/route.js';
import { SessionStatusSchema } from './session-views.schemas.js';
import { SessionParams } from '../scheduling/sessions.routes.js';

export const getSessionStatus = defineRoute({
  method: 'get',
  path: '/api/teams/{teamId}/sessions/{sessionId}/status',
  operationId: 'getSessionStatus',
  summary:
    'Process status: report counts, items without a current report, who was invited and reminded, the next send',
  description:
    'Counts the involved items by the traffic light of their current report (`missing`: none), lists the owners with items still ' +
    'without one, the emails recorded so far, and previews the next send (step, time, recipients) with the rule the workflow uses.',
  tags: ['sessions'],
  team: {},
  request: { params: SessionParams },
  responses: { 200: SessionStatusSchema },
  handler: async ({ member, params, deps }) => ({
    status: 200,
    body: await deps.sessions.sessionStatus(member.team.id, params.sessionId),
  }),
});

export const processStatusRoutes = [getSessionStatus];
