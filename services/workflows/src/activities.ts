// Every activity the sessions worker runs: the session workflow's and the team-settings workflow's.
import { createSessionActivities, type SessionActivityDependencies } from './sessions/session.activities.js';
import { createTeamSettingsActivities } from './teams/team-settings.activities.js';

export function createWorkerActivities(deps: SessionActivityDependencies) {
  return { ...createSessionActivities(deps), ...createTeamSettingsActivities(deps) };
}

export type WorkerActivities = ReturnType<typeof createWorkerActivities>;
