// The team-settings workflow's reads (team-settings.workflow.ts): both are plain reads, so a retry
// is harmless.
import type { TeamSettingsActivities } from '@rhythm/domain';
import { Session, Team, type Orm } from '@rhythm/persistence';

export function createTeamSettingsActivities({ orm }: { orm: Orm }): TeamSettingsActivities {
  return {
    async committedTeamSettings(teamId) {
      const team = await orm.em.fork().findOne(Team, { id: teamId });
      return team ? { timeZone: team.timeZone, sendHour: team.sendHour } : null;
    },

    async scheduledSessionIds({ teamId, after, limit }) {
      const sessions = await orm.em
        .fork()
        .find(
          Session,
          { team: teamId, state: 'scheduled', ...(after ? { id: { $gt: after } } : {}) },
          { fields: ['id'], orderBy: { id: 'asc' }, limit },
        );
      return sessions.map((session) => session.id);
    },
  };
}
