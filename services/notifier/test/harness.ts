// What every notifier test stands on: a fresh migrated PostgreSQL database, the local Resend
// server, the real `resend` SDK pointed at it, and recipients written as real rows (Delivery rows
// reference their session and user).
import { randomUUID } from 'node:crypto';
import { deliveryKey, type DeliveryStep, type EmailMessage, type Locale } from '@rhythm/domain';
import { Delivery, migrateToLatest, openOrm, Session, Team, User, type Orm } from '@rhythm/persistence';
import {
  createTestDatabase,
  startLocalResend,
  type LocalResend,
  type LocalResendOptions,
  type TestDatabase,
} from '@rhythm/testing';
import { Resend } from 'resend';
import { createNotifierActivities } from '../src/activities.js';
import { resendTransport } from '../src/transports/resend.transport.js';

export const API_KEY = 're_test_notifier';
export const FROM = 'Rhythm <rhythm@example.com>';
export const LINKS = { web: 'http://web.test' };
/** Signs each email's one-click pause link, as EMAIL_LINK_SECRET does in production. */
export const PAUSE_LINKS = { secret: 'notifier-test-pause-link-secret-0123456789', baseUrl: LINKS.web };

export interface Harness {
  orm: Orm;
  database: TestDatabase;
  resendServer: LocalResend;
  resend: Resend;
  activities: ReturnType<typeof createNotifierActivities>;
  dispose(): Promise<void>;
}

export async function openHarness(options: Partial<LocalResendOptions> = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const orm = await openOrm(database.url);
  await migrateToLatest(orm);
  const resendServer = await startLocalResend({ apiKey: API_KEY, ...options });
  const resend = new Resend(API_KEY, { baseUrl: resendServer.url });
  const activities = createNotifierActivities({
    orm,
    transport: resendTransport(resend),
    from: FROM,
    links: LINKS,
    pauseLinks: PAUSE_LINKS,
  });
  return {
    orm,
    database,
    resendServer,
    resend,
    activities,
    async dispose() {
      await resendServer.close();
      await orm.close(true);
      await database.drop();
    },
  };
}

export interface Recipient {
  name?: string;
  /** Undefined: a unique address; null: the owner has none. */
  email?: string | null;
  locale?: Locale;
  member?: boolean;
}

/** One team, one session, and an owner per recipient; returns one message per owner. */
export async function messagesTo(
  orm: Orm,
  recipients: Recipient[],
  { step = 'invitation' as DeliveryStep, date = '2026-03-12' } = {},
): Promise<EmailMessage[]> {
  const em = orm.em.fork();
  const team = em.create(Team, {
    name: 'Northwind',
    timeZone: 'Europe/Amsterdam',
    locale: 'en',
    sendHour: 9,
  });
  const session = em.create(Session, {
    team,
    date,
    kind: 'doing',
    sendInvitation: true,
    sendReminder: true,
    repeat: 'none',
    state: 'scheduled',
  });
  const users = recipients.map((recipient, i) =>
    em.create(User, {
      name: recipient.name ?? `Owner ${i}`,
      email: recipient.email === undefined ? `owner-${i}-${team.id}@example.com` : recipient.email,
      locale: recipient.locale ?? null,
    }),
  );
  await em.flush();
  return users.map((user, i) => ({
    idempotencyKey: deliveryKey(session.id, step, date, user.id),
    template: step,
    to: {
      userId: user.id,
      name: user.name,
      email: user.email ?? null,
      locale: recipients[i]!.locale ?? 'en',
      member: recipients[i]!.member ?? true,
    },
    sessionId: session.id,
    teamId: team.id,
    teamName: team.name,
    kind: 'doing',
    sessionDate: date,
    timeZone: team.timeZone,
    items: [{ id: randomUUID(), type: 'action', title: `Action of ${user.name}` }],
  }));
}

export function everyone(count: number): Recipient[] {
  return Array.from({ length: count }, () => ({}));
}

/** The Delivery rows of these messages, by idempotency key. */
export async function deliveries(orm: Orm, messages: EmailMessage[]): Promise<Map<string, Delivery>> {
  const rows = await orm.em
    .fork()
    .find(Delivery, { idempotencyKey: { $in: messages.map((m) => m.idempotencyKey) } });
  return new Map(rows.map((row) => [row.idempotencyKey, row]));
}

/** How many emails each address received. */
export function receivedBy(server: LocalResend): Map<string, number> {
  const counts = new Map<string, number>();
  for (const email of server.emails) for (const to of email.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}
