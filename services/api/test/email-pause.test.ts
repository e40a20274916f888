// The one-click pause link (List-Unsubscribe): signed by the notifier with EMAIL_LINK_SECRET and
// checked here. Pausing makes the notification rules skip the owner in that team, as Process status
// shows; a forged link changes nothing; the owner resumes, signed in.
import { EmailPause } from '@rhythm/persistence';
import { pauseUrl } from '@rhythm/platform';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const secret = 'a-test-secret-for-pause-links-0123456789';
const testApp = useTestApp({ env: { EMAIL_LINK_SECRET: secret } });
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});

const linkPath = (teamId: string, userId: string, key = secret) => {
  const url = new URL(pauseUrl('http://rhythm.example', key, teamId, userId));
  return `${url.pathname}${url.search}`;
};

it('pauses an owner’s emails in the team with one POST, shows it on Process status, and resumes', async () => {
  const owner = world.users.itemOwner;
  const session = await world.create.session();
  const paused = await testApp()
    .http.post(linkPath(world.team.id, owner.id))
    .set('content-type', 'application/x-www-form-urlencoded')
    .send('List-Unsubscribe=One-Click');
  expect(paused.status).toBe(200);
  expect(paused.body).toEqual({ teamId: world.team.id, teamName: world.team.name, paused: true });
  // A second click is the same pause.
  expect((await testApp().http.post(linkPath(world.team.id, owner.id))).status).toBe(200);
  expect(await testApp().orm.em.fork().count(EmailPause, { user: owner.id, team: world.team.id })).toBe(1);

  const status = await testApp()
    .http.get(`/api/teams/${world.team.id}/sessions/${session.id}/status`)
    .set('Authorization', `Bearer ${world.tokens.processOwner}`);
  expect(status.body.next.recipients).toContainEqual(
    expect.objectContaining({
      owner: expect.objectContaining({ userId: owner.id }),
      skipped: 'paused emails',
    }),
  );

  const me = await testApp().http.get('/api/me').set('Authorization', `Bearer ${world.tokens.itemOwner}`);
  expect(me.body.teams).toContainEqual(expect.objectContaining({ id: world.team.id, emailsPaused: true }));

  const resume = () =>
    testApp()
      .http.delete(`/api/me/email-pauses/${world.team.id}`)
      .set('Authorization', `Bearer ${world.tokens.itemOwner}`);
  expect((await resume()).status).toBe(204);
  expect((await resume()).status).toBe(404);
});

it('refuses a forged link with 400 and pauses nothing', async () => {
  const owner = world.users.member;
  const forged = await testApp().http.post(
    linkPath(world.team.id, owner.id, 'somebody-else-s-secret-0123456789abcdef'),
  );
  expect(forged.status).toBe(400);
  const otherUser = await testApp().http.post(
    linkPath(world.team.id, owner.id).replace(owner.id, world.users.itemOwner.id),
  );
  expect(otherUser.status).toBe(400);
  const targets = [owner.id, world.users.itemOwner.id];
  expect(
    await testApp()
      .orm.em.fork()
      .count(EmailPause, { user: { $in: targets } }),
  ).toBe(0);
});
