// The app's reads, one hook per API resource, with the query keys the mutations invalidate.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../auth/auth-context';
import { ok, type Schemas } from './client';

export const keys = {
  me: ['me'] as const,
  overview: ['overview'] as const,
  team: (teamId: string) => ['team', teamId] as const,
  sessions: (teamId: string) => ['team', teamId, 'sessions'] as const,
  session: (teamId: string, sessionId: string) => ['team', teamId, 'sessions', sessionId] as const,
  devUsers: ['dev', 'users'] as const,
  outbox: (page: number) => ['dev', 'outbox', page] as const,
};

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: keys.me, queryFn: () => ok(api.GET('/api/me')) });
}

export function useOverview() {
  const api = useApi();
  return useQuery({ queryKey: keys.overview, queryFn: () => ok(api.GET('/api/me/overview')) });
}

export function useTeam(teamId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.team(teamId),
    queryFn: () => ok(api.GET('/api/teams/{teamId}', { params: { path: { teamId } } })),
  });
}

/** The team's whole calendar: the API answers it a page at a time, so follow nextCursor to the end. */
export function useSessions(teamId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.sessions(teamId),
    queryFn: async () => {
      const sessions: Schemas['SessionListEntry'][] = [];
      let cursor: string | null = null;
      do {
        // The largest page the API allows: one request for all but the longest calendars.
        const query: { limit: number; cursor?: string } = { limit: 500, ...(cursor ? { cursor } : {}) };
        const page: Schemas['SessionList'] = await ok(
          api.GET('/api/teams/{teamId}/sessions', { params: { path: { teamId }, query } }),
        );
        sessions.push(...page.sessions);
        cursor = page.nextCursor;
      } while (cursor);
      return { sessions };
    },
  });
}

/** A repeating series; under the team's key, so every calendar change refreshes it. */
export function useSeries(teamId: string, seriesId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.team(teamId), 'series', seriesId],
    queryFn: () =>
      ok(api.GET('/api/teams/{teamId}/series/{seriesId}', { params: { path: { teamId, seriesId } } })),
  });
}

export function useSessionStatus(teamId: string, sessionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.session(teamId, sessionId), 'status'],
    // The workflow sends on its own time (at once after a late add, a move or a step switched on):
    // while a send is due, look again every few seconds so the timeline shows it without a reload.
    refetchInterval: (query) => {
      const next = query.state.data?.next;
      if (!next) return false;
      return Date.parse(next.at) <= Date.now() + 5_000 ? 3_000 : 60_000;
    },
    queryFn: () =>
      ok(
        api.GET('/api/teams/{teamId}/sessions/{sessionId}/status', {
          params: { path: { teamId, sessionId } },
        }),
      ),
  });
}

export function useSessionReports(teamId: string, sessionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.session(teamId, sessionId), 'reports'],
    queryFn: () =>
      ok(
        api.GET('/api/teams/{teamId}/sessions/{sessionId}/reports', {
          params: { path: { teamId, sessionId } },
        }),
      ),
  });
}

/** The session's calendar file (the API answers text/calendar; it needs the bearer token). */
export function useSessionCalendarFile(teamId: string, sessionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.session(teamId, sessionId), 'calendar'],
    queryFn: async (): Promise<Blob> =>
      (await ok(
        api.GET('/api/teams/{teamId}/sessions/{sessionId}/calendar.ics', {
          params: { path: { teamId, sessionId } },
          parseAs: 'blob',
        }),
      )) as Blob,
  });
}

/** The roles the caller holds in a team, from /api/me: they decide which controls a page shows. */
export function useTeamRoles(teamId: string) {
  const me = useMe();
  const roles = me.data?.teams.find((team) => team.id === teamId)?.roles ?? [];
  return {
    canSchedule: roles.includes('administrator') || roles.includes('process_owner'),
    /** Administrators change the team, its members and its plan; everyone else reads them. */
    canAdminister: roles.includes('administrator'),
    /** False until /api/me has answered: pages wait rather than flash read-only controls. */
    known: me.isSuccess,
    /** Why the roles are unknown (then the page shows no edit controls, and says why). */
    error: me.error,
    retry: () => void me.refetch(),
  };
}
