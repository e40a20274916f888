// The team's calendar, a page at a time: sessions in a date range, each with how many of its
// involved items have a current report. The counts use the domain's currency rules directly (the
// same ones loadSessionReview feeds), over data loaded once for the page's sessions instead of per
// session: five queries whatever the page's length.
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
import { PlanItem, ProgressReport, Session, loadCalendarPage } from '@rhythm/persistence';
import type { SessionContext } from '../session-context.js';
import { findTeam } from '../session-rows.js';
import { sessionView, type SessionView } from './session-views.js';
import { SESSION_PAGE_LIMIT, sessionCursor, type ListSessionsQuery } from '../sessions.schemas.js';

export interface SessionListEntry extends SessionView {
  reports: { submitted: number; outstanding: number };
}

export interface SessionListPage {
  sessions: SessionListEntry[];
  /** Where the next page starts; null when this one is the last. */
  nextCursor: string | null;
}

export async function listSessions(
  ctx: SessionContext,
  teamId: string,
  { limit = SESSION_PAGE_LIMIT.default, cursor, ...filters }: Partial<ListSessionsQuery> = {},
): Promise<SessionListPage> {
  const em = ctx.orm.em.fork();
  const team = await findTeam(em, teamId);
  const page = await loadCalendarPage(em, team.id, {
    ...filters,
    limit,
    ...(cursor ? { after: cursor } : {}),
  });
  const { sessions } = page;
  const last = sessions.at(-1);
  if (!last) return { sessions: [], nextCursor: null };
  const nextCursor = page.more ? sessionCursor({ date: last.date, id: last.id }) : null;

  const [items, held] = await Promise.all([
    em.find(PlanItem, { team: team.id }),
    // Only those before the page's last date can be a listed session's previous held one.
    em.find(
      Session,
      { team: team.id, state: 'held', date: { $lt: last.date } },
      { fields: ['date', 'kind', 'state'] },
    ),
  ]);
  const rules: RuleItem[] = items.map((item) => ({ id: item.id, type: item.type, ownerId: item.owner.id }));
  const contexts: CurrencyContext[] = sessions.map((session) => ({
    session: { id: session.id, kind: session.kind, date: session.date },
    previousHeldSessionDate: previousHeldSessionDate(session, held),
    timeZone: team.timeZone,
  }));
  const reports = await currencyCandidates(ctx, rules, sessions, contexts);
  const entries = sessions.map((session, index) => {
    const involved = itemsInvolved(session.kind, rules).length;
    const outstanding = missingReports(rules, reports, contexts[index]!).reduce(
      (sum, owner) => sum + owner.items.length,
      0,
    );
    return { ...sessionView(session), reports: { submitted: involved - outstanding, outstanding } };
  });
  return { sessions: entries, nextCursor };
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
