// `sign-in-link-<linkId>`, as the API starts it (after committing the link's row): it emails the
// link through the notifier once, retries a provider outage only while the link still works, and
// answers `failed` or `expired` instead of failing.
import { signInLinkKey, type SignInLinkEmail } from '@rhythm/domain';
import { newId } from '@rhythm/persistence';
import { startSignInLinkEmail } from '@rhythm/session-lifecycle';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { useSessionHarness } from './support/session-harness.js';

const t = useSessionHarness();

async function signInLink(lifetimeMs: number): Promise<SignInLinkEmail> {
  const linkId = newId();
  return {
    idempotencyKey: signInLinkKey(linkId),
    linkId,
    to: `person-${linkId}@example.com`,
    locale: 'en',
    token: `token-${linkId}`,
    // From the test server's clock: it runs ahead of the wall clock as tests skip time.
    expiresAt: new Date((await t.env.currentTimeMs()) + lifetimeMs).toISOString(),
  };
}

/** Starts as the API does and returns a handle that does not let the test server skip time. */
async function start(email: SignInLinkEmail): Promise<WorkflowHandle> {
  const ctx = { client: t.env.client, taskQueue: t.taskQueue };
  expect(await startSignInLinkEmail(ctx, email)).toBe(true);
  // A retried request finds it started: no second workflow, no second email.
  expect(await startSignInLinkEmail(ctx, email)).toBe(false);
  t.startedThisTest.push(t.env.client.workflow.getHandle(`sign-in-link-${email.linkId}`));
  return new Client({ connection: t.env.connection }).workflow.getHandle(`sign-in-link-${email.linkId}`);
}

/** Lets simulated time run a minute at a time until the workflow has closed. */
async function finish(handle: WorkflowHandle): Promise<unknown> {
  for (let minute = 0; minute < 60 && (await handle.describe()).status.name === 'RUNNING'; minute++)
    await t.env.sleep('1m');
  expect((await handle.describe()).status.name).toBe('COMPLETED');
  return handle.result();
}

const attempts = (email: SignInLinkEmail) =>
  t.notifier.signInLinks.filter((sent) => sent.email.linkId === email.linkId);

describe('sign-in link workflow', () => {
  it('emails the link once', async () => {
    const email = await signInLink(15 * 60_000);
    expect(await finish(await start(email))).toBe('sent');
    expect(attempts(email).map((sent) => sent.email)).toEqual([email]);
  });

  it('retries a provider outage until the link expires, then answers failed', async () => {
    const email = await signInLink(10 * 60_000);
    t.notifier.down = true;
    try {
      expect(await finish(await start(email))).toBe('failed');
    } finally {
      t.notifier.down = false;
    }
    const tried = attempts(email).map((sent) => sent.scheduledAt.getTime());
    expect(tried.length).toBeGreaterThan(3);
    // Not one attempt after the link stopped working: that email would carry a dead link.
    expect(Math.max(...tried)).toBeLessThan(Date.parse(email.expiresAt));
  });

  it('answers failed when the address is refused, without retrying', async () => {
    const email = await signInLink(15 * 60_000);
    t.notifier.refuse(email.to);
    expect(await finish(await start(email))).toBe('failed');
    expect(attempts(email)).toHaveLength(1);
  });

  it('sends nothing for a link that expired before the workflow ran', async () => {
    const email = await signInLink(-60_000);
    expect(await finish(await start(email))).toBe('expired');
    expect(attempts(email)).toEqual([]);
  });
});
