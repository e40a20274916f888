// A team's time zone or send hour changed: every scheduled session's workflow re-plans its sends.
//
// Meant to be called inside the transaction that changes the team (the teams route),
// after its flush and before its COMMIT: throwing rolls the change back. Reading the team through a
// fork of its own therefore sees the settings as committed, i.e. from before the change. Those are
// what a workflow started here begins from, and what is signalled back to the sessions already tried
// when one fails, so that workflows and team row agree again after the rollback.
import { teamSettingsChangedSignal } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { sessionRow, signalSession, signalSessions } from '@rhythm/session-lifecycle';
import { WorkflowUnavailableError } from '../errors.js';
import type { SessionContext } from '../session-context.js';
import { findTeam } from '../session-rows.js';
import type { TeamSettingsInput } from '../sessions.schemas.js';

export async function onTeamSettingsChanged(
  ctx: SessionContext,
  teamId: string,
  next: TeamSettingsInput,
): Promise<void> {
  const em = ctx.orm.em.fork();
  const team = await findTeam(em, teamId);
  const sessions = await em.find(
    Session,
    { team: team.id, state: 'scheduled' },
    { orderBy: { date: 'asc' } },
  );
  const rows = sessions.map((session) => sessionRow(session, team));
  const failure = await signalSessions(ctx, rows, teamSettingsChangedSignal, next);
  if (failure) {
    // Every session tried so far, the failed ones too: a signal that reported failure may have landed.
    const before = { timeZone: team.timeZone, sendHour: team.sendHour };
    await Promise.allSettled(
      rows.slice(0, failure.tried).map((row) => signalSession(ctx, row, teamSettingsChangedSignal, before)),
    );
    throw new WorkflowUnavailableError(
      'The team settings were not passed on to its sessions',
      failure.reason,
    );
  }
}
