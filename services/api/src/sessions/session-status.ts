// Process status of one session: how the reports stand, who was emailed, and what goes out next.
// "Who still has to report" and "who gets the next email" come from the same functions the
// workflow's activities call (loadSessionReview, ownersToInvite, ownersMissingReports) and "which
// step, when" from the same planNext, so the page previews exactly what the workflow will do.
import {
  currentReportFor,
  planNext,
  type DeliveryState,
  type DeliveryStep,
  type PlannedStep,
  type SessionPlanInput,
} from '@rhythm/domain';
import {
  Delivery,
  loadSessionReview,
  ownersMissingReports,
  ownersToInvite,
  type Session,
  type SessionReview,
  type Team,
} from '@rhythm/persistence';
import type { SessionContext } from './session-context.js';
import { findSession } from './session-rows.js';
import { ownerItemsView, sessionView, type OwnerItemsView, type SessionView } from './session-views.js';

export interface DeliveryView {
  step: DeliveryStep;
  userId: string;
  name: string;
  sessionDate: string;
  state: DeliveryState;
  /** Why it was skipped or failed. */
  reason: string | null;
  at: string;
}

export interface NextSendView {
  step: PlannedStep;
  /** The rule's time, or now when it has passed (the workflow then sends at once). */
  at: string;
  /** Who gets it as things stand: every owner for an invitation, owners still missing a report for a reminder, nobody at `held`. */
  recipients: OwnerItemsView[];
}

export interface SessionStatusView {
  session: SessionView;
  counts: { green: number; amber: number; red: number; missing: number };
  /** Owners with their involved items that have no current report. */
  missing: OwnerItemsView[];
  invited: DeliveryView[];
  reminded: DeliveryView[];
  /** Every email recorded for the session, "moved" and "cancelled" notices and skips included. */
  deliveries: DeliveryView[];
  /** Null once the session is held or cancelled. */
  next: NextSendView | null;
}

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
  return {
    session: sessionView(session),
    counts: countReports(review),
    missing: ownersMissingReports(review).map(ownerItemsView),
    invited: views.filter((delivery) => delivery.step === 'invitation' && delivery.state === 'sent'),
    reminded: views.filter((delivery) => delivery.step === 'reminder' && delivery.state === 'sent'),
    deliveries: views,
    next: session.state === 'scheduled' ? previewNext(session, team, review, deliveries, ctx.now()) : null,
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

function previewNext(
  session: Session,
  team: Team,
  review: SessionReview,
  deliveries: Delivery[],
  now: Date,
): NextSendView {
  const plan = planNext(
    {
      sessionDate: session.date,
      timeZone: team.timeZone,
      sendHour: team.sendHour,
      sendInvitation: session.sendInvitation,
      sendReminder: session.sendReminder,
      ...doneSoFar(deliveries),
    },
    now,
  );
  const recipients =
    plan.step === 'invitation'
      ? ownersToInvite(review)
      : plan.step === 'reminder'
        ? ownersMissingReports(review)
        : [];
  return { step: plan.step, at: plan.at.toISOString(), recipients: recipients.map(ownerItemsView) };
}

/**
 * What the workflow has done, in planNext's terms, from the Delivery rows (its durable record, there
 * also when no worker runs). The invitation is once per session, whatever date it was for; its time
 * is when its last email was recorded, as the workflow notes it after sending.
 */
function doneSoFar(deliveries: Delivery[]): Pick<SessionPlanInput, 'invitation' | 'remindedFor'> {
  const invitations = deliveries.filter((delivery) => delivery.step === 'invitation');
  const last = invitations.at(-1);
  return {
    invitation: last ? { sessionDate: last.sessionDate, at: last.createdAt } : null,
    remindedFor: [
      ...new Set(
        deliveries.filter((delivery) => delivery.step === 'reminder').map((delivery) => delivery.sessionDate),
      ),
    ],
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
  };
}
