// The plain JSON shapes the session service returns: dates as 'YYYY-MM-DD', instants as ISO strings,
// relations as ids. The routes send them as they are.
import { skipCause } from '@rhythm/domain';
import type {
  EmailItem,
  OwnerWithItems,
  SessionKind,
  SessionRepeat,
  SessionState,
  TrafficLight,
} from '@rhythm/domain';
import type { ProgressReport, Session } from '@rhythm/persistence';

export interface SessionView {
  id: string;
  teamId: string;
  date: string;
  kind: SessionKind;
  repeat: SessionRepeat;
  sendInvitation: boolean;
  sendReminder: boolean;
  state: SessionState;
  previousSessionId: string | null;
  /** The series this session is occurrence `occurrence` (0, 1, …) of; null for a single session. */
  seriesId: string | null;
  occurrence: number | null;
  /** Grows with each change of date or state: the calendar's SEQUENCE. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export function sessionView(session: Session): SessionView {
  return {
    id: session.id,
    teamId: session.team.id,
    date: session.date,
    kind: session.kind,
    repeat: session.repeat,
    sendInvitation: session.sendInvitation,
    sendReminder: session.sendReminder,
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

export type ItemView = EmailItem;

export interface OwnerView {
  userId: string;
  name: string;
  email: string | null;
}

/** An owner with items, and why the notifier would skip them (null when they would get the email). */
export interface OwnerItemsView {
  owner: OwnerView;
  items: ItemView[];
  skipped: (typeof PREVIEW_SKIP)[keyof typeof PREVIEW_SKIP];
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

export interface ReportView {
  id: string;
  itemId: string;
  sessionId: string | null;
  authorId: string;
  progress: number;
  trafficLight: TrafficLight;
  explanation: string;
  createdAt: string;
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
