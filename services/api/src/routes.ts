// Every declared API route, in one list: the router mounts these and the OpenAPI document
// describes these. A new module adds its routes here.
import { devTokenRoutes } from './auth/dev-token.routes.js';
import { devUsersRoutes } from './auth/dev-users.routes.js';
import { signInRoutes } from './auth/sign-in/sign-in.routes.js';
import type { ApiConfig } from './config.js';
import { devOutboxRoutes } from './dev/outbox.routes.js';
import type { Route } from './http/route.js';
import { emailPauseRoutes } from './me/email-pause.routes.js';
import { meRoutes } from './me/me.routes.js';
import { overviewRoutes } from './me/overview.routes.js';
import { invitationRoutes } from './invitations/invitations.routes.js';
import { memberRoutes } from './members/members.routes.js';
import { planRoutes } from './plan/plan-items.routes.js';
import { calendarRoutes } from './sessions/calendar/calendar.routes.js';
import { processStatusRoutes } from './sessions/views/process-status.routes.js';
import { reportRoutes } from './sessions/reports/reports.routes.js';
import { seriesRoutes } from './sessions/series/series.routes.js';
import { sessionRoutes } from './sessions/scheduling/sessions.routes.js';
import { teamRoutes } from './teams/teams.routes.js';
import { webhookRoutes } from './webhooks/webhooks.routes.js';

export function apiRoutes(config: ApiConfig): Route[] {
  return [
    ...devTokenRoutes(config),
    ...devUsersRoutes(config),
    ...devOutboxRoutes(config),
    ...signInRoutes(config),
    ...meRoutes,
    ...emailPauseRoutes,
    ...overviewRoutes,
    ...teamRoutes,
    ...memberRoutes,
    ...invitationRoutes,
    ...planRoutes,
    ...sessionRoutes,
    ...seriesRoutes,
    ...reportRoutes,
    ...processStatusRoutes,
    ...calendarRoutes,
    ...webhookRoutes,
  ];
}
