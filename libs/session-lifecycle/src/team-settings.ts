// Handing a team's new time zone and send hour to its sessions: one signal-with-start of
// `team-settings-<teamId>` (services/workflows/src/teams/team-settings.workflow.ts), which tells
// every scheduled session's workflow a page at a time. One Temporal call, whatever the team's size.
import {
  teamSettingsWorkflowId,
  teamSettingsWrittenSignal,
  type TeamSettingsChangedSignal,
  type TeamSettingsWorkflowInput,
} from '@rhythm/domain';
import type { WorkflowContext } from './lifecycle.js';

export async function handOnTeamSettings(
  ctx: WorkflowContext,
  teamId: string,
  settings: TeamSettingsChangedSignal,
): Promise<void> {
  const input: TeamSettingsWorkflowInput = { teamId };
  await ctx.client.workflow.signalWithStart('teamSettingsWorkflow', {
    workflowId: teamSettingsWorkflowId(teamId),
    taskQueue: ctx.taskQueue,
    args: [input],
    signal: teamSettingsWrittenSignal,
    signalArgs: [settings],
  });
}
