// Reads of a team's people and plan: its members, its pending invitations (administrators only)
// and the plan (strategies, KPIs, actions) as one value, since every plan view needs all three.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../auth/auth-context';
import { ok, type Schemas } from './client';
import { keys } from './queries';

export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type Strategy = Schemas['Strategy'];
export type Kpi = Schemas['Kpi'];
export type Action = Schemas['Action'];
export interface Plan {
  strategies: Strategy[];
  kpis: Kpi[];
  actions: Action[];
}

export const teamKeys = {
  members: (teamId: string) => [...keys.team(teamId), 'members'] as const,
  invitations: (teamId: string) => [...keys.team(teamId), 'invitations'] as const,
  plan: (teamId: string) => [...keys.team(teamId), 'plan'] as const,
};

export function useMembers(teamId: string) {
  const api = useApi();
  return useQuery({
    queryKey: teamKeys.members(teamId),
    queryFn: () => ok(api.GET('/api/teams/{teamId}/members', { params: { path: { teamId } } })),
  });
}

/** Only administrators may list invitations: others do not ask (the API would answer 403). */
export function useInvitations(teamId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: teamKeys.invitations(teamId),
    enabled,
    queryFn: () => ok(api.GET('/api/teams/{teamId}/invitations', { params: { path: { teamId } } })),
  });
}

export function usePlan(teamId: string) {
  const api = useApi();
  return useQuery({
    queryKey: teamKeys.plan(teamId),
    queryFn: async (): Promise<Plan> => {
      const params = { params: { path: { teamId } } };
      const [{ strategies }, { kpis }, { actions }] = await Promise.all([
        ok(api.GET('/api/teams/{teamId}/strategies', params)),
        ok(api.GET('/api/teams/{teamId}/kpis', params)),
        ok(api.GET('/api/teams/{teamId}/actions', params)),
      ]);
      return { strategies, kpis, actions };
    },
  });
}
