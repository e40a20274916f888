// The Process status page as its tests open it: the team's page, with an upcoming session (the
// selected one) and a held one, for a caller with the given roles.
import { baseRoutes, heldSessionId, sessionId, sessionList, status, session, teamId } from './fixtures';
import { users } from './render-app';

export const path = `/teams/${teamId}/status`;
export const routes = (roles: Parameters<typeof baseRoutes>[1]) => ({
  ...baseRoutes(users.ada, roles),
  [`GET /api/teams/${teamId}/sessions`]: sessionList,
  [`GET /api/teams/${teamId}/sessions/${sessionId}/status`]: status(),
  [`GET /api/teams/${teamId}/sessions/${heldSessionId}/status`]: status({
    session: session({ id: heldSessionId, date: '2026-10-02', state: 'held' }),
    next: null,
  }),
});
