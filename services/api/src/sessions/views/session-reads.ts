// One session as the pages show it: the row with its workflow's view, and its items with their
// current reports.
import { currentReportFor } from '@rhythm/domain';
import { ProgressReport, loadSessionReview } from '@rhythm/persistence';
import type { SessionContext } from '../session-context.js';
import { findSession } from '../session-rows.js';
import {
  reportView,
  sessionView,
  type ItemView,
  type OwnerView,
  type ReportView,
  type SessionView,
} from './session-views.js';
import { querySessionStatus, type WorkflowStatusView } from '@rhythm/session-lifecycle';

export interface SessionDetail {
  session: SessionView;
  /** The workflow's `status` query (plan, sends, changes), or why it is not available. */
  workflow: WorkflowStatusView;
}

export async function sessionDetail(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
): Promise<SessionDetail> {
  const { session } = await findSession(ctx.orm.em.fork(), teamId, sessionId);
  return {
    session: sessionView(session),
    workflow: await querySessionStatus(ctx, session.id, ctx.statusQueryTimeoutMs),
  };
}

export interface SessionReports {
  session: SessionView;
  items: { item: ItemView; owner: OwnerView; report: ReportView | null }[];
}

/** Every item the session involves, with its owner and its current report for this session (if any). */
export async function sessionReports(
  ctx: SessionContext,
  teamId: string,
  sessionId: string,
): Promise<SessionReports> {
  const em = ctx.orm.em.fork();
  const { session } = await findSession(em, teamId, sessionId);
  const review = await loadSessionReview(em, session.id);
  const current = new Map(
    review.items.map((item) => [item.id, currentReportFor(item, review.reports, review.context)?.id]),
  );
  const ids = [...current.values()].filter((id): id is string => id !== undefined);
  const reports = new Map(
    (ids.length ? await em.find(ProgressReport, { id: { $in: ids } }) : []).map((report) => [
      report.id,
      report,
    ]),
  );
  return {
    session: sessionView(session),
    items: review.items.map((item) => {
      const owner = review.owners.get(item.ownerId);
      const report = reports.get(current.get(item.id) ?? '');
      return {
        item: { id: item.id, type: item.type, title: item.title },
        owner: { userId: item.ownerId, name: owner?.name ?? '', email: owner?.email ?? null },
        report: report ? reportView(report) : null,
      };
    }),
  };
}
