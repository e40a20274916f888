// Teams: creating one, reading it, changing its settings; the settings hook the sessions rely on.
import { Membership, Team } from '@rhythm/persistence';
import { UnavailableError } from '../src/errors.js';
import { startTestApp, useTestApp, type TestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
beforeAll(async () => {
  world = await createWorld(testApp());
});
const as = (actor: keyof World['users']) => `Bearer ${world.tokens[actor]}`;
const teamPath = () => `/api/teams/${world.team.id}`;

describe('POST /api/teams', () => {
  it('creates a team with the server’s defaults; the creator is its administrator and process owner', async () => {
    const response = await testApp()
      .http.post('/api/teams')
      .set('Authorization', as('member'))
      .send({ name: '  Sales  ' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: 'Sales',
      timeZone: 'Europe/Amsterdam',
      locale: 'en',
      sendHour: 9,
    });
    expect(response.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    const me = await testApp().http.get('/api/me').set('Authorization', as('member'));
    expect(me.body.teams).toContainEqual({
      id: response.body.id,
      name: 'Sales',
      roles: ['administrator', 'process_owner'],
      emailsPaused: false,
    });
  });

  it('takes the time zone, locale and send hour given', async () => {
    const response = await testApp()
      .http.post('/api/teams')
      .set('Authorization', as('member'))
      .send({ name: 'Ops', timeZone: 'America/New_York', locale: 'nl', sendHour: 7 });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ timeZone: 'America/New_York', locale: 'nl', sendHour: 7 });
  });

  it.each([
    [{ name: '' }, 'body.name', 'Must not be empty'],
    [{ name: 'x'.repeat(256) }, 'body.name', 'Too big: expected string to have <=255 characters'],
    [
      { name: 'A', timeZone: 'Europe/Atlantis' },
      'body.timeZone',
      'Expected an IANA time zone such as Europe/Amsterdam',
    ],
    [{ name: 'A', sendHour: 8.5 }, 'body.sendHour', 'Invalid input: expected int, received number'],
    [{ name: 'A', locale: 'de' }, 'body.locale', 'Invalid option: expected one of "en"|"nl"'],
    [{ name: 'A', id: '01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c' }, 'body.id', 'Unknown property'],
  ])('refuses %j with 422 naming %s', async (body, field, message) => {
    const response = await testApp().http.post('/api/teams').set('Authorization', as('member')).send(body);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field, message }]);
  });

  it('needs a signed-in caller', async () => {
    const response = await testApp().http.post('/api/teams').send({ name: 'Nobody’s' });
    expect(response.status).toBe(401);
    expect(await testApp().orm.em.fork().count(Team, { name: 'Nobody’s' })).toBe(0);
  });
});

describe('GET /api/teams/{teamId}', () => {
  it('shows the team to a member', async () => {
    const response = await testApp().http.get(teamPath()).set('Authorization', as('member'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: world.team.id,
      name: world.team.name,
      timeZone: 'Europe/Amsterdam',
      sendHour: 9,
    });
  });

  it('is 404 for a team the caller is not in, exactly as for one that does not exist', async () => {
    const theirs = await testApp().http.get(teamPath()).set('Authorization', as('outsider'));
    const missing = await testApp()
      .http.get('/api/teams/01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c')
      .set('Authorization', as('outsider'));
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(theirs.body.name).toBeUndefined();
    expect(theirs.body.detail).toBe(`Team ${world.team.id} not found.`);
    expect(missing.body.detail).toBe('Team 01966f2e-8a3b-7cc4-9a57-3a1d2f4e5b6c not found.');
  });
});

describe('PATCH /api/teams/{teamId}', () => {
  beforeEach(() => {
    testApp().settingsChanges.length = 0;
  });

  it('changes the send hour and time zone and tells the sessions, once, with the new values', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', as('administrator'))
      .send({ timeZone: 'Europe/Lisbon', sendHour: 8 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ timeZone: 'Europe/Lisbon', sendHour: 8 });
    expect(testApp().settingsChanges).toEqual([
      { teamId: world.team.id, timeZone: 'Europe/Lisbon', sendHour: 8 },
    ]);
    expect((await testApp().http.get(teamPath()).set('Authorization', as('member'))).body).toMatchObject({
      timeZone: 'Europe/Lisbon',
      sendHour: 8,
    });
  });

  it('passes the unchanged setting along with the changed one', async () => {
    await testApp().http.patch(teamPath()).set('Authorization', as('administrator')).send({ sendHour: 10 });
    expect(testApp().settingsChanges).toEqual([
      { teamId: world.team.id, timeZone: 'Europe/Lisbon', sendHour: 10 },
    ]);
  });

  it('does not bother the sessions when neither the zone nor the send hour changes', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', as('administrator'))
      .send({ name: 'Renamed', locale: 'nl', sendHour: 10 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Renamed', locale: 'nl', sendHour: 10 });
    expect(testApp().settingsChanges).toEqual([]);
  });

  it('is 403 for a process owner or member, and changes nothing', async () => {
    for (const actor of ['processOwner', 'member', 'itemOwner'] as const) {
      const response = await testApp()
        .http.patch(teamPath())
        .set('Authorization', as(actor))
        .send({ sendHour: 6 });
      expect(response.status).toBe(403);
      expect(response.body.detail).toBe('Only a team administrator may do this.');
    }
    expect(testApp().settingsChanges).toEqual([]);
  });

  it('is 404 for an administrator of another team', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', as('outsider'))
      .send({ sendHour: 6 });
    expect(response.status).toBe(404);
  });

  it('is 422 for an out-of-range send hour, before anything is written', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', as('administrator'))
      .send({ sendHour: -1 });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.sendHour', message: 'Too small: expected number to be >=0' },
    ]);
    expect(testApp().settingsChanges).toEqual([]);
  });
});

describe('when the sessions cannot be told of new settings', () => {
  let failing: TestApp;
  let teamId: string;
  let token: string;
  let failure: Error;
  beforeAll(async () => {
    failing = await startTestApp({
      sessions: {
        onTeamSettingsChanged: async () => {
          throw failure;
        },
      },
    });
    const w = await createWorld(failing);
    teamId = w.team.id;
    token = w.tokens.administrator!;
  });
  afterEach(() => failing.assertConformance());
  afterAll(() => failing.close());

  it('the change is rolled back and the client gets 503, so a retry will signal again', async () => {
    failure = new UnavailableError('Temporal did not answer');
    const response = await failing.http
      .patch(`/api/teams/${teamId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'Kept?', sendHour: 15 });
    expect(response.status).toBe(503);
    expect(response.body.detail).toBe('Temporal did not answer');
    const team = await failing.orm.em.fork().findOneOrFail(Team, { id: teamId });
    expect({ name: team.name, sendHour: team.sendHour }).toEqual({
      name: expect.stringMatching(/^Team /),
      sendHour: 9,
    });
    expect(await failing.orm.em.fork().count(Membership, { team: teamId })).toBe(4);
  });

  it('an unexpected failure is a 500 that tells nothing of the internals, and also rolls back', async () => {
    failure = new Error('connection string postgres://secret@db');
    const response = await failing.http
      .patch(`/api/teams/${teamId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ sendHour: 16 });
    expect(response.status).toBe(500);
    expect(response.type).toBe('application/problem+json');
    expect(JSON.stringify(response.body)).not.toContain('secret');
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
    expect((await failing.orm.em.fork().findOneOrFail(Team, { id: teamId })).sendHour).toBe(9);
  });
});
