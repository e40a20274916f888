// Sessions, reports and deliveries as the session service and the notifier write them, and a
// session's row as the database has it: what the session service tests share.
import { deliveryKey, type DeliveryState, type DeliveryStep, type TrafficLight } from '@rhythm/domain';
import { Delivery, ProgressReport, Session, type PlanItem, type User } from '@rhythm/persistence';
import { daysAhead } from '@rhythm/persistence/testing';
import type { SessionView } from '../../src/sessions/index.js';
import { newSession } from './new-session.js';
import { faultyClient } from './faulty-client.js';
import type { useSessionHarness } from './session-harness.js';

export function sessionRecords(t: ReturnType<typeof useSessionHarness>) {
  async function schedule(days = 14, kind: 'doing' | 'steering' = 'doing'): Promise<SessionView> {
    return (
      await t.harness.service.createSession(
        t.fixture.team.id,
        newSession({ date: daysAhead(new Date(), days), kind }),
      )
    ).session;
  }

  async function report(item: PlanItem, author: User, trafficLight: TrafficLight, at: Date): Promise<void> {
    const em = t.harness.orm.em.fork();
    em.create(ProgressReport, {
      item: item.id,
      author: author.id,
      session: null,
      createdAt: at,
      progress: 40,
      trafficLight,
      explanation: 'So so',
    });
    await em.flush();
  }

  /** A delivery as the notifier records it. */
  async function delivered(
    session: SessionView,
    user: User,
    step: DeliveryStep,
    at: Date,
    state: DeliveryState = 'sent',
  ): Promise<void> {
    const em = t.harness.orm.em.fork();
    em.create(Delivery, {
      session: session.id,
      user: user.id,
      step,
      sessionDate: session.date,
      idempotencyKey: deliveryKey(session.id, step, session.date, user.id),
      providerMessageId: null,
      state,
      error: state === 'skipped' ? 'owner has no email address' : null,
      createdAt: at,
    });
    await em.flush();
  }

  const row = (id: string) => t.harness.orm.em.fork().findOneOrFail(Session, { id });
  /** The service on a Temporal client whose signals of this name fail. */
  const failingSignals = (name: string) =>
    t.harness.serviceWith(
      faultyClient(t.harness.client, { signal: (_id, signal) => signal === name }).client,
    );

  return { schedule, report, delivered, row, failingSignals };
}
