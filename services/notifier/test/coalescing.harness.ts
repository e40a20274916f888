// What the coalescing tests share, on top of ./harness.ts: many sessions' messages at once, the
// activities with a coalescing of their own (linger, the rate limit shared through PostgreSQL),
// and what the local Resend server received: batch requests, who each one reached, duplicates.
import type { DeliveryStep, EmailMessage } from '@rhythm/domain';
import type { LocalResend } from '@rhythm/testing';
import { createNotifierActivities } from '../src/activities.js';
import { createBatchSender } from '../src/coalescing/batch-sender.js';
import { createEmailBatcher, type Submission } from '../src/coalescing/batcher.js';
import { sharedRateLimiter, type RateLimiter } from '../src/coalescing/rate-limiter.js';
import { deliveryMessage, LANE, outgoingEmail } from '../src/outgoing.js';
import { resendTransport } from '../src/transports/resend.transport.js';
import { everyone, FROM, LINKS, messagesTo, openHarness, receivedBy, type Harness } from './harness.js';

/** Resend's default limit, which the notifier keeps to by default. */
export const REQUESTS_PER_SECOND = 5;

/**
 * One call per test file: a harness whose local Resend server keeps Resend's 5 requests/s, open
 * for the file's tests (`setUp` then starts what else they need). After them `tearDown` runs, the
 * harness is disposed, and the file fails if the provider ever refused a request for its rate.
 */
export function useRateLimitedHarness({
  setUp,
  tearDown,
}: { setUp?: (h: Harness) => Promise<void>; tearDown?: () => Promise<unknown> } = {}): Harness {
  let opened: Harness | undefined;
  beforeAll(async () => {
    opened = await openHarness({ requestsPerSecond: REQUESTS_PER_SECOND });
    await setUp?.(opened);
  });
  afterAll(async () => {
    await tearDown?.();
    const rateLimited = opened?.resendServer.stats.rateLimited;
    await opened?.dispose();
    expect(rateLimited).toBe(0);
  });
  // Getters: the harness exists once beforeAll has run.
  const h = () => opened ?? fail('the harness is not open yet');
  return {
    get orm() {
      return h().orm;
    },
    get database() {
      return h().database;
    },
    get resendServer() {
      return h().resendServer;
    },
    get resend() {
      return h().resend;
    },
    get activities() {
      return h().activities;
    },
    dispose: () => h().dispose(),
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/** `count` sessions (each of its own team), each with `owners` owners: one message list per session. */
export async function sessionsOf(
  h: Harness,
  count: number,
  owners: number,
  step: DeliveryStep = 'invitation',
): Promise<EmailMessage[][]> {
  const sessions: EmailMessage[][] = [];
  for (let i = 0; i < count; i++) sessions.push(await messagesTo(h.orm, everyone(owners), { step }));
  return sessions;
}

/** The provider's limit as one notifier replica holds it (each replica makes its own). */
export const replicaLimiter = (h: Harness): RateLimiter =>
  sharedRateLimiter(h.orm, 'resend', REQUESTS_PER_SECOND);

/** A notifier replica's activities: its own batcher, the rate limit shared with the others. */
export function replica(
  h: Harness,
  { lingerMs = 200, from = FROM }: { lingerMs?: number; from?: string } = {},
) {
  return createNotifierActivities({
    orm: h.orm,
    transport: resendTransport(h.resend),
    from,
    links: LINKS,
    coalescing: { limiter: replicaLimiter(h), lingerMs },
  });
}

/** A replica's batcher alone, and messages rendered for it, to hand emails in at an exact moment. */
export function replicaBatcher(h: Harness) {
  const limiter = replicaLimiter(h);
  const transport = resendTransport(h.resend);
  const batcher = createEmailBatcher({
    orm: h.orm,
    sender: createBatchSender({ orm: h.orm, transport, limiter }),
    limiter,
  });
  const render = (messages: EmailMessage[]): Promise<Submission[]> =>
    Promise.all(
      messages.map(async (message) => ({
        lane: LANE[message.template],
        member: deliveryMessage(message),
        email: await outgoingEmail({ from: FROM, links: LINKS }, message, undefined),
      })),
    );
  return { batcher, render };
}

/** From now on: the batch requests the local Resend server receives. */
export function batchRequestsFrom(server: LocalResend) {
  const first = server.requests.length;
  return () => server.requests.slice(first).filter((request) => request.path === '/emails/batch');
}

/** The addresses one request reached, by its idempotency key. */
export function reachedBy(server: LocalResend, idempotencyKey: string | null): string[] {
  return server.emails
    .filter((email) => email.idempotencyKey === idempotencyKey)
    .flatMap((email) => email.to);
}

/** Emails received more than once (every test owner has an address of their own). */
export function duplicates(server: LocalResend): number {
  return [...receivedBy(server).values()].reduce((sum, count) => sum + count - 1, 0);
}

/** What each session's activity should answer when every email went out. */
export function allSent(messages: EmailMessage[]) {
  return messages.map((message) => ({
    idempotencyKey: message.idempotencyKey,
    userId: message.to.userId,
    state: 'sent',
  }));
}
