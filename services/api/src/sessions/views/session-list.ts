// The team's calendar: sessions in a date range, each with how many of its involved items have a
// current report. The counts use the domain's currency rules directly (the same ones
// loadSessionReview feeds), over data loaded once for all listed sessions instead of per session.
import {
  ItemType,
  itemsInvolved,
  missingReports,
  previousHeldSessionDate,
  reportWindow,
  type CurrencyContext,
  type PlanItem as RuleItem,
  type ReportStamp,
} from '@rhythm/domain';
import { PlanItem, ProgressReport, Session } from '@rhythm/persistence';
import type { SessionContext } from '../session-context.js';
import { findTeam } from '../session-rows.js';
import { sessionView, type SessionView } from './session-views.js';
import type { ListSessionsQuery } from '../sessions.schemas.js';

export interface SessionListEntry extends SessionView {
  reports: { submitted: number; outstanding: number };
}

export async function listSessions(
  ctx: SessionContext,
  teamId: string,
  { from, to, kind }: ListSessionsQuery = {},
): Promise<SessionListEntry[]> {
  const em = ctx.orm.em.fork();
  const team = await findTeam(em, teamId);
  const date = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
  const sessions = await em.find(
    Session,
    { team: team.id, ...(kind ? { kind } : {}), ...(from || to ? { date } : {}) },
    { orderBy: { date: 'asc', createdAt: 'asc' } },
  );
  if (sessions.length === 0) return [];

  const [items, held] = await Promise.all([
    em.find(PlanItem, { team: team.id }),
    em.find(Session, { team: team.id, state: 'held' }, { fields: ['date', 'kind', 'state'] }),
  ]);
  const rules: RuleItem[] = items.map((item) => ({ id: item.id, type: item.type, ownerId: item.owner.id }));
  const contexts: CurrencyContext[] = sessions.map((session) => ({
    session: { id: session.id, kind: session.kind, date: session.date },
    previousHeldSessionDate: previousHeldSessionDate(session, held),
    timeZone: team.timeZone,
  }));
  const reports = await currencyCandidates(ctx, rules, sessions, contexts);
  return sessions.map((session, index) => {
    const involved = itemsInvolved(session.kind, rules).length;
    const outstanding = missingReports(rules, reports, contexts[index]!).reduce(
      (sum, owner) => sum + owner.items.length,
      0,
    );
    return { ...sessionView(session), reports: { submitted: involved - outstanding, outstanding } };
  });
}

/** Only reports that can be current for some listed session: linked to one, or inside a window. */
async function currencyCandidates(
  ctx: SessionContext,
  items: RuleItem[],
  sessions: Session[],
  contexts: CurrencyContext[],
): Promise<ReportStamp[]> {
  if (items.length === 0) return [];
  const since = new Date(
    Math.min(
      ...contexts.flatMap((context) =>
        ItemType.options.map((type) => reportWindow(type, context).from.getTime()),
      ),
    ),
  );
  const reports = await ctx.orm.em.fork().find(
    ProgressReport,
    {
      item: { $in: items.map((item) => item.id) },
      $or: [{ createdAt: { $gte: since } }, { session: { $in: sessions.map((session) => session.id) } }],
    },
    { fields: ['item', 'session', 'createdAt'] },
  );
  return reports.map((report) => ({
    itemId: report.item.id,
    sessionId: report.session?.id ?? null,
    createdAt: report.createdAt,
  }));
}
