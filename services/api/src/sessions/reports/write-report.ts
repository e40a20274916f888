// An owner's progress report on an item, written for a session (linked to it, so it is current for
// that session whatever its date). Who may write it is the route's check; here: the item belongs to
// the team and the session involves it, and the session still takes reports.
import { involvedItemTypes } from '@rhythm/domain';
import { PlanItem, ProgressReport, User } from '@rhythm/persistence';
import { InvalidInputError, SessionNotFoundError } from '../errors.js';
import type { SessionContext } from '../session-context.js';
import { assertChangeable, findSession } from '../session-rows.js';
import { reportView, type ReportView } from '../views/session-views.js';
import type { ReportInput } from '../sessions.schemas.js';

export async function writeReport(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
  itemId: string,
  authorId: string,
  body: ReportInput,
): Promise<ReportView> {
  const em = ctx.orm.em.fork();
  const { session, team } = await findSession(em, teamId, sessionId);
  // A held session keeps the reports it was held with.
  assertChangeable(session, team.timeZone, ctx.now());
  const item = await em.findOne(PlanItem, { id: itemId, team: team.id });
  if (!item) throw new SessionNotFoundError('item', itemId);
  if (!involvedItemTypes(session.kind).includes(item.type)) {
    // The item's id came in the path (POST …/reports/{itemId}): the 422 names it there.
    throw InvalidInputError.field(
      'params.itemId',
      `A ${session.kind} session does not review ${item.type} items`,
    );
  }
  const author = await em.findOne(User, { id: authorId });
  if (!author) throw new SessionNotFoundError('user', authorId);
  const report = em.create(ProgressReport, { item, session, author, ...body });
  await em.flush();
  return reportView(report);
}
