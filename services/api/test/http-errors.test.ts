// Errors as a client meets them: always problem+json, the right status, and validation problems
// that name each field; never a 500 for a client's mistake.
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp();
let world: World;
let admin: string;
beforeAll(async () => {
  world = await createWorld(testApp());
  admin = `Bearer ${world.tokens.administrator}`;
});
const teamPath = () => `/api/teams/${world.team.id}`;

describe('unknown routes', () => {
  it('answer 404 problem+json naming the method and path', async () => {
    const response = await testApp().http.get('/api/nothing-here').set('Authorization', admin);
    expect(response.status).toBe(404);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route for GET /api/nothing-here',
      instance: '/api/nothing-here',
    });
  });

  it('include a known path with a method it does not have', async () => {
    const response = await testApp().http.put(teamPath()).set('Authorization', admin).send({ name: 'x' });
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe(`No route for PUT ${teamPath()}`);
  });
});

describe('request bodies', () => {
  it('malformed JSON is 400', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send('{"name": "Half');
    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
    expect(response.body.detail).toBe('The body is not valid JSON.');
  });

  it('a JSON string instead of an object is 400 (only objects and arrays are JSON bodies here)', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send('"name"');
    expect(response.status).toBe(400);
  });

  it('an array instead of an object is 422 naming the body', async () => {
    const response = await testApp().http.patch(teamPath()).set('Authorization', admin).send([1, 2]);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body', message: 'Invalid input: expected object, received array' },
    ]);
  });

  it('a body over 100 kB is 413, and nothing changes', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', admin)
      .send({ name: 'x'.repeat(120_000) });
    expect(response.status).toBe(413);
    expect(response.type).toBe('application/problem+json');
    expect((await testApp().http.get(teamPath()).set('Authorization', admin)).body.name).toBe(
      world.team.name,
    );
  });

  it('a body in another media type is 415', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', admin)
      .set('Content-Type', 'text/plain')
      .send('name=x');
    expect(response.status).toBe(415);
    expect(response.body.detail).toBe('Send the body as application/json.');
  });

  it('a missing body where one is required is 422 naming the body', async () => {
    const response = await testApp().http.post('/api/teams').set('Authorization', admin);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body', message: 'Invalid input: expected object, received undefined' },
    ]);
  });
});

describe('validation problems', () => {
  it('name every wrong field at once: wrong type, unknown enum value, out of range, malformed time zone', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', admin)
      .send({ name: 42, locale: 'fr', sendHour: 24, timeZone: 'Mars/Olympus' });
    expect(response.status).toBe(422);
    expect(response.type).toBe('application/problem+json');
    expect(response.body.title).toBe('Unprocessable Entity');
    expect(response.body.errors).toEqual([
      { field: 'body.name', message: 'Invalid input: expected string, received number' },
      { field: 'body.timeZone', message: 'Expected an IANA time zone such as Europe/Amsterdam' },
      { field: 'body.locale', message: 'Invalid option: expected one of "en"|"nl"' },
      { field: 'body.sendHour', message: 'Too big: expected number to be <=23' },
    ]);
  });

  it('a fixed UTC offset is not a time zone (it has no daylight-saving rules)', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', admin)
      .send({ timeZone: '+01:00' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.timeZone', message: 'Expected an IANA time zone such as Europe/Amsterdam' },
    ]);
  });

  it('refuse unknown properties by name: no mass assignment of ids, team or owner', async () => {
    const response = await testApp()
      .http.patch(teamPath())
      .set('Authorization', admin)
      .send({ name: 'Renamed', id: world.otherTeam.id, createdAt: '2020-01-01T00:00:00Z' });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'body.id', message: 'Unknown property' },
      { field: 'body.createdAt', message: 'Unknown property' },
    ]);
    expect((await testApp().http.get(teamPath()).set('Authorization', admin)).body.name).toBe(
      world.team.name,
    );
  });

  it('a malformed id in the path is 422 naming the parameter', async () => {
    const response = await testApp().http.get('/api/teams/not-a-uuid').set('Authorization', admin);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ field: 'params.teamId', message: 'Invalid UUID' }]);
  });

  it('a path that cannot be decoded is 400, not 500', async () => {
    const response = await testApp().http.get('/api/teams/%E0%A4%A').set('Authorization', admin);
    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
  });
});

describe('request ids', () => {
  it('echo a sane x-request-id and put it in problems', async () => {
    const response = await testApp().http.get('/api/nothing-here').set('x-request-id', 'trace-123.abc');
    expect(response.headers['x-request-id']).toBe('trace-123.abc');
    expect(response.body.requestId).toBe('trace-123.abc');
  });

  it('replace a missing or unsafe one with a fresh UUID', async () => {
    const missing = await testApp().http.get('/healthz');
    const unsafe = await testApp().http.get('/healthz').set('x-request-id', 'a b {"level":60}');
    const huge = await testApp().http.get('/healthz').set('x-request-id', 'x'.repeat(500));
    for (const response of [missing, unsafe, huge])
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.headers['x-request-id']).not.toBe(missing.headers['x-request-id']);
  });
});
