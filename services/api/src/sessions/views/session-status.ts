// Process status of one session: how the reports stand, who was emailed, and what goes out next.
// "Who still has to report" and "who gets the next email" come from the same functions the
// workflow's activities call (loadSessionReview, ownersToInvite, ownersMissingReports). "Which
// step, when" is the workflow's own plan (its status query): it alone decides, so the preview and
// the workflow cannot disagree. Only when no workflow answers (workers down) is it planned here,
// with the same planNext, from the Delivery rows read as the keeper reads them (stepsDone).
import { currentReportFor, planNext, stepsDone, type PlannedNext } from '@rhythm/domain';
import {
  Delivery,
  escalationOf,
  loadSessionReview,
  type EntityManager,
  ownersMissingReports,
  ownersToInvite,
  type Session,
  type SessionReview,
  type Team,
} from '@rhythm/persistence';
import { querySessionStatus } from '@rhythm/session-lifecycle';
import type { SessionContext } from '../session-context.js';
import { findSession } from '../session-rows.js';
import type { DeliveryView, NextSendView, SessionStatusView } from './session-views.schemas.js';
import { ownerItemsView, sessionView } from './session-views.js';

export type { DeliveryView, NextSendView, SessionStatusView } from './session-views.schemas.js';

export async function sessionStatus(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
): Promise<SessionStatusView> {
  const em = ctx.orm.em.fork();
  const { session, team } = await findSession(em, teamId, sessionId);
  const review = await loadSessionReview(em, session.id);
  const deliveries = await em.find(
    Delivery,
    { session: session.id },
    { populate: ['user'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const views = deliveries.map(deliveryView);
  const scheduled = session.state === 'scheduled';
  const workflow = scheduled ? await querySessionStatus(ctx, session.id, ctx.statusQueryTimeoutMs) : null;
  const plan =
    workflow?.available && workflow.status.next
      ? { step: workflow.status.next.step, at: new Date(workflow.status.next.at) }
      : rowsPlan(session, team, deliveries, ctx.now());
  return {
    session: sessionView(session),
    counts: countReports(review),
    missing: ownersMissingReports(review).map(ownerItemsView),
    invited: views.filter((delivery) => delivery.step === 'invitation' && delivery.state === 'sent'),
    reminded: views.filter((delivery) => delivery.step === 'reminder' && delivery.state === 'sent'),
    deliveries: views,
    skippedSteps: workflow?.available ? stepSkips(workflow.status.skipped) : [],
    next: scheduled ? await previewNext(em, plan, review) : null,
  };
}

function countReports(review: SessionReview): SessionStatusView['counts'] {
  const counts = { green: 0, amber: 0, red: 0, missing: 0 };
  for (const item of review.items) {
    const report = currentReportFor(item, review.reports, review.context);
    counts[report ? report.trafficLight : 'missing'] += 1;
  }
  return counts;
}

/** The plan from the Delivery rows, for when the workflow does not answer. */
function rowsPlan(session: Session, team: Team, deliveries: Delivery[], now: Date): PlannedNext {
  const records = deliveries.map((d) => ({ step: d.step, sessionDate: d.sessionDate, at: d.createdAt }));
  return planNext(
    {
      sessionDate: session.date,
      timeZone: team.timeZone,
      sendHour: team.sendHour,
      sendInvitation: session.sendInvitation,
      sendReminder: session.sendReminder,
      sendEscalation: session.sendEscalation,
      ...stepsDone(records),
    },
    now,
  );
}

async function previewNext(
  em: EntityManager,
  plan: PlannedNext,
  review: SessionReview,
): Promise<NextSendView> {
  const recipients = {
    invitation: () => ownersToInvite(review),
    reminder: () => ownersMissingReports(review),
    // The process owners, each with every item still missing (none: nothing will be sent).
    escalation: () => escalationOf(em, review.session.id, review.context.session.date).then((e) => e.to),
    held: () => [],
  }[plan.step]();
  return {
    step: plan.step,
    at: plan.at.toISOString(),
    recipients: (await recipients).map(ownerItemsView),
  };
}

function deliveryView(delivery: Delivery): DeliveryView {
  const user = delivery.user.getEntity();
  return {
    step: delivery.step,
    userId: user.id,
    name: user.name,
    sessionDate: delivery.sessionDate,
    state: delivery.state,
    reason: delivery.error ?? null,
    at: delivery.createdAt.toISOString(),
    providerStatus: delivery.providerStatus ?? null,
  };
}

/**
 * The workflow's skips of a whole step; skips of one owner (`<userId>: why`) are Delivery rows
 * already. The workflow's record: the rows never hold an email that was not written.
 */
function stepSkips(skipped: SessionStatusView['skippedSteps']): SessionStatusView['skippedSteps'] {
  return skipped.filter((skip) => !/^[0-9a-f-]{36}: /.test(skip.reason));
}
