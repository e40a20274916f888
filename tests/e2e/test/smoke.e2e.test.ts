// The harness itself: the stack comes up ready, and Chromium gets the web app from the API.
import { screenshot, signIn, useE2E } from '../src/index.js';

const e2e = useE2E();

describe('the local stack in a browser', () => {
  it('is ready: PostgreSQL and Temporal reachable from the API', async () => {
    const ready = await fetch(`${e2e.stack.apiUrl}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('signs a seeded user in through the dev token endpoint', async () => {
    const ada = await signIn(e2e.stack.apiUrl, 'ada@example.com');
    expect(await ada.request('GET', '/api/me')).toMatchObject({
      user: { email: 'ada@example.com' },
      teams: [{ name: 'Demo team', roles: ['administrator'] }],
    });
  });

  it('serves the web app at /', async () => {
    const { page } = e2e;
    // Network idle: the app's first API calls have answered, so the screenshot shows a drawn page.
    const response = await page.goto('/', { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await screenshot(page, 'home');
    expect(await page.title()).toContain('Rhythm');
    expect(await page.locator('div#root').count()).toBe(1);
    // The bundle ran: React drew the sign-in page with the development list.
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'Sign in as Ada Admin' }).waitFor();
  });
});
