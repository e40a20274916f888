// GET /api/dev/outbox: the notifier's local outbox, in development only.
import { OutboxEmail } from '@rhythm/persistence';
import { useTestApp } from './support/test-app.js';
import { createWorld, type World } from './support/world.js';

const testApp = useTestApp({ env: { NODE_ENV: 'development' } });
let world: World;
let token: string;
beforeAll(async () => {
  world = await createWorld(testApp());
  token = `Bearer ${world.tokens.member}`;
  const em = testApp().orm.em.fork();
  const start = Date.parse('2026-03-01T09:00:00Z');
  for (let i = 0; i < 5; i++) {
    const to = i % 2 ? 'bo@example.com' : 'ada@example.com';
    em.create(OutboxEmail, {
      to,
      subject: `Email ${i}`,
      html: `<p>${i}</p>`,
      text: String(i),
      idempotencyKey: `key-${i}`,
      createdAt: new Date(start + i * 60_000),
    });
  }
  await em.flush();
});
const outbox = (query = '') => testApp().http.get(`/api/dev/outbox${query}`).set('Authorization', token);

describe('GET /api/dev/outbox (NODE_ENV=development)', () => {
  it('lists the stored emails newest first, twenty to a page', async () => {
    const response = await outbox();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ page: 1, pageSize: 20, total: 5 });
    expect(response.body.emails.map((email: { subject: string }) => email.subject)).toEqual([
      'Email 4',
      'Email 3',
      'Email 2',
      'Email 1',
      'Email 0',
    ]);
    expect(response.body.emails[0]).toMatchObject({
      to: 'ada@example.com',
      html: '<p>4</p>',
      text: '4',
      idempotencyKey: 'key-4',
      createdAt: '2026-03-01T09:04:00.000Z',
    });
  });

  it('pages, and filters by recipient', async () => {
    const second = await outbox('?page=2&pageSize=2');
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(second.body.emails.map((email: { subject: string }) => email.subject)).toEqual([
      'Email 2',
      'Email 1',
    ]);
    const bo = await outbox('?to=Bo@Example.com');
    expect(bo.body.total).toBe(2);
    expect(bo.body.emails.map((email: { subject: string }) => email.subject)).toEqual(['Email 3', 'Email 1']);
    expect((await outbox('?page=9')).body).toMatchObject({ emails: [], total: 5 });
  });

  it.each([
    ['?page=0', 'query.page'],
    ['?pageSize=101', 'query.pageSize'],
    ['?pageSize=ten', 'query.pageSize'],
    ['?sort=asc', 'query.sort'],
  ])('is 422 for %s naming %s', async (query, field) => {
    const response = await outbox(query);
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  it('needs a signed-in caller', async () => {
    expect((await testApp().http.get('/api/dev/outbox')).status).toBe(401);
  });

  it('is documented next to the development sign-in', () => {
    expect(Object.keys(testApp().app.openApiDocument.paths ?? {})).toEqual(
      expect.arrayContaining(['/api/dev/token', '/api/dev/outbox']),
    );
  });
});
