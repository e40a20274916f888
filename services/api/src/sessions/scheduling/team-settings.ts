// A team's time zone or send hour changed: its scheduled sessions' workflows re-plan their sends.
//
// Called inside the transaction that changes the team (the teams route), after its flush and before
// its COMMIT: this only signals-with-start `team-settings-<teamId>`, one call however many sessions
// the team has, and that workflow tells each session once the row is committed (it hands on the
// committed values, so a change rolled back after the signal hands on nothing new). If Temporal does
// not take the signal, the change is rolled back and the client gets 503.
import { handOnTeamSettings } from '@rhythm/session-lifecycle';
import { WorkflowUnavailableError } from '../errors.js';
import type { SessionContext } from '../session-context.js';
import type { TeamSettingsInput } from '../sessions.schemas.js';

export async function onTeamSettingsChanged(
  ctx: SessionContext,
  teamId: string,
  next: TeamSettingsInput,
): Promise<void> {
  try {
    await handOnTeamSettings(ctx, teamId, next);
  } catch (error) {
    throw new WorkflowUnavailableError('The team settings were not passed on to its sessions', error);
  }
}
