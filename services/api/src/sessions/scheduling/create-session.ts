// Creating a session: its row and its workflow, or neither.
//
// The order is: INSERT the row and COMMIT, then start `session-<id>`; if the start fails, delete the
// row, then terminate whatever the failed start may have left. Why the row commits first:
// - A process that dies between the two steps leaves a scheduled row without a workflow, and that is
//   the state the sessions worker's reconciler (keepSessionWorkflows, at boot and every ten minutes) repairs,
//   as does a retry with the same Idempotency-Key and the next change of the session (see
//   session-workflow.ts). Starting first and committing after would leave, on a death in between, a
//   workflow whose row never committed, and nothing looks for those.
// - If the start fails (Temporal refused, or did not answer), the row is deleted: the caller sees an
//   error and no session. A start that timed out may still have landed, so the workflow is terminated
//   after the delete (in that order: a death between them leaves at most a workflow without a row,
//   which can email nobody, since every step reads the row first; the other order could leave a row
//   whose workflow was terminated, which the reconciler can never start again).
// - If the delete itself fails, the row stays and so does any workflow: the reconciler (or a retry
//   with the key) completes it. "Both", later, beats a workflow without its row.
// - A database failure before or at the commit happens before Temporal hears of the session; one at
//   the INSERT or COMMIT is SessionNotSavedError (503: retry).
// - A repeating session is occurrence 0 of a new series, written in the same COMMIT; once its
//   workflow runs, occurrence 1 is made at once (topUpSeries). If that fails, the answer is still
//   201: the keeper makes it on its next pass, long before its invitation is due.
import { createHash } from 'node:crypto';
import { Series, Session, type Team } from '@rhythm/persistence';
import { startSessionWorkflow, terminateSessionWorkflow, topUpSeries } from '@rhythm/session-lifecycle';
import {
  IdempotencyKeyReusedError,
  SessionLimitError,
  SessionNotSavedError,
  WorkflowUnavailableError,
} from '../errors.js';
import type { SessionContext } from '../session-context.js';
import { assertSessionDate } from './session-date.js';
import { findTeam } from '../session-rows.js';
import { sessionView, type SessionView } from '../views/session-views.js';
import type { CreateSessionInput } from '../sessions.schemas.js';

export interface CreateSessionOptions {
  /** The client's Idempotency-Key header: the same key and body for the same team give the same session. */
  idempotencyKey?: string;
}

export interface CreatedSession {
  session: SessionView;
  /** True when an earlier request with the same key made it. */
  replayed: boolean;
}

export async function createSession(
  ctx: SessionContext,
  teamId: string,
  body: CreateSessionInput,
  { idempotencyKey }: CreateSessionOptions = {},
): Promise<CreatedSession> {
  const key = idempotencyKey ?? null;
  const em = ctx.orm.em.fork();
  const team = await findTeam(em, teamId);
  const hash = requestHash(body);
  // Before the date check: a replay answers as the first request did, even once that date has passed.
  const earlier = key && (await em.findOne(Session, { team: team.id, idempotencyKey: key }));
  if (key && earlier) return replay(ctx, earlier, team, key, hash);

  assertSessionDate(body.date, team.timeZone, ctx.now());
  // A cap against runaway scripts and abuse (OWASP API4); two creates racing at the cap may both pass.
  const scheduled = await em.count(Session, { team: team.id, state: 'scheduled' });
  if (scheduled >= ctx.maxScheduledSessionsPerTeam)
    throw new SessionLimitError(ctx.maxScheduledSessionsPerTeam);
  const series =
    body.repeat === 'none'
      ? null
      : em.create(Series, {
          team: team.id,
          kind: body.kind,
          repeat: body.repeat,
          anchorDate: body.date,
          anchorIndex: 0,
          sendInvitation: body.sendInvitation,
          sendReminder: body.sendReminder,
          sendEscalation: escalationOf(body),
        });
  const session = em.create(Session, {
    team: team.id,
    ...body,
    sendEscalation: escalationOf(body),
    state: 'scheduled',
    idempotencyKey: key,
    requestHash: key && hash,
    ...(series ? { series, occurrence: 0 } : {}),
  });
  try {
    await em.flush();
  } catch (error) {
    // Two requests with one key raced: the loser's INSERT meets the unique key once the winner commits.
    const winner = key && (await ctx.orm.em.fork().findOne(Session, { team: team.id, idempotencyKey: key }));
    if (key && winner) return replay(ctx, winner, team, key, hash);
    throw new SessionNotSavedError(error);
  }

  try {
    await startSessionWorkflow(ctx.client, session, team, { taskQueue: ctx.taskQueue });
  } catch (error) {
    await undoCreate(ctx, session.id, series?.id ?? null);
    throw new WorkflowUnavailableError('The session was not created', error);
  }
  if (series) await makeNextOccurrences(ctx, series.id);
  return { session: sessionView(session), replayed: false };
}

/** Best effort: the keeper makes what this does not. */
async function makeNextOccurrences(ctx: SessionContext, seriesId: string): Promise<void> {
  await topUpSeries(ctx.orm, ctx.client, { seriesId, taskQueue: ctx.taskQueue, now: ctx.now() }).catch(
    () => undefined,
  );
}

async function replay(
  ctx: SessionContext,
  earlier: Session,
  team: Team,
  key: string,
  hash: string,
): Promise<CreatedSession> {
  if (earlier.requestHash !== hash) throw new IdempotencyKeyReusedError(key);
  // The first request may have died between its commit and its start: finish its work (starting is
  // idempotent, and a closed workflow of that id is never started again).
  if (earlier.state === 'scheduled') {
    try {
      await startSessionWorkflow(ctx.client, earlier, team, { taskQueue: ctx.taskQueue });
    } catch (error) {
      throw new WorkflowUnavailableError('The session exists but its workflow could not be confirmed', error);
    }
    if (earlier.series) await makeNextOccurrences(ctx, earlier.series.id);
  }
  return { session: sessionView(earlier), replayed: true };
}

async function undoCreate(ctx: SessionContext, sessionId: string, seriesId: string | null): Promise<void> {
  try {
    // A new series goes with its first occurrence (the row's foreign key cascades).
    if (seriesId) await ctx.orm.em.fork().nativeDelete(Series, { id: seriesId });
    else await ctx.orm.em.fork().nativeDelete(Session, { id: sessionId });
  } catch {
    return; // Row kept: the reconciler or a retry with the key starts its workflow (see above).
  }
  await terminateSessionWorkflow(ctx, sessionId, 'its create request failed').catch(() => undefined);
}

/**
 * The escalation the day before: asked for, else on for steering sessions (the process owner
 * chases strategy and KPI owners before the review) and off for doing sessions.
 */
function escalationOf({ kind, sendEscalation }: CreateSessionInput): boolean {
  return sendEscalation ?? kind === 'steering';
}

/**
 * The parsed body, so that leaving out a default and sending it are the same request. The
 * escalation counts only when it differs from its default, so keys used before it still replay.
 */
function requestHash(body: CreateSessionInput): string {
  const { date, kind, repeat, sendInvitation, sendReminder } = body;
  const escalation = escalationOf(body) === (kind === 'steering') ? [] : [escalationOf(body)];
  return createHash('sha256')
    .update(JSON.stringify([date, kind, repeat, sendInvitation, sendReminder, ...escalation]))
    .digest('hex');
}
