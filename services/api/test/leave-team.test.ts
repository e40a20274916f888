// Leaving a team: a member removes themselves (their items keep them as owner); the last
// administrator can neither leave nor be removed nor demoted (409).
import { Membership } from '@rhythm/persistence';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});

const leave = async (teamId: string, user: World['users']['member']) =>
  testApp()
    .http.delete(`/api/teams/${teamId}/members/me`)
    .set('Authorization', `Bearer ${await testApp().token(user)}`);
const count = (teamId: string) => testApp().orm.em.fork().count(Membership, { team: teamId });

it('lets a member leave; the team is then not found for them', async () => {
  const { member, administrator } = world.users;
  const team = await world.create.team([
    { user: administrator, roles: ['administrator'] },
    { user: member, roles: ['member'] },
  ]);
  expect((await leave(team.id, member)).status).toBe(204);
  expect(await count(team.id)).toBe(1);
  expect((await leave(team.id, member)).status).toBe(404);
});

it('keeps the last administrator: cannot leave, be removed or demoted (409); can once another exists', async () => {
  const { administrator, processOwner } = world.users;
  const team = await world.create.team([
    { user: administrator, roles: ['administrator'] },
    { user: processOwner, roles: ['process_owner'] },
  ]);
  const asAdmin = `Bearer ${world.tokens.administrator}`;
  const left = await leave(team.id, administrator);
  expect(left.status).toBe(409);
  expect(left.body.detail).toBe(
    'The team’s last administrator cannot leave the team; make someone else administrator first.',
  );
  const members = `/api/teams/${team.id}/members`;
  expect(
    (await testApp().http.delete(`${members}/${administrator.id}`).set('Authorization', asAdmin)).status,
  ).toBe(409);
  const demote = await testApp()
    .http.patch(`${members}/${administrator.id}`)
    .set('Authorization', asAdmin)
    .send({ roles: ['member'] });
  expect(demote.status).toBe(409);

  await testApp()
    .http.patch(`${members}/${processOwner.id}`)
    .set('Authorization', asAdmin)
    .send({ roles: ['administrator'] });
  expect((await leave(team.id, administrator)).status).toBe(204);
});
