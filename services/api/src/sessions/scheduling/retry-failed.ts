// "Retry failed sends": once the cause of a refusal is fixed (an owner's address, the API key, a
// quota), the session's workflow is asked to send its failed emails again. It sends each under its
// first idempotency key, so whatever was delivered meanwhile is not sent twice.
import { retryFailedSignal } from '@rhythm/domain';
import { Delivery } from '@rhythm/persistence';
import { sessionRow } from '@rhythm/session-lifecycle';
import { ConflictError } from '../../errors.js';
import { tell } from './change-session.js';
import type { SessionContext } from '../session-context.js';
import { assertChangeable, findSession } from '../session-rows.js';

export interface RetryFailedView {
  /** Failed emails recorded for the session when the retry was asked. */
  failed: number;
}

export async function retryFailedSends(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
): Promise<RetryFailedView> {
  const em = ctx.orm.em.fork();
  const { session, team } = await findSession(em, teamId, sessionId);
  assertChangeable(session, team.timeZone, ctx.now());
  const failed = await em.count(Delivery, { session: session.id, state: 'failed' });
  if (failed === 0) throw new ConflictError('This session has no failed emails to send again');
  await tell(ctx, sessionRow(session, team), 'The retry was not asked', retryFailedSignal, {});
  return { failed };
}
