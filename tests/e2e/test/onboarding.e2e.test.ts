// A team starts on its own, in Chromium, against the stack as deployed (NODE_ENV=production: no
// /api/dev/*), its emails read from the notifier's outbox as a person reads their mailbox. Ada, who
// has no account, signs in through an emailed link, names herself, creates a team, sets its zone
// and send hour, invites Bo and Cy (who join through the invitation and their own emailed links),
// enters a strategy, a KPI and two actions (one by pasted rows) and adds a session; Bo follows the
// session's invitation email and reports. Dee signs in through the organisation's provider.
// Scenarios run in order and share the team (one browser context each, as each person has theirs).
import type { BrowserContext, Page } from 'playwright-core';
import { browserSettings, emailsTo, linkIn, linkTo, screenshot, useE2E, daysAhead } from '../src/index.js';

const e2e = useE2E({ production: true });
const stamp = Date.now().toString(36);
const ada = `ada-${stamp}@example.com`;
const bo = `bo-${stamp}@example.com`;
const cy = `cy-${stamp}@example.com`;
const TEAM = 'Harbour crew';
const shared: { teamId?: string } = {};
const STRATEGY = 'Safer quays';
const BO_ACTION = 'Repaint the bollards';
const CY_ACTION = 'Check the quay cranes';

/** A person's own browser, on the stack. */
async function browserOf(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ baseURL: e2e.stack.apiUrl, ...browserSettings });
  return { context, page: await context.newPage() };
}

/** Through the sign-in page's emailed link, from the outbox, in this browser; `shoot` names screenshots. */
async function signInByEmail(page: Page, address: string, shoot?: string) {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  const before = (await emailsTo(e2e.stack, address, 0)).length;
  await page.getByLabel('Email address').fill(address);
  if (shoot) await screenshot(page, `${shoot}-sign-in`);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByText('Check your email').waitFor();
  if (shoot) await screenshot(page, `${shoot}-link-sent`);
  const emails = await emailsTo(e2e.stack, address, before + 1);
  await page.goto(linkIn(emails.at(-1)!, '/sign-in/link'));
  // Signed in once the app has left the link's page for the one asked for.
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

describe('a team starts on its own in the web app', () => {
  it('1. the production API has no development routes', async () => {
    for (const path of ['/api/dev/users', '/api/dev/outbox'])
      expect((await fetch(`${e2e.stack.apiUrl}${path}`)).status).toBe(404);
    const token = await fetch(`${e2e.stack.apiUrl}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ada }),
    });
    expect(token.status).toBe(404);
  });

  it('2. a newcomer signs in by emailed link, names herself and creates a team with its zone and send hour', async () => {
    const { page } = e2e;
    await page.goto('/');
    await signInByEmail(page, ada, 'newcomer');
    await page.getByRole('heading', { level: 1, name: 'My overview' }).waitFor();
    await page.getByText('You are not a member of any team yet.').waitFor();

    await nav(page).getByRole('link', { name: 'My profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    await page.getByLabel('Name').fill('Ada Admin');
    await screenshot(page, 'profile');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await nav(page).getByRole('link', { name: 'Create a team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create a team' }).waitFor();
    await page.getByLabel('Team name').fill(TEAM);
    await screenshot(page, 'create-team');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.waitForURL(/\/teams\/[^/]+\/members$/);
    shared.teamId = /\/teams\/([^/]+)\/members/.exec(page.url())![1];

    await nav(page).getByRole('link', { name: 'Team settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team settings' }).waitFor();
    await page.getByLabel('Time zone').selectOption('Europe/Amsterdam');
    await page.getByLabel('Send hour').selectOption('8');
    await page.getByText('A new time zone or send hour moves').waitFor();
    await screenshot(page, 'team-settings');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  });

  it('3. she invites two people, who join through the invitation and their own emailed links', async () => {
    const { page } = e2e;
    await page.goto('/');
    await signInByEmail(page, ada);
    await page.goto(`/teams/${shared.teamId}/members`);
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    for (const address of [bo, cy]) {
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByText(`Invitation sent to ${address}.`).waitFor();
    }
    await screenshot(page, 'members-invited');

    for (const address of [bo, cy]) {
      const person = await browserOf();
      await person.page.goto(await linkTo(e2e.stack, address, '/invitations/accept'));
      await signInByEmail(person.page, address, address === bo ? 'invitee' : undefined);
      await person.page.getByRole('heading', { level: 1, name: 'Invitation to join a team' }).waitFor();
      if (address === bo) await screenshot(person.page, 'accept-invitation');
      await person.page.getByRole('button', { name: 'Accept the invitation' }).click();
      await person.page.getByText(`You joined ${TEAM}.`).waitFor();
      await person.context.close();
    }
    await page.reload();
    const members = page.getByRole('table').filter({ hasText: bo });
    await members.getByText(cy).waitFor();
    await screenshot(page, 'members');
  });

  it('4. she enters the plan: a strategy, a KPI and an action by hand, another action by pasted rows', async () => {
    const { page } = e2e;
    await page.goto('/');
    await signInByEmail(page, ada);
    await page.goto(`/teams/${shared.teamId}/plan`);
    await page.getByRole('heading', { level: 1, name: 'Plan' }).waitFor();
    const add = async (button: string, dialogTitle: string, title: string, owner: string) => {
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog', { name: dialogTitle });
      await dialog.getByLabel('Title').fill(title);
      await dialog.getByLabel('Owner').selectOption({ label: owner });
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(title, { exact: true }).waitFor();
    };
    await add('Add strategy', 'New strategy', STRATEGY, 'Ada Admin');
    await add(`Add KPI to ${STRATEGY}`, 'New KPI', 'Incidents per month', 'Ada Admin');
    // Until they name themselves, people are called by their address's first part.
    await add(`Add action to ${STRATEGY}`, 'New action', BO_ACTION, bo.split('@')[0]!);
    await screenshot(page, 'plan');

    await page.getByRole('link', { name: 'Import from a spreadsheet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import the plan' }).waitFor();
    await page
      .getByLabel('Rows')
      .fill(['type\ttitle\towner\tstrategy', `action\t${CY_ACTION}\t${cy}\t${STRATEGY}`].join('\n'));
    await page.getByText('1 of 1 rows ready').waitFor();
    await screenshot(page, 'plan-import-preview');
    await page.getByRole('button', { name: 'Save 1 item' }).click();
    await page.getByText('1 item saved.').waitFor();
    await page.getByRole('link', { name: 'Back to the plan' }).click();
    await page.getByText(CY_ACTION, { exact: true }).waitFor();
  });

  it('5. she adds a session; an owner follows its invitation email, signs in and reports', async () => {
    const { page } = e2e;
    await page.goto('/');
    await signInByEmail(page, ada);
    await page.goto(`/teams/${shared.teamId}/status`);
    const calendar = page.getByRole('region', { name: 'Calendar' });
    await calendar.getByRole('button', { name: 'Add session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add session' });
    // Three days ahead, from today: inside the invitation's week, so the invitations go out at once.
    await dialog.getByLabel('Date').fill(daysAhead(3));
    await dialog.getByRole('radio', { name: 'Doing session (the actions)' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForURL(/[?&]session=/);

    const owner = await browserOf();
    await owner.page.goto(await linkTo(e2e.stack, bo, /\/items\/[^/]+\/report$/));
    await signInByEmail(owner.page, bo);
    await owner.page.getByRole('heading', { level: 1, name: 'Report on your items' }).waitFor();
    const card = owner.page.getByRole('region', { name: BO_ACTION });
    await card.getByLabel('Progress (% done)').fill('40');
    await card.getByRole('radio', { name: 'Green' }).check();
    await card.getByLabel('Explanation').fill('Half of the bollards are done.');
    await card.getByRole('button', { name: `Save the report on ${BO_ACTION}` }).click();
    await card.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await screenshot(owner.page, 'owner-reported');
    await owner.context.close();
  });

  it('6. someone signs in through the organisation’s provider', async () => {
    const { page } = e2e;
    const dee = `dee-${stamp}@example.com`;
    e2e.stack.provider!.signInAs({
      sub: `acme-dee-${stamp}`,
      email: dee,
      email_verified: true,
      name: 'Dee Provider',
    });
    await page.goto('/sign-in');
    const button = page.getByRole('link', { name: 'Sign in with Acme account' });
    await button.waitFor();
    await screenshot(page, 'sign-in-production');
    await button.click();
    await page.getByRole('heading', { level: 1, name: 'My overview' }).waitFor();
    await page.getByText('Dee Provider').first().waitFor();
    await screenshot(page, 'signed-in-by-provider');
  });
});
