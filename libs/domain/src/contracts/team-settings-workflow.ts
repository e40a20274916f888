// The team-settings workflow's contract: `team-settings-<teamId>` hands a team's new time zone and
// send hour to every scheduled session's workflow, durably and a page at a time, so that the API's
// PATCH of a team answers at once (one signal-with-start) however many sessions the team has.
import { defineSignal } from '@temporalio/workflow';
import { z } from 'zod';
import { TeamSettingsChangedSignal } from './session-workflow.js';

/** One per team: a second change while the first is handed on joins the running workflow. */
export function teamSettingsWorkflowId(teamId: string): string {
  return `team-settings-${teamId}`;
}

export const TeamSettingsWorkflowInput = z.object({
  teamId: z.string().uuid(),
  /** Carried over continue-as-new: the settings being handed on and the last session told. */
  handing: TeamSettingsChangedSignal.optional(),
  after: z.string().uuid().optional(),
});
export type TeamSettingsWorkflowInput = z.infer<typeof TeamSettingsWorkflowInput>;

/** The API tells the workflow the settings it just wrote (the row, once committed, is the truth). */
export const teamSettingsWrittenSignal = defineSignal<[TeamSettingsChangedSignal]>('teamSettingsWritten');

/** The sessions worker's activities the workflow reads the database with. */
export interface TeamSettingsActivities {
  /** The team's settings as committed, or null when the team is gone. */
  committedTeamSettings(teamId: string): Promise<TeamSettingsChangedSignal | null>;
  /** Ids of the team's scheduled sessions after `after`, in id order, at most `limit`. */
  scheduledSessionIds(input: { teamId: string; after?: string; limit: number }): Promise<string[]>;
}
