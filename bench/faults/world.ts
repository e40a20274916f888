// What one run works on: its servers, services, local Resend server, Temporal client, database and
// seeded sessions, with the faults injected so far; and how the run reads their state (Delivery
// rows, the workflows' status query) while parts of it are down: a read that fails then answers
// null ("not yet") instead of ending the run.
import { setTimeout as sleep } from 'node:timers/promises';
import { addDays, sessionWorkflowId, statusQuery, todayIn, type SessionStatus } from '@rhythm/domain';
import { Delivery, Membership, PlanItem, Session, Team, User, type openOrm } from '@rhythm/persistence';
import type { LocalResend } from '@rhythm/testing';
import type { Client } from '@temporalio/client';
import type { DeliveryRow } from './figures.ts';
import type { FaultServers } from './servers.ts';
import type { Services } from './services.ts';
import { OWNERS, SESSIONS, TIME_ZONE } from './settings.ts';

export interface FaultRecord {
  phase: string;
  what: string;
  at: number;
  /** When the fault ended: the service restarted, the server back, the storm over. */
  end: number;
}

export interface World {
  servers: FaultServers;
  services: Services;
  resend: LocalResend;
  client: Client;
  orm: Awaited<ReturnType<typeof openOrm>>;
  sessions: { id: string; owners: { userId: string; address: string }[] }[];
  /** The faults injected so far, for the report. */
  faults: FaultRecord[];
}

/** One team per session (its own owners), each owner with one action; sessions 5 days ahead. */
export async function seed(
  orm: World['orm'],
  address: (session: number, owner: number) => string,
): Promise<World['sessions']> {
  const em = orm.em.fork();
  const date = addDays(todayIn(TIME_ZONE, new Date()), 5);
  const result: World['sessions'] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const team = em.create(Team, { name: `Faults ${s}`, timeZone: TIME_ZONE, locale: 'en', sendHour: 9 });
    const owners = Array.from({ length: OWNERS }, (_, o) => {
      const user = em.create(User, { name: `Owner ${s}.${o}`, email: address(s, o), locale: 'en' });
      em.create(Membership, { team, user, roles: ['member'] });
      return user;
    });
    const strategy = em.create(PlanItem, { team, type: 'strategy', title: 'Grow', owner: owners[0]! });
    for (const [o, owner] of owners.entries())
      em.create(PlanItem, { team, type: 'action', title: `Action ${s}.${o}`, owner, strategy });
    const session = em.create(Session, {
      team,
      date,
      kind: 'doing',
      sendInvitation: true,
      sendReminder: true,
      repeat: 'none',
      state: 'scheduled',
    });
    result.push({ id: session.id, owners: owners.map((u) => ({ userId: u.id, address: u.email! })) });
  }
  await em.flush();
  return result;
}

/** True when every session workflow answers its status query with `next.step` = `step`. */
export async function allAt(world: World, step: string): Promise<boolean> {
  const statuses = await workflowStatuses(world);
  return statuses.every((status) => status?.next?.step === step);
}

export async function workflowStatuses(world: World): Promise<(SessionStatus | null)[]> {
  return Promise.all(
    world.sessions.map((s) =>
      Promise.race([
        world.client.workflow.getHandle(sessionWorkflowId(s.id)).query(statusQuery),
        sleep(10_000).then(() => null),
      ]).catch(() => null),
    ),
  );
}

export async function waitForQueries(world: World): Promise<number> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const statuses = await workflowStatuses(world);
    if (statuses.every((s) => s !== null)) return Date.now();
    await sleep(500);
  }
  throw new Error('the workflows did not answer queries within 3 minutes of the Temporal restart');
}

/** The Delivery rows, or null while PostgreSQL is down. */
export async function deliveryRows(orm: World['orm']): Promise<DeliveryRow[] | null> {
  try {
    const rows = await orm.em.fork().find(Delivery, {});
    return rows.map((row) => ({
      key: row.idempotencyKey,
      state: row.state,
      error: row.error ?? null,
      userId: row.user.id,
    }));
  } catch {
    return null;
  }
}
