// Teams: create one (its creator administers it and owns its process), read it, change its settings.
import { DEFAULT_SEND_HOUR } from '@rhythm/domain';
import { Membership, Team } from '@rhythm/persistence';
import { ConflictError } from '../errors.js';
import { TeamParams } from '../http/common.schemas.js';
import { defineRoute } from '../http/route.js';
import { NewTeamSchema, TeamChangesSchema, TeamSchema, teamView } from './teams.schemas.js';

export const createTeam = defineRoute({
  method: 'post',
  path: '/api/teams',
  operationId: 'createTeam',
  summary: 'Create a team; the caller becomes its administrator and process owner',
  tags: ['teams'],
  request: { body: NewTeamSchema },
  responses: { 201: TeamSchema },
  problems: [409],
  handler: async ({ body, caller, em, deps }) => {
    // A cap against runaway scripts and abuse (OWASP API4): MAX_TEAMS_PER_USER.
    const teams = await em.count(Membership, { user: caller.id });
    if (teams >= deps.config.MAX_TEAMS_PER_USER)
      throw new ConflictError(
        `You are in ${teams} teams, the most this server allows for one person; leave one before creating another`,
      );
    const team = em.create(Team, {
      name: body.name,
      timeZone: body.timeZone ?? deps.config.DEFAULT_TIME_ZONE,
      locale: body.locale ?? 'en',
      sendHour: body.sendHour ?? DEFAULT_SEND_HOUR,
    });
    em.create(Membership, { team, user: caller, roles: ['administrator', 'process_owner'] });
    await em.flush();
    return { status: 201, body: teamView(team) };
  },
});

export const getTeam = defineRoute({
  method: 'get',
  path: '/api/teams/{teamId}',
  operationId: 'getTeam',
  summary: 'A team the caller belongs to',
  tags: ['teams'],
  team: {},
  request: { params: TeamParams },
  responses: { 200: TeamSchema },
  handler: async ({ member }) => ({ status: 200, body: teamView(member.team) }),
});

export const updateTeam = defineRoute({
  method: 'patch',
  path: '/api/teams/{teamId}',
  operationId: 'updateTeam',
  summary: 'Change a team’s name, time zone, locale or send hour (administrators)',
  description:
    'A new time zone or send hour is handed, before the change is kept, to the `team-settings-<teamId>` workflow, which tells every scheduled session ' +
    'once the change is committed (the answer does not wait for that); if Temporal does not take it, nothing changes (503).',
  tags: ['teams'],
  team: { roles: ['administrator'] },
  request: { params: TeamParams, body: TeamChangesSchema },
  responses: { 200: TeamSchema },
  problems: [503],
  handler: async ({ member, body, em, deps }) => {
    const team = await em.transactional(async (tx) => {
      const team = await tx.findOneOrFail(Team, { id: member.team.id });
      const before = { timeZone: team.timeZone, sendHour: team.sendHour };
      tx.assign(team, body);
      await tx.flush();
      if (team.timeZone !== before.timeZone || team.sendHour !== before.sendHour) {
        // Inside the transaction: if Temporal does not take the hand-off, the change is rolled back.
        await deps.sessions.onTeamSettingsChanged(team.id, {
          timeZone: team.timeZone,
          sendHour: team.sendHour,
        });
      }
      return team;
    });
    return { status: 200, body: teamView(team) };
  },
});

export const teamRoutes = [createTeam, getTeam, updateTeam];
