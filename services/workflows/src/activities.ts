// Every activity the sessions worker runs: the session, team-settings and team-invitation workflows'.
import { createSessionActivities, type SessionActivityDependencies } from './sessions/session.activities.js';
import { createTeamSettingsActivities } from './teams/team-settings.activities.js';
import { createTeamInvitationActivities } from './invitations/team-invitation.activities.js';

export function createWorkerActivities(deps: SessionActivityDependencies) {
  return {
    ...createSessionActivities(deps),
    ...createTeamSettingsActivities(deps),
    ...createTeamInvitationActivities(deps),
  };
}

export type WorkerActivities = ReturnType<typeof createWorkerActivities>;
