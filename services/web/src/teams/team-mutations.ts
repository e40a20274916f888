// The writes of the team pages: the team itself, its members and invitations, leaving it, joining
// by invitation and the caller's profile. Every one refreshes the team's cached reads and /api/me
// (the navigation and the roles that decide which controls show) and My overview.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ok, type ApiClient, type Schemas } from '../api/client';
import { keys } from '../api/queries';
import { useApi } from '../auth/auth-context';

export type Role = Schemas['Member']['roles'][number];
export const allRoles: readonly Role[] = ['administrator', 'process_owner', 'member'];

/** A write through the typed client that refreshes what it may have changed once it settles. */
export function useWrite<V, R>(teamId: string | null, write: (api: ApiClient, variables: V) => Promise<R>) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => write(api, variables),
    onSettled: () =>
      Promise.all([
        teamId ? queryClient.invalidateQueries({ queryKey: keys.team(teamId) }) : null,
        queryClient.invalidateQueries({ queryKey: keys.me }),
        queryClient.invalidateQueries({ queryKey: keys.overview }),
      ]),
  });
}

export const useCreateTeam = () =>
  useWrite(null, (api, body: Schemas['NewTeam']) => ok(api.POST('/api/teams', { body })));

export const useUpdateTeam = (teamId: string) =>
  useWrite(teamId, (api, body: Schemas['TeamChanges']) =>
    ok(api.PATCH('/api/teams/{teamId}', { params: { path: { teamId } }, body })),
  );

export const useChangeRoles = (teamId: string) =>
  useWrite(teamId, (api, { userId, roles }: { userId: string; roles: Role[] }) =>
    ok(
      api.PATCH('/api/teams/{teamId}/members/{userId}', {
        params: { path: { teamId, userId } },
        body: { roles },
      }),
    ),
  );

export const useRemoveMember = (teamId: string) =>
  useWrite(teamId, (api, userId: string) =>
    ok(api.DELETE('/api/teams/{teamId}/members/{userId}', { params: { path: { teamId, userId } } })),
  );

export const useLeaveTeam = (teamId: string) =>
  useWrite(teamId, (api, _: void) =>
    ok(api.DELETE('/api/teams/{teamId}/members/me', { params: { path: { teamId } } })),
  );

export const useInvite = (teamId: string) =>
  useWrite(teamId, (api, body: Schemas['NewInvitation']) =>
    ok(api.POST('/api/teams/{teamId}/invitations', { params: { path: { teamId } }, body })),
  );

export const useResendInvitation = (teamId: string) =>
  useWrite(teamId, (api, invitationId: string) =>
    ok(
      api.POST('/api/teams/{teamId}/invitations/{invitationId}/resend', {
        params: { path: { teamId, invitationId } },
      }),
    ),
  );

export const useRevokeInvitation = (teamId: string) =>
  useWrite(teamId, (api, invitationId: string) =>
    ok(
      api.DELETE('/api/teams/{teamId}/invitations/{invitationId}', {
        params: { path: { teamId, invitationId } },
      }),
    ),
  );

export const useAcceptInvitation = () =>
  useWrite(null, (api, token: string) => ok(api.POST('/api/invitations/accept', { body: { token } })));

export const useUpdateProfile = () =>
  useWrite(null, (api, body: Schemas['ProfileChanges']) => ok(api.PATCH('/api/me', { body })));
