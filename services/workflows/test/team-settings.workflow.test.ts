// A team's new time zone or send hour, handed on by `team-settings-<teamId>` as the API starts it
// (one signal-with-start inside the team's transaction): every scheduled session's workflow gets the
// committed values a page at a time and re-plans its next send; sessions without a running workflow
// are passed over (the keeper starts them from their row); a change that never commits hands on the
// row as it is.
import {
  addDays,
  localInstant,
  statusQuery,
  teamSettingsWorkflowId,
  type TeamSettingsChangedSignal,
} from '@rhythm/domain';
import { Team } from '@rhythm/persistence';
import { createSession, createTeam, daysAhead, type TeamFixture } from '@rhythm/persistence/testing';
import { handOnTeamSettings } from '@rhythm/session-lifecycle';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { PAGE_SIZE } from '../src/teams/team-settings.workflow.js';
import { useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();
const { now, start } = t;

const lisbonAt7 = { timeZone: 'Europe/Lisbon', sendHour: 7 };

async function writeSettings(fixture: TeamFixture, settings: TeamSettingsChangedSignal): Promise<void> {
  await t.orm.em.fork().nativeUpdate(Team, { id: fixture.team.id }, settings);
}

/** Hands on as the API does, and returns the team-settings workflow (recorded with the scenario). */
async function handOn(fixture: TeamFixture, settings: TeamSettingsChangedSignal): Promise<WorkflowHandle> {
  await handOnTeamSettings({ client: t.env.client, taskQueue: t.taskQueue }, fixture.team.id, settings);
  const handle = t.env.client.workflow.getHandle(teamSettingsWorkflowId(fixture.team.id));
  t.startedThisTest.push(handle);
  return handle;
}

/** Waits for the workflow to end without letting the test server skip ahead to later timers. */
async function ended(handle: WorkflowHandle): Promise<void> {
  await new Client({ connection: t.env.connection }).workflow.getHandle(handle.workflowId).result();
}

const nextSend = async (handle: WorkflowHandle) => (await handle.query(statusQuery)).next;

describe('team settings workflow', () => {
  it('tells every running session, past pages of sessions without a workflow, and each re-plans its invitation', async () => {
    const fixture = await createTeam(t.orm);
    const today = await now();
    const dates = [20, 25].map((days) => daysAhead(today, days));
    const running = [];
    for (const date of dates) running.push(await start(fixture, { date }));
    // More rows than a page, none with a workflow: passed over, not a failure.
    for (let i = 0; i < PAGE_SIZE + 10; i++)
      await createSession(t.orm, fixture.team, { date: daysAhead(await now(), 40 + (i % 20)) });
    expect((await nextSend(running[0]!.handle))?.at).toBe(
      localInstant(addDays(dates[0]!, -7), 9, 'Europe/Amsterdam').toISOString(),
    );

    await writeSettings(fixture, lisbonAt7);
    await ended(await handOn(fixture, lisbonAt7));

    for (const [i, { handle }] of running.entries()) {
      expect(await nextSend(handle)).toEqual({
        step: 'invitation',
        at: localInstant(addDays(dates[i]!, -7), 7, 'Europe/Lisbon').toISOString(),
      });
    }
  });

  it('waits for the change to be committed before it hands it on', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 20);
    const { handle } = await start(fixture, { date });
    const handing = await handOn(fixture, lisbonAt7); // Signalled before the COMMIT, as the API does.
    await t.env.sleep('5s');
    await writeSettings(fixture, lisbonAt7);
    await t.env.sleep('2s');
    await ended(handing);
    expect((await nextSend(handle))?.at).toBe(
      localInstant(addDays(date, -7), 7, 'Europe/Lisbon').toISOString(),
    );
  });

  it('hands on the row as it is when the change never commits (rolled back)', async () => {
    const fixture = await createTeam(t.orm);
    const date = daysAhead(await now(), 20);
    const { handle } = await start(fixture, { date });
    const handing = await handOn(fixture, lisbonAt7);
    await t.env.sleep('31s');
    await ended(handing);
    expect((await nextSend(handle))?.at).toBe(
      localInstant(addDays(date, -7), 9, 'Europe/Amsterdam').toISOString(),
    );
  });
});
