// A session as an iCalendar file (RFC 5545): one all-day event whose UID never changes, so a
// calendar that imported it updates the event when the session moves and drops it when cancelled.
import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { SessionParams } from './sessions.routes.js';

export const getSessionCalendar = defineRoute({
  method: 'get',
  path: '/api/teams/{teamId}/sessions/{sessionId}/calendar.ics',
  operationId: 'getSessionCalendar',
  summary:
    'The session as an iCalendar event (stable UID; SEQUENCE grows with each move; cancelled → METHOD:CANCEL)',
  tags: ['sessions'],
  team: {},
  request: { params: SessionParams },
  responses: {
    200: {
      contentType: 'text/calendar',
      schema: z.string().meta({ example: 'BEGIN:VCALENDAR…' }),
      description: 'RFC 5545',
    },
  },
  handler: async ({ member, params, deps }) => ({
    status: 200,
    body: await deps.sessions.sessionCalendar(member.team.id, params.sessionId),
    headers: { 'Content-Disposition': `attachment; filename="rhythm-session-${params.sessionId}.ics"` },
  }),
});

export const calendarRoutes = [getSessionCalendar];
