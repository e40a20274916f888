// The calendar's writes. Each one refreshes the team's calendar, the session's views and My
// overview, since a new date or a cancellation changes all three.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, type Schemas } from '../api/client';
import { keys } from '../api/queries';
import { useApi } from '../auth/auth-context';

export type NewSession = Schemas['NewSession'];
export type SessionChanges = Schemas['SessionChanges'];
export type SeriesRepeat = Schemas['SeriesChanges']['repeat'];

function useRefresh(teamId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.team(teamId) }),
      queryClient.invalidateQueries({ queryKey: keys.overview }),
    ]);
}

/**
 * The Idempotency-Key is made once per form (the caller passes it), so a double click or a retry
 * after a lost answer gives the same session, not two.
 */
export function useCreateSession(teamId: string) {
  const api = useApi();
  const refresh = useRefresh(teamId);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewSession; idempotencyKey: string }) =>
      ok(
        api.POST('/api/teams/{teamId}/sessions', {
          params: { path: { teamId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useUpdateSession(teamId: string, sessionId: string) {
  const api = useApi();
  const refresh = useRefresh(teamId);
  return useMutation({
    mutationFn: (body: SessionChanges) =>
      ok(
        api.PATCH('/api/teams/{teamId}/sessions/{sessionId}', {
          params: { path: { teamId, sessionId } },
          body,
        }),
      ),
    onSettled: refresh,
  });
}

export function useCancelSession(teamId: string, sessionId: string) {
  const api = useApi();
  const refresh = useRefresh(teamId);
  return useMutation({
    mutationFn: (reason: string | undefined) =>
      ok(
        api.DELETE('/api/teams/{teamId}/sessions/{sessionId}', {
          params: { path: { teamId, sessionId }, query: reason ? { reason } : {} },
        }),
      ),
    onSettled: refresh,
  });
}

/** Asks the workflow to send the session's failed emails again (their cause fixed meanwhile). */
export function useRetryFailed(teamId: string, sessionId: string) {
  const api = useApi();
  const refresh = useRefresh(teamId);
  return useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/teams/{teamId}/sessions/{sessionId}/retry-failed', {
          params: { path: { teamId, sessionId } },
        }),
      ),
    onSettled: refresh,
  });
}

/** Changes or stops (`none`) a series' repeat, from its next session on. */
export function useChangeSeriesRepeat(teamId: string, seriesId: string) {
  const api = useApi();
  const refresh = useRefresh(teamId);
  return useMutation({
    mutationFn: (repeat: SeriesRepeat) =>
      ok(
        api.PATCH('/api/teams/{teamId}/series/{seriesId}', {
          params: { path: { teamId, seriesId } },
          body: { repeat },
        }),
      ),
    onSettled: refresh,
  });
}

/** Cancels every session of the series still ahead. */
export function useCancelSeries(teamId: string, seriesId: string) {
  const api = useApi();
  const refresh = useRefresh(teamId);
  return useMutation({
    mutationFn: (reason: string | undefined) =>
      ok(
        api.DELETE('/api/teams/{teamId}/series/{seriesId}', {
          params: { path: { teamId, seriesId }, query: reason ? { reason } : {} },
        }),
      ),
    onSettled: refresh,
  });
}
