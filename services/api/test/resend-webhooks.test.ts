// Resend's webhooks, signed in the tests with Svix's own library (the scheme Resend uses), verified
// by the API with Resend's SDK: never a mock of the verifier. A delivery's status only moves
// forward; a hard bounce stops further emails to the address, as Process status shows; forged,
// stale and repeated events change nothing.
import { randomUUID } from 'node:crypto';
import { Delivery, EmailSuppression } from '@rhythm/persistence';
import { Webhook } from 'svix';
import { startTestApp, useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const secret = `whsec_${Buffer.from('rhythm-webhook-test-secret-32-bytes!').toString('base64')}`;
const testApp = useTestApp({ env: { RESEND_WEBHOOK_SECRET: secret } });
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});

/** POSTs a Resend event signed as Resend signs it; `at` moves the timestamp, `key` forges. */
async function post(event: object, { id = `msg_${randomUUID()}`, at = new Date(), key = secret } = {}) {
  const payload = JSON.stringify(event);
  const signature = new Webhook(key).sign(id, at, payload);
  return testApp()
    .http.post('/api/webhooks/resend')
    .set('content-type', 'application/json')
    .set('svix-id', id)
    .set('svix-timestamp', String(Math.floor(at.getTime() / 1000)))
    .set('svix-signature', signature)
    .send(payload);
}

const emailEvent = (type: string, emailId: string, to: string, extra: object = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, to: [to], from: 'Rhythm <rhythm@example.com>', subject: 'Invitation', ...extra },
});

/** A session with one invitation recorded as sent to the action's owner, under a provider id. */
async function sentInvitation() {
  const session = await world.create.session();
  const emailId = randomUUID();
  const em = testApp().orm.em.fork();
  const owner = world.users.itemOwner;
  em.create(Delivery, {
    session: session.id,
    user: owner.id,
    step: 'invitation',
    sessionDate: session.date,
    idempotencyKey: `test/${emailId}`,
    providerMessageId: emailId,
    state: 'sent',
  });
  await em.flush();
  const status = async () =>
    (
      await testApp()
        .http.get(`/api/teams/${world.team.id}/sessions/${session.id}/status`)
        .set('Authorization', `Bearer ${world.tokens.processOwner}`)
    ).body;
  return { session, emailId, address: owner.email!, status };
}

it('marks the email delivered, then bounced for good: the address is no longer emailed, and Process status says so', async () => {
  const { emailId, address, status } = await sentInvitation();
  expect((await post(emailEvent('email.delivered', emailId, address))).body).toEqual({ outcome: 'applied' });
  expect((await status()).deliveries[0]).toMatchObject({ state: 'sent', providerStatus: 'delivered' });

  const bounced = await post(
    emailEvent('email.bounced', emailId, address, {
      bounce: { type: 'Permanent', subType: 'General', message: 'The mailbox does not exist.' },
    }),
  );
  expect(bounced.status).toBe(200);
  const after = await status();
  expect(after.deliveries[0].providerStatus).toBe('bounced');
  expect(after.next.recipients).toContainEqual(
    expect.objectContaining({
      owner: expect.objectContaining({ email: address }),
      skipped: 'address bounced',
    }),
  );
  const suppression = await testApp()
    .orm.em.fork()
    .findOne(EmailSuppression, { address: address.toLowerCase() });
  expect(suppression).toMatchObject({ reason: 'bounced', detail: 'The mailbox does not exist.' });

  // A late "delivered" (webhooks come out of order) never overwrites the bounce.
  await post(emailEvent('email.delivered', emailId, address));
  expect((await status()).deliveries[0].providerStatus).toBe('bounced');

  // The mailbox works again: an administrator lifts the suppression, and the owner is emailed again.
  const cleared = await testApp()
    .http.delete(`/api/teams/${world.team.id}/members/${world.users.itemOwner.id}/email-suppression`)
    .set('Authorization', `Bearer ${world.tokens.administrator}`);
  expect(cleared.status).toBe(204);
  expect((await status()).next.recipients).toContainEqual(
    expect.objectContaining({ owner: expect.objectContaining({ email: address }), skipped: null }),
  );
});

it('keeps emailing after a soft bounce', async () => {
  const { emailId, address, status } = await sentInvitation();
  await post(
    emailEvent('email.bounced', emailId, address, { bounce: { type: 'Transient', message: 'Mailbox full' } }),
  );
  expect((await status()).deliveries[0].providerStatus).toBe('bounced');
  expect(await testApp().orm.em.fork().count(EmailSuppression, { address: address.toLowerCase() })).toBe(0);
});

it('refuses a forged or stale event with 400 and changes nothing', async () => {
  const { emailId, address, status } = await sentInvitation();
  const forged = await post(emailEvent('email.complained', emailId, address), {
    key: `whsec_${Buffer.from('somebody-else-s-secret-of-32-bytes!!').toString('base64')}`,
  });
  expect(forged.status).toBe(400);
  expect(forged.headers['content-type']).toMatch(/application\/problem\+json/);
  const stale = await post(emailEvent('email.complained', emailId, address), {
    at: new Date(Date.now() - 10 * 60_000),
  });
  expect(stale.status).toBe(400);
  const unsigned = await testApp()
    .http.post('/api/webhooks/resend')
    .set('content-type', 'application/json')
    .send(emailEvent('email.complained', emailId, address));
  expect(unsigned.status).toBe(400);
  expect((await status()).deliveries[0].providerStatus).toBeNull();
  expect(await testApp().orm.em.fork().count(EmailSuppression, { address: address.toLowerCase() })).toBe(0);
});

it('handles an event Resend sends again (same svix-id) once', async () => {
  const { emailId, address, status } = await sentInvitation();
  const id = `msg_${randomUUID()}`;
  expect((await post(emailEvent('email.delivery_delayed', emailId, address), { id })).body.outcome).toBe(
    'applied',
  );
  await post(emailEvent('email.delivered', emailId, address));
  const again = await post(emailEvent('email.delivery_delayed', emailId, address), { id });
  expect([again.status, again.body.outcome]).toEqual([200, 'duplicate']);
  expect((await status()).deliveries[0].providerStatus).toBe('delivered');
});

it('answers 503 and trusts nothing when no webhook secret is configured', async () => {
  const bare = await startTestApp();
  try {
    const response = await bare.http
      .post('/api/webhooks/resend')
      .set('content-type', 'application/json')
      .send({ type: 'email.delivered' });
    expect(response.status).toBe(503);
  } finally {
    await bare.close();
  }
});

it('asks Resend to send again an event about an email not recorded yet, and ignores an old one about an email Rhythm never sent', async () => {
  const unknown = randomUUID();
  const early = await post(
    emailEvent('email.bounced', unknown, 'someone@example.com', { bounce: { type: 'Permanent' } }),
  );
  expect(early.status).toBe(503); // Resend retries it; by then the notifier has recorded the email.
  const old = {
    ...emailEvent('email.bounced', unknown, 'someone@example.com', { bounce: { type: 'Permanent' } }),
    created_at: new Date(Date.now() - 60 * 60_000).toISOString(),
  };
  expect((await post(old)).body).toEqual({ outcome: 'ignored' });
  // Another sender's bounce on the same Resend account never stops Rhythm's emails to that address.
  expect(await testApp().orm.em.fork().count(EmailSuppression, { address: 'someone@example.com' })).toBe(0);
});

it('refuses a signed event that is not an email event Rhythm can read', async () => {
  const response = await post({ type: 'email.bounced', data: { email_id: 42, to: 'not-a-list' } });
  expect(response.status).toBe(400);
});
