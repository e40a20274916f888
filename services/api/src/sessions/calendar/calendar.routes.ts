// A session as an iCalendar file (RFC 5545): one all-day event whose UID never changes, so a
// calendar that imported it updates the event when the session moves and drops it when cancelled.
import { calendarSignatureValid } from '@rhythm/platform';
import { z } from 'zod';
import { UnavailableError } from '../../errors.js';
import { clientError } from '../../http/client-error.js';
import { Id } from '../../http/common.schemas.js';
import { defineRoute } from '../../http/route.js';
import { SessionParams } from '../scheduling/sessions.routes.js';

const ICalendar = {
  contentType: 'text/calendar',
  schema: z.string().meta({ example: 'BEGIN:VCALENDAR…' }),
  description: 'RFC 5545',
};

export const getSessionCalendar = defineRoute({
  method: 'get',
  path: '/api/teams/{teamId}/sessions/{sessionId}/calendar.ics',
  operationId: 'getSessionCalendar',
  summary:
    'The session as an iCalendar event (stable UID; SEQUENCE grows with each move; cancelled → METHOD:CANCEL)',
  tags: ['sessions'],
  team: {},
  request: { params: SessionParams },
  responses: { 200: ICalendar },
  handler: async ({ member, params, deps }) => ({
    status: 200,
    body: await deps.sessions.sessionCalendar(member.team.id, params.sessionId),
    headers: { 'Content-Disposition': `attachment; filename="rhythm-session-${params.sessionId}.ics"` },
  }),
});

/**
 * The link in each invitation, "moved" and "cancelled" email: signed for one session and one owner
 * (EMAIL_LINK_SECRET, libs/platform/src/signed-links.ts), so a calendar app or a mail client can
 * fetch it without signing in. Why a link and not an attachment: see README, "Calendar invitations".
 */
export const getSessionInvitation = defineRoute({
  method: 'get',
  path: '/api/calendar/{sessionId}.ics',
  operationId: 'getSessionInvitation',
  summary:
    'The session as a calendar invitation for one owner (METHOD:REQUEST; cancelled → CANCEL), by signed link',
  tags: ['sessions'],
  public: true,
  request: {
    params: z.object({ sessionId: Id }),
    query: z.object({ user: Id, sig: z.string().min(1).max(100) }),
  },
  responses: { 200: ICalendar },
  problems: [400, 404, 503],
  handler: async ({ params, query, deps }) => {
    const secret = deps.config.EMAIL_LINK_SECRET;
    if (!secret)
      throw new UnavailableError('Calendar links are not configured: EMAIL_LINK_SECRET is not set.');
    if (!calendarSignatureValid(secret, params.sessionId, query.user, query.sig))
      throw clientError(400, 'This calendar link is not valid.');
    return {
      status: 200,
      body: await deps.sessions.sessionInvitationCalendar(params.sessionId, query.user),
      headers: { 'Content-Disposition': `attachment; filename="rhythm-session-${params.sessionId}.ics"` },
    };
  },
});

export const calendarRoutes = [getSessionCalendar, getSessionInvitation];
