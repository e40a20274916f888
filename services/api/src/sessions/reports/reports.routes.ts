// Progress reports for a session: every involved item with its current report (members read), and
// writing one (the item's owner or an administrator).
import { PlanItem } from '@rhythm/persistence';
import { requireReportWriter } from '../../auth/access.js';
import { NotFoundError } from '../../errors.js';
import { Id } from '../../http/common.schemas.js';
import { defineRoute } from '../../http/route.js';
import { NewReportSchema, ReportSchema, SessionReportsSchema } from '../views/session-views.schemas.js';
import { SessionParams } from '../scheduling/sessions.routes.js';

const tags = ['reports'];

export const listSessionReports = defineRoute({
  method: 'get',
  path: '/api/teams/{teamId}/sessions/{sessionId}/reports',
  operationId: 'listSessionReports',
  summary: 'Every item the session involves, with its owner and its current report (null when none)',
  tags,
  team: {},
  request: { params: SessionParams },
  responses: { 200: SessionReportsSchema },
  handler: async ({ member, params, deps }) => ({
    status: 200,
    body: await deps.sessions.sessionReports(member.team.id, params.sessionId),
  }),
});

export const writeSessionReport = defineRoute({
  method: 'put',
  path: '/api/teams/{teamId}/sessions/{sessionId}/items/{itemId}/report',
  operationId: 'writeSessionReport',
  summary: 'Report on an item for a session (the item’s owner or an administrator)',
  description:
    'Adds a report linked to the session; it is the item’s current report for that session from now on (reports are kept, ' +
    'never edited: each PUT adds one and the newest counts), so the answer is always 200. An item not in the team is 404; ' +
    'one the session does not involve (a strategy or KPI in a doing session) is 422 naming `params.itemId`. A held or ' +
    'cancelled session takes no more reports (409).',
  tags,
  team: {},
  request: { params: SessionParams.extend({ itemId: Id }), body: NewReportSchema },
  responses: { 200: ReportSchema },
  problems: [403, 404, 409],
  handler: async ({ member, params, body, caller, em, deps }) => {
    const item = await em.findOne(PlanItem, { id: params.itemId, team: member.team.id });
    if (!item) throw new NotFoundError(`No item ${params.itemId} in this team`);
    requireReportWriter(member, item);
    const report = await deps.sessions.writeReport(
      member.team.id,
      params.sessionId,
      item.id,
      caller.id,
      body,
    );
    return { status: 200, body: report };
  },
});

export const reportRoutes = [listSessionReports, writeSessionReport];
