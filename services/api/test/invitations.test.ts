// Joining by invitation, over HTTP on PostgreSQL and the Temporal dev server: an administrator
// invites an address, its workflow `team-invitation-<id>-<n>` is started with the email (the link's
// secret only there and as a hash in the database), and the person becomes a member only by
// accepting, signed in with that address. The workflow's own sending is tested in services/workflows
// and the email itself in services/notifier.
import { teamInvitationWorkflowId, type TeamInvitationWorkflowInput } from '@rhythm/domain';
import { Invitation, Membership, User } from '@rhythm/persistence';
import { requireEnv } from '@rhythm/testing';
import { Client, Connection } from '@temporalio/client';
import { secretHash as tokenHash } from '../src/auth/secrets.js';
import { faultyClient } from './support/faulty-client.js';
import { startInputOf } from './support/session-harness.js';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const temporal = faultyClient(
  new Client({ connection: Connection.lazy({ address: requireEnv('TEMPORAL_ADDRESS') }) }),
);
const testApp = useTestApp({ temporal: temporal.client, env: { INVITATION_TTL_DAYS: '3' } });
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
afterEach(() => {
  temporal.faults.start = undefined;
});

const admin = () => `Bearer ${world.tokens.administrator}`;
const invitations = () => `/api/teams/${world.team.id}/invitations`;
const invite = (body: object) => testApp().http.post(invitations()).set('Authorization', admin()).send(body);
const fresh = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;

/** The email the workflow was started with (the link's secret travels only there). */
async function emailOf(invitationId: string, send = 1) {
  const input = (await startInputOf(testApp().temporal, teamInvitationWorkflowId(invitationId, send))) as
    TeamInvitationWorkflowInput | undefined;
  return input!.email;
}

async function accept(user: User, token: string) {
  return testApp()
    .http.post('/api/invitations/accept')
    .set('Authorization', `Bearer ${await testApp().token(user)}`)
    .send({ token });
}

const membership = (user: User) =>
  testApp().orm.em.fork().findOne(Membership, { team: world.team.id, user: user.id });

describe('inviting and accepting', () => {
  it('emails a link, and the person joins with the roles by accepting as that address', async () => {
    const invitee = await world.create.user('Ivy', fresh('ivy'));
    const response = await invite({
      email: invitee.email!.toUpperCase(),
      roles: ['process_owner', 'member'],
    });
    expect(response.status).toBe(201);
    const expiresAt = Date.parse(response.body.expiresAt);
    expect(Math.abs(expiresAt - (Date.now() + 3 * 86_400_000))).toBeLessThan(60_000);
    expect(response.body).toMatchObject({
      email: invitee.email,
      roles: ['process_owner', 'member'],
      state: 'pending',
      invitedBy: { name: 'Ada' },
      sends: 1,
    });
    expect(await membership(invitee)).toBeNull();

    const email = await emailOf(response.body.id);
    expect(email).toMatchObject({
      to: invitee.email,
      locale: 'en',
      teamName: world.team.name,
      inviterName: 'Ada',
      roles: ['process_owner', 'member'],
      idempotencyKey: `rhythm/team-invitation/${response.body.id}/1`,
    });
    // Only the hash is kept.
    const row = await testApp().orm.em.fork().findOneOrFail(Invitation, { id: response.body.id });
    expect(row.tokenHash).toBe(tokenHash(email.token));
    expect(JSON.stringify(row)).not.toContain(email.token);

    const accepted = await accept(invitee, email.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ team: { id: world.team.id }, roles: ['process_owner', 'member'] });
    expect((await membership(invitee))?.roles).toEqual(['process_owner', 'member']);
    expect((await accept(invitee, email.token)).status).toBe(409);
    const list = await testApp().http.get(invitations()).set('Authorization', admin());
    expect(list.body.invitations.map((i: { id: string }) => i.id)).not.toContain(response.body.id);
  });

  it('answers the same for an address with an account and one without, and creates no user', async () => {
    const known = await world.create.user('Known', fresh('known'));
    const unknown = fresh('unknown');
    const shape = ({ id, email, expiresAt, createdAt, ...rest }: Record<string, unknown>) => ({
      ...rest,
      types: [typeof id, typeof email, typeof expiresAt, typeof createdAt],
    });
    const [a, b] = [await invite({ email: known.email }), await invite({ email: unknown })];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(shape(a.body)).toEqual(shape(b.body));
    expect(Object.keys(a.body).sort()).toEqual(Object.keys(b.body).sort());
    expect(await testApp().orm.em.fork().count(User, { email: unknown })).toBe(0);
  });

  it('refuses an address already in the team (409) without naming anyone', async () => {
    const response = await invite({ email: world.users.member.email!.toUpperCase() });
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('This address is already a member of this team.');
    expect(JSON.stringify(response.body)).not.toContain(world.users.member.name);
  });

  it('refreshes a pending invitation to the same address instead of adding one; the old link stops working', async () => {
    const invitee = await world.create.user('Jo', fresh('jo'));
    const first = await invite({ email: invitee.email });
    const second = await invite({ email: invitee.email, roles: ['administrator'] });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: first.body.id, sends: 2, roles: ['administrator'] });
    expect(await testApp().orm.em.fork().count(Invitation, { email: invitee.email! })).toBe(1);
    expect((await accept(invitee, (await emailOf(first.body.id, 1)).token)).status).toBe(404);
    expect((await accept(invitee, (await emailOf(first.body.id, 2)).token)).status).toBe(200);
    expect((await membership(invitee))?.roles).toEqual(['administrator']);
  });

  it('is 403 for someone signed in with another address, who does not join', async () => {
    const response = await invite({ email: fresh('meant') });
    const { token } = await emailOf(response.body.id);
    const accepted = await accept(world.users.outsider, token);
    expect(accepted.status).toBe(403);
    expect(accepted.type).toBe('application/problem+json');
    expect(await membership(world.users.outsider)).toBeNull();
  });

  it('is 410 once expired, and sending it again renews it', async () => {
    const invitee = await world.create.user('Old', fresh('old'));
    const response = await invite({ email: invitee.email });
    const em = testApp().orm.em.fork();
    await em.nativeUpdate(Invitation, { id: response.body.id }, { expiresAt: new Date(Date.now() - 60_000) });
    expect((await accept(invitee, (await emailOf(response.body.id)).token)).status).toBe(410);
    const list = await testApp().http.get(invitations()).set('Authorization', admin());
    expect(list.body.invitations.find((i: { id: string }) => i.id === response.body.id)?.state).toBe(
      'expired',
    );

    const resent = await testApp()
      .http.post(`${invitations()}/${response.body.id}/resend`)
      .set('Authorization', admin());
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ state: 'pending', sends: 2 });
    expect((await accept(invitee, (await emailOf(response.body.id)).token)).status).toBe(404);
    expect((await accept(invitee, (await emailOf(response.body.id, 2)).token)).status).toBe(200);
  });

  it('is 410 once revoked; a revoked invitation is not listed or sent again', async () => {
    const invitee = await world.create.user('Rev', fresh('rev'));
    const response = await invite({ email: invitee.email });
    const path = `${invitations()}/${response.body.id}`;
    expect((await testApp().http.delete(path).set('Authorization', admin())).status).toBe(204);
    expect((await accept(invitee, (await emailOf(response.body.id)).token)).status).toBe(410);
    expect((await testApp().http.post(`${path}/resend`).set('Authorization', admin())).status).toBe(409);
    const list = await testApp().http.get(invitations()).set('Authorization', admin());
    expect(list.body.invitations.map((i: { id: string }) => i.id)).not.toContain(response.body.id);
    expect(await membership(invitee)).toBeNull();
  });

  it('answers 503 and keeps nothing when Temporal does not take the email', async () => {
    const email = fresh('down');
    temporal.faults.start = 'refused';
    const response = await invite({ email });
    expect(response.status).toBe(503);
    expect(await testApp().orm.em.fork().count(Invitation, { email })).toBe(0);
  });

  it('lists pending invitations with who sent them, to administrators', async () => {
    const email = fresh('listed');
    await invite({ email, roles: ['member'] });
    const list = await testApp().http.get(invitations()).set('Authorization', admin());
    expect(list.status).toBe(200);
    expect(list.body.invitations.find((i: { email: string }) => i.email === email)).toMatchObject({
      roles: ['member'],
      state: 'pending',
      invitedBy: { name: 'Ada' },
    });
  });
});
