// An item that sessions involve was created or handed to another owner: every scheduled session of
// the team that involves items of its type is told (planChanged), and one whose invitation went
// out invites the owners newly involved (the workflow waits for the plan to be quiet first).
//
// Called inside the plan change's transaction, after its flush and before its COMMIT, like the team
// settings hook: if Temporal cannot be reached the change is rolled back (503) rather than kept
// with nobody told. The workflow reads the plan half a minute after the signal, long after the
// commit; a signal for a change that was rolled back finds nothing new, so it is harmless.
// Deleting an item needs no signal: each send reads the plan, so an owner left without items is
// neither reminded nor told of moves.
import { SessionKind, involvedItemTypes, planChangedSignal, type ItemType } from '@rhythm/domain';
import { Session } from '@rhythm/persistence';
import { sessionRow, signalSessions } from '@rhythm/session-lifecycle';
import { WorkflowUnavailableError } from '../errors.js';
import type { SessionContext } from '../session-context.js';
import { findTeam } from '../session-rows.js';

export async function onPlanChanged(ctx: SessionContext, teamId: string, itemType: ItemType): Promise<void> {
  const kinds = SessionKind.options.filter((kind) => involvedItemTypes(kind).includes(itemType));
  const em = ctx.orm.em.fork();
  const team = await findTeam(em, teamId);
  const sessions = await em.find(
    Session,
    { team: team.id, state: 'scheduled', kind: { $in: kinds } },
    { orderBy: { date: 'asc' } },
  );
  const rows = sessions.map((session) => sessionRow(session, team));
  const failure = await signalSessions(ctx, rows, planChangedSignal, {});
  if (failure) {
    throw new WorkflowUnavailableError('The plan change was not passed on to its sessions', failure.reason);
  }
}
