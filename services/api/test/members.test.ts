// Members and roles: administrators change roles and remove members, members leave; a team always
// keeps an administrator. Nobody is added without accepting an invitation (invitations.test.ts).
import { Membership, User } from '@rhythm/persistence';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const admin = () => `Bearer ${world.tokens.administrator}`;
const members = () => `/api/teams/${world.team.id}/members`;

describe('GET /api/teams/{teamId}/members', () => {
  it('lists the members by name with their roles', async () => {
    const response = await testApp()
      .http.get(members())
      .set('Authorization', `Bearer ${world.tokens.member}`);
    expect(response.status).toBe(200);
    const names = response.body.members.map((member: { name: string }) => member.name);
    expect(names.slice(0, 4)).toEqual(['Ada', 'Mia', 'Noah', 'Pim']);
    expect(response.body.members[0]).toMatchObject({
      userId: world.users.administrator.id,
      roles: ['administrator'],
      email: world.users.administrator.email,
    });
    expect(names).not.toContain('Olga');
  });
});

describe('adding a person without their consent (the old POST /api/teams/{teamId}/members)', () => {
  it('is gone: 404 for an existing and an unknown address alike, and nobody joins or is created', async () => {
    const user = await world.create.user('Existing', `existing-${Date.now()}@example.com`);
    const unknown = `new-${Date.now()}@example.com`;
    for (const body of [{ email: user.email }, { email: unknown, name: 'Newcomer' }]) {
      const response = await testApp().http.post(members()).set('Authorization', admin()).send(body);
      expect(response.status).toBe(404);
      expect(response.body.detail).toBe(`No route for POST ${members()}`);
    }
    const em = testApp().orm.em.fork();
    expect(await em.count(Membership, { team: world.team.id, user: user.id })).toBe(0);
    expect(await em.count(User, { email: unknown })).toBe(0);
  });

  it('is not in the OpenAPI document', () => {
    const paths = testApp().app.openApiDocument.paths ?? {};
    expect(paths['/api/teams/{teamId}/members']?.post).toBeUndefined();
  });
});

describe('PATCH /api/teams/{teamId}/members/{userId}', () => {
  it('changes a member’s roles', async () => {
    const user = await world.create.member();
    const response = await testApp()
      .http.patch(`${members()}/${user.id}`)
      .set('Authorization', admin())
      .send({ roles: ['administrator', 'process_owner'] });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ userId: user.id, roles: ['administrator', 'process_owner'] });
  });

  it('is 404 for someone who is not a member of this team', async () => {
    const response = await testApp()
      .http.patch(`${members()}/${world.users.outsider.id}`)
      .set('Authorization', admin())
      .send({ roles: ['member'] });
    expect(response.status).toBe(404);
  });

  it('is 422 without roles', async () => {
    const response = await testApp()
      .http.patch(`${members()}/${world.users.member.id}`)
      .set('Authorization', admin())
      .send({});
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.roles', message: 'Invalid input: expected array, received undefined' },
    ]);
  });
});

describe('DELETE /api/teams/{teamId}/members/{userId}', () => {
  it('removes a member; the items they own keep them as owner', async () => {
    const user = await world.create.member();
    const item = await world.create.item('action', user);
    const response = await testApp().http.delete(`${members()}/${user.id}`).set('Authorization', admin());
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(await testApp().orm.em.fork().count(Membership, { team: world.team.id, user: user.id })).toBe(0);
    const actions = await testApp()
      .http.get(`/api/teams/${world.team.id}/actions`)
      .set('Authorization', admin());
    expect(actions.body.actions).toContainEqual(
      expect.objectContaining({ id: item.id, owner: { id: user.id, name: 'New member' } }),
    );
  });

  it('is 404 for someone not in the team', async () => {
    const stranger = await world.create.user();
    const response = await testApp().http.delete(`${members()}/${stranger.id}`).set('Authorization', admin());
    expect(response.status).toBe(404);
  });
});

describe('the last administrator', () => {
  it('cannot lose the role or leave (409); once another administrator exists, can', async () => {
    const { administrator } = world.users;
    // The world's team has one administrator, plus any promoted by the tests above: demote those first.
    const em = testApp().orm.em.fork();
    for (const membership of await em.find(Membership, {
      team: world.team.id,
      user: { $ne: administrator.id },
    }))
      membership.roles = ['member'];
    await em.flush();

    const demote = await testApp()
      .http.patch(`${members()}/${administrator.id}`)
      .set('Authorization', admin())
      .send({ roles: ['member'] });
    expect(demote.status).toBe(409);
    expect(demote.body.detail).toBe(
      'The team’s last administrator cannot lose the administrator role; make someone else administrator first.',
    );
    const leave = await testApp()
      .http.delete(`${members()}/${administrator.id}`)
      .set('Authorization', admin());
    expect(leave.status).toBe(409);

    await testApp()
      .http.patch(`${members()}/${world.users.processOwner.id}`)
      .set('Authorization', admin())
      .send({ roles: ['administrator', 'process_owner'] });
    const demoteNow = await testApp()
      .http.patch(`${members()}/${administrator.id}`)
      .set('Authorization', admin())
      .send({ roles: ['member'] });
    expect(demoteNow.status).toBe(200);
    expect(demoteNow.body.roles).toEqual(['member']);
  });

  it('two administrators demoting each other at the same moment leave one administrator', async () => {
    const teamResponse = await testApp()
      .http.post('/api/teams')
      .set('Authorization', `Bearer ${world.tokens.member}`)
      .send({ name: 'Race' });
    const path = `/api/teams/${teamResponse.body.id}/members`;
    const second = await world.create.user('Second admin');
    const em = testApp().orm.em.fork();
    em.create(Membership, { team: teamResponse.body.id, user: second.id, roles: ['administrator'] });
    await em.flush();
    const secondToken = await testApp().token(second);
    const [first, other] = await Promise.all([
      testApp()
        .http.patch(`${path}/${second.id}`)
        .set('Authorization', `Bearer ${world.tokens.member}`)
        .send({ roles: ['member'] }),
      testApp()
        .http.patch(`${path}/${world.users.member.id}`)
        .set('Authorization', `Bearer ${secondToken}`)
        .send({ roles: ['member'] }),
    ]);
    // The loser gets 409 (the row lock made it wait, then it saw no other administrator) or 403
    // (it started after the winner had committed and its caller was no longer an administrator).
    const [won, lost] = [first.status, other.status].sort();
    expect(won).toBe(200);
    expect([403, 409]).toContain(lost);
    const admins = await testApp()
      .orm.em.fork()
      .count(Membership, { team: teamResponse.body.id, roles: { $contains: ['administrator'] } });
    expect(admins).toBe(1);
  });
});
