// The session workflow's database activities. Each is idempotent: reading is harmless, marking a
// state twice leaves it as it is, and the next occurrence is created and started under ids the
// workflow chose, so a retry finds them instead of making new ones.
import {
  SESSIONS_TASK_QUEUE,
  ownerOf,
  type CalendarDate,
  type DeliveryRecord,
  type EmailMessage,
  type OwnerWithItems,
} from '@rhythm/domain';
import {
  Delivery,
  Membership,
  escalationOf,
  type Escalation,
  Session,
  User,
  loadSessionReview,
  ownersMissingReports,
  ownersToInvite,
  recordDeliveries,
  type Orm,
  type Team,
} from '@rhythm/persistence';
import { startSessionWorkflow } from '@rhythm/session-lifecycle';
import type { Client } from '@temporalio/client';

export interface SessionActivityDependencies {
  orm: Orm;
  client: Client;
  /** Where the next occurrence's workflow runs: this worker's queue. */
  taskQueue?: string;
}

export function createSessionActivities({
  orm,
  client,
  taskQueue = SESSIONS_TASK_QUEUE,
}: SessionActivityDependencies) {
  return {
    async ownersToInvite({ sessionId }: { sessionId: string }): Promise<OwnerWithItems[]> {
      return ownersToInvite(await loadSessionReview(orm.em.fork(), sessionId));
    },

    async ownersMissingReports({
      sessionId,
      sessionDate,
    }: {
      sessionId: string;
      sessionDate: CalendarDate;
    }): Promise<OwnerWithItems[]> {
      return ownersMissingReports(await loadSessionReview(orm.em.fork(), sessionId, sessionDate));
    },

    /** The process owners with the items still without a report, for the day-before escalation. */
    async escalationOf({
      sessionId,
      sessionDate,
    }: {
      sessionId: string;
      sessionDate: CalendarDate;
    }): Promise<Escalation> {
      return escalationOf(orm.em.fork(), sessionId, sessionDate);
    },

    /** The invited owners with their involved items, for "moved" and "cancelled" notices. */
    async ownersByIds({
      sessionId,
      userIds,
    }: {
      sessionId: string;
      userIds: string[];
    }): Promise<OwnerWithItems[]> {
      const review = await loadSessionReview(orm.em.fork(), sessionId);
      const owners = ownersToInvite(review);
      const wanted = new Set(userIds);
      // An invited owner whose items were reassigned since is still told, with no items listed.
      const found = owners.filter((owner) => wanted.has(owner.userId));
      const missing = userIds.filter((id) => !found.some((owner) => owner.userId === id));
      return [...found, ...(await usersWithoutItems(review.session.team.getEntity(), missing))];
    },

    /**
     * Emails the notifier gave up on (past its retry bound), recorded failed where Process status
     * shows them; an email the notifier did record meanwhile keeps its row.
     */
    async recordFailedSends({
      messages,
      reason,
    }: {
      messages: EmailMessage[];
      reason: string;
    }): Promise<void> {
      await recordDeliveries(
        orm,
        messages.map((message) => ({ message, state: 'failed', error: reason, providerMessageId: null })),
        { replaceFailed: false },
      );
    },

    /** What was sent for the session so far, oldest first: a new run carries on from it. */
    async deliveriesOf({ sessionId }: { sessionId: string }): Promise<DeliveryRecord[]> {
      const rows = await orm.em
        .fork()
        .find(Delivery, { session: sessionId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      return rows.map((row) => ({
        step: row.step,
        userId: row.user.id,
        sessionDate: row.sessionDate,
        round: row.round,
        state: row.state,
        reason: row.error ?? null,
        at: row.createdAt.toISOString(),
      }));
    },

    async markSession({
      sessionId,
      state,
    }: {
      sessionId: string;
      state: 'held' | 'cancelled';
    }): Promise<void> {
      await orm.em.fork().nativeUpdate(Session, { id: sessionId, state: 'scheduled' }, { state });
    },

    async scheduleNextOccurrence({
      sessionId,
      nextSessionId,
      date,
    }: {
      sessionId: string;
      nextSessionId: string;
      date: CalendarDate;
    }): Promise<void> {
      const em = orm.em.fork();
      const previous = await em.findOneOrFail(Session, { id: sessionId }, { populate: ['team'] });
      const team = previous.team.getEntity();
      let next = await em.findOne(Session, { id: nextSessionId });
      if (!next) {
        next = em.create(Session, {
          id: nextSessionId,
          team: team.id,
          date,
          kind: previous.kind,
          sendInvitation: previous.sendInvitation,
          sendReminder: previous.sendReminder,
          sendEscalation: previous.sendEscalation,
          repeat: previous.repeat,
          state: 'scheduled',
          previousSession: previous.id,
        });
        await em.flush();
      }
      await startSessionWorkflow(client, next, team, { taskQueue });
    },
  };

  /** `team` comes from the review just loaded, so its locale is not read again. */
  async function usersWithoutItems(team: Team, userIds: string[]): Promise<OwnerWithItems[]> {
    if (userIds.length === 0) return [];
    const em = orm.em.fork();
    const [users, members] = await Promise.all([
      em.find(User, { id: { $in: userIds } }),
      em.find(Membership, { team: team.id, user: { $in: userIds } }, { fields: ['user'] }),
    ]);
    const memberIds = new Set(members.map((membership) => membership.user.id));
    // Bounces and pauses are not read here: the notifier checks them just before it sends.
    return users.map((user) => ({
      ...ownerOf(user, team.locale, memberIds.has(user.id)),
      items: [],
    }));
  }
}

export type SessionActivities = ReturnType<typeof createSessionActivities>;
