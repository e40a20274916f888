// The sendEmails activity with the real `resend` SDK over HTTP to the local Resend server and a
// real PostgreSQL: what recipients receive (in batches, in their language, with a pause link and a
// reply-to) and what the Delivery rows say, also of the owners it skips.
import { Membership, User } from '@rhythm/persistence';
import { pauseUrl } from '@rhythm/platform';
import { renderEmail } from '../src/templates/render.js';
import { deliveries, everyone, LINKS, messagesTo, PAUSE_LINKS, receivedBy } from './harness.js';
import { useSendEmailsHarness } from './send-emails.harness.js';

const h = useSendEmailsHarness();
const { batchCalls } = h;

describe('sendEmails', () => {
  it('sends 250 messages as three batch calls of 100, 100 and 50, each under its own idempotency key', async () => {
    const messages = await messagesTo(h.orm, everyone(250));
    const { result, calls } = await batchCalls(() => h.activities.sendEmails(messages));

    expect(calls.map((c) => [c.status, c.accepted])).toEqual([
      [200, 100],
      [200, 100],
      [200, 50],
    ]);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(3);
    const received = receivedBy(h.resendServer);
    for (const message of messages) expect(received.get(message.to.email!)).toBe(1);
    expect(result.every((r) => r.state === 'sent')).toBe(true);
    const rows = await deliveries(h.orm, messages);
    const ids = new Map(h.resendServer.emails.map((e) => [e.to[0], e.id]));
    for (const message of messages) {
      expect(rows.get(message.idempotencyKey)).toMatchObject({
        state: 'sent',
        providerMessageId: ids.get(message.to.email!),
      });
    }
  });

  it("writes each email in the recipient's language", async () => {
    const [dutch, english] = await messagesTo(h.orm, [
      { name: 'Bo', locale: 'nl' },
      { name: 'Ada', locale: 'en' },
    ]);
    await h.activities.sendEmails([dutch!, english!]);

    const to = (address: string) => h.resendServer.emails.find((e) => e.to.includes(address))!;
    const nl = to(dutch!.to.email!);
    const en = to(english!.to.email!);
    // The session is on 12 March 2026: the month's name says which language the email is in.
    expect(nl.text).toMatch(/maart/);
    expect(nl.text).not.toMatch(/March/);
    expect(en.text).toMatch(/March/);
    expect({ subject: nl.subject, html: nl.html, text: nl.text }).toEqual(await renderEmail(dutch!, LINKS));
  });

  it('gives every email a signed one-click pause link (List-Unsubscribe, RFC 8058) for its owner and team', async () => {
    const [message] = await messagesTo(h.orm, [{ name: 'Ada', locale: 'en' }]);
    await h.activities.sendEmails([message!]);
    const email = h.resendServer.emails.find((e) => e.to.includes(message!.to.email!))!;
    expect(email.headers).toEqual({
      'List-Unsubscribe': `<${pauseUrl(PAUSE_LINKS.baseUrl, PAUSE_LINKS.secret, message!.teamId, message!.to.userId)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('sends replies to the team’s process owner', async () => {
    const [message] = await messagesTo(h.orm, [{ name: 'Ada', locale: 'en' }]);
    const em = h.orm.em.fork();
    const pim = em.create(User, { name: 'Pim', email: `pim-${message!.teamId}@example.com`, locale: null });
    em.create(Membership, { team: message!.teamId, user: pim, roles: ['process_owner'] });
    await em.flush();
    await h.activities.sendEmails([message!]);
    const email = h.resendServer.emails.find((e) => e.to.includes(message!.to.email!))!;
    expect(email.replyTo).toBe(pim.email);
  });

  it('skips owners without an address or who left the team, records why, and emails the rest', async () => {
    const messages = await messagesTo(h.orm, [
      { name: 'Ada' },
      { name: 'Cy', email: null },
      { name: 'Dee', member: false },
    ]);
    const { result, calls } = await batchCalls(() => h.activities.sendEmails(messages));

    expect(calls.map((c) => c.accepted)).toEqual([1]);
    expect(h.resendServer.emails.filter((e) => e.to.includes(messages[0]!.to.email!))).toHaveLength(1);
    expect(h.resendServer.emails.some((e) => e.to.includes(messages[2]!.to.email!))).toBe(false);
    expect(result.map((r) => [r.state, r.reason])).toEqual([
      ['sent', undefined],
      ['skipped', 'no email address'],
      ['skipped', 'left the team'],
    ]);
    const rows = await deliveries(h.orm, messages);
    expect(
      messages.map((m) => [rows.get(m.idempotencyKey)?.state, rows.get(m.idempotencyKey)?.error]),
    ).toEqual([
      ['sent', null],
      ['skipped', 'no email address'],
      ['skipped', 'left the team'],
    ]);
  });
});
