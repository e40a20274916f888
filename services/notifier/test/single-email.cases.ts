// What every email sent alone (single-email.activities.ts) must do, for its test file to run: sent
// once under its key through the local Resend server even when the activity is retried (Resend
// replays it), and a refused address answered `failed` with the provider's words, not thrown.
import type { Harness } from './harness.js';

interface SingleEmail {
  idempotencyKey: string;
  to: string;
}

export function itSendsOneEmailOnce<E extends SingleEmail>(
  harness: () => Harness,
  send: (activities: Harness['activities'], email: E) => Promise<{ state: string; reason?: string }>,
  make: () => E,
  subject: string,
): void {
  it('sends it once, under its key, even when the activity is retried', async () => {
    const h = harness();
    const email = make();
    expect(await send(h.activities, email)).toEqual({ state: 'sent' });
    expect(await send(h.activities, email)).toEqual({ state: 'sent' });
    const sent = h.resendServer.emails.filter((accepted) => accepted.to.includes(email.to));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe(subject);
    expect(h.resendServer.stats.replays).toBeGreaterThanOrEqual(1);
  });

  it('answers failed with the provider’s words when the address is refused', async () => {
    const h = harness();
    const email = make();
    h.resendServer.refuse(email.to);
    const result = await send(h.activities, email);
    expect(result.state).toBe('failed');
    expect(result.reason).toBeTruthy();
  });
}
