// The two lanes of a notifier's batcher: invitations and reminders are cut into a batch before
// moved and cancelled notices, so cancelling hundreds of sessions does not hold up the next
// invitation. The emails are rendered first and handed in at exact moments; the local Resend
// server keeps Resend's 5 requests per second, which the batcher's shared rate limit keeps to.
import type { EmailMessage } from '@rhythm/domain';
import { messagesTo } from './harness.js';
import {
  batchRequestsFrom,
  duplicates,
  reachedBy,
  replicaBatcher,
  sessionsOf,
  useRateLimitedHarness,
} from './coalescing.harness.js';

const h = useRateLimitedHarness();

/** 500 cancelled notices (five sessions of 100 owners) and one invitation, rendered. */
async function noticesAndAnInvitation() {
  const { batcher, render } = replicaBatcher(h);
  const notices = await render((await sessionsOf(h, 5, 100, 'cancelled')).flat());
  const [invitation] = (await messagesTo(h.orm, [{ name: 'Ivy' }], { step: 'invitation' })) as [EmailMessage];
  return { batcher, notices, invitation, urgent: await render([invitation]) };
}

describe('lanes', () => {
  it('puts an invitation handed in behind 500 cancelled notices into the first batch', async () => {
    const { batcher, notices, invitation, urgent } = await noticesAndAnInvitation();
    const calls = batchRequestsFrom(h.resendServer);

    await Promise.all([batcher.submit(notices), batcher.submit(urgent)]);

    expect(calls().map((call) => call.accepted)).toEqual([100, 100, 100, 100, 100, 1]);
    expect(reachedBy(h.resendServer, calls()[0]!.idempotencyKey)).toContain(invitation.to.email);
    expect(duplicates(h.resendServer)).toBe(0);
  });

  it('puts an invitation handed in while 400 notices wait for the rate limit into the next batch', async () => {
    const { batcher, notices, invitation, urgent } = await noticesAndAnInvitation();
    const calls = batchRequestsFrom(h.resendServer);

    const noticesSent = batcher.submit(notices);
    await h.resendServer.waitUntil(() => calls().length === 1);
    const invitationSent = batcher.submit(urgent);
    await Promise.all([noticesSent, invitationSent]);

    const made = calls();
    expect(made).toHaveLength(6);
    expect(reachedBy(h.resendServer, made[1]!.idempotencyKey)).toContain(invitation.to.email);
    // Four batches of notices were still waiting; the invitation went 200 ms after the first.
    expect(made[1]!.at - made[0]!.at).toBeLessThan(1_000);
  });
});
