// The plain JSON shapes the session service returns: dates as 'YYYY-MM-DD', instants as ISO strings,
// relations as ids. The routes send them as they are; their types are the response schemas'
// (session-views.schemas.ts), declared once.
import { skipCause } from '@rhythm/domain';
import type { OwnerWithItems } from '@rhythm/domain';
import type { ProgressReport, Session } from '@rhythm/persistence';
import type { OwnerItemsView, ReportView, SessionView } from './session-views.schemas.js';

export type {
  ItemView,
  OwnerItemsView,
  OwnerView,
  ReportView,
  SessionView,
} from './session-views.schemas.js';

export function sessionView(session: Session): SessionView {
  return {
    id: session.id,
    teamId: session.team.id,
    date: session.date,
    kind: session.kind,
    repeat: session.repeat,
    sendInvitation: session.sendInvitation,
    sendReminder: session.sendReminder,
    sendEscalation: session.sendEscalation,
    state: session.state,
    // A self-reference: defineEntity's inferred type loses the id's type there.
    previousSessionId: (session.previousSession?.id as string | undefined) ?? null,
    seriesId: session.series?.id ?? null,
    occurrence: session.occurrence ?? null,
    revision: session.revision,
    createdAt: session.createdAt.toISOString(),
    updatedAt: session.updatedAt.toISOString(),
  };
}

/** The notifier's skip rule (skipCause), in the preview's words. */
const PREVIEW_SKIP = {
  not_a_member: 'no longer a member',
  no_email: 'no email address',
  bounced: 'address bounced',
  complained: 'marked as spam',
  paused: 'paused emails',
  none: null,
} as const;

export function ownerItemsView(owner: OwnerWithItems): OwnerItemsView {
  return {
    owner: { userId: owner.userId, name: owner.name, email: owner.email },
    items: owner.items,
    skipped: PREVIEW_SKIP[skipCause(owner) ?? 'none'],
  };
}

export function reportView(report: ProgressReport): ReportView {
  return {
    id: report.id,
    itemId: report.item.id,
    sessionId: report.session?.id ?? null,
    authorId: report.author.id,
    progress: report.progress,
    trafficLight: report.trafficLight,
    explanation: report.explanation,
    createdAt: report.createdAt.toISOString(),
  };
}
