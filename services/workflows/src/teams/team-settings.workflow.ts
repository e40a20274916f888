// `team-settings-<teamId>`: hands a team's new time zone and send hour to each of its scheduled
// sessions' workflows, a page of sessions at a time, so that the API's PATCH of the team answers at
// once and holds no lock while a thousand sessions are told (issue 14).
//
// - What is handed on is the team row as committed, not the signal's payload: the API signals inside
//   its transaction, before the COMMIT. The workflow waits (a second at a time, for up to
//   COMMIT_WAIT_SECONDS) until the row shows the values signalled; if it never does, the change was
//   rolled back or replaced, and the row's values are handed on (to sessions that have them already,
//   which changes nothing).
// - A second change while one is handed on starts over from the first session with the newer values,
//   so every session ends on the latest (each signal carries absolute values).
// - A session whose workflow is not running is passed over: the keeper starts it from its row and
//   its team's committed settings.
import {
  sessionWorkflowId,
  teamSettingsChangedSignal,
  teamSettingsWrittenSignal,
  type TeamSettingsActivities,
  type TeamSettingsChangedSignal,
  type TeamSettingsWorkflowInput,
} from '@rhythm/domain';
import {
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';

/** Sessions told at once: bounded, so a team of thousands never floods the worker or the server. */
export const PAGE_SIZE = 50;
const COMMIT_WAIT_SECONDS = 30;

const db = proxyActivities<TeamSettingsActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

type Settings = TeamSettingsChangedSignal;

export async function teamSettingsWorkflow(input: TeamSettingsWorkflowInput): Promise<void> {
  const { teamId } = input;
  let written: Settings | undefined;
  let changes = 0;
  setHandler(teamSettingsWrittenSignal, (settings) => {
    written = settings;
    changes += 1;
  });

  let handing = input.handing;
  let after = input.after;
  let handled = 0;
  if (!handing) await condition(() => changes > 0);
  for (;;) {
    if (changes > handled) {
      handled = changes;
      const committed = await settle(teamId, () => written!);
      if (!committed) return; // The team is gone, and its sessions with it.
      handing = committed;
      after = undefined;
    }
    const ids = await db.scheduledSessionIds({ teamId, ...(after ? { after } : {}), limit: PAGE_SIZE });
    const told = await Promise.all(ids.map((id) => tell(id, handing!)));
    const passed = told.filter((ok) => !ok).length;
    if (passed) log.info('sessions without a running workflow passed over', { teamId, passed });
    if (changes > handled) continue;
    if (ids.length < PAGE_SIZE) return;
    after = ids.at(-1);
    if (workflowInfo().continueAsNewSuggested)
      await continueAsNew<typeof teamSettingsWorkflow>({ teamId, handing: handing!, after: after! });
  }
}

/** The committed settings, once they show what was signalled (or after COMMIT_WAIT_SECONDS). */
async function settle(teamId: string, wanted: () => Settings): Promise<Settings | null> {
  for (let waited = 0; ; waited++) {
    const row = await db.committedTeamSettings(teamId);
    if (!row || waited >= COMMIT_WAIT_SECONDS) return row;
    if (row.timeZone === wanted().timeZone && row.sendHour === wanted().sendHour) return row;
    await sleep('1 second');
  }
}

async function tell(sessionId: string, settings: Settings): Promise<boolean> {
  try {
    await getExternalWorkflowHandle(sessionWorkflowId(sessionId)).signal(teamSettingsChangedSignal, settings);
    return true;
  } catch {
    return false; // Not running (held, cancelled, or never started): see the header.
  }
}
