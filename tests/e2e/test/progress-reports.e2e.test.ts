// Issue 6's scenarios on the real stack, through the web app in Chromium, about progress reports:
// an owner reports on an item and a process owner sees the status change; and the pages an owner
// uses fit a phone. The tests share one stack and run in order; the third compares with the
// figures the second noted before its report, and says so.
import type { Locator } from 'playwright-core';
import {
  browserSettings,
  formatDay,
  screenshot,
  signIn,
  signInThroughPage,
  textMatching,
} from '../src/index.js';
import { DOING_DATE, openProcessStatus, selectSession, upcomingRow, useScenarios } from './scenarios.js';

const e2e = useScenarios();

// The seeded doing session involves the actions; Mia owns this one of them.
const MIA_ACTION = 'Write the onboarding checklist';

interface Counts {
  green: number;
  amber: number;
  red: number;
  missing: number;
}

/** What one test leaves for a later one. */
const shared: {
  /** Before scenario 2's report: the doing session's counts and calendar figures. */
  before?: { counts: Counts; submitted: number; outstanding: number };
} = {};

async function countsShown(panel: Locator): Promise<Counts> {
  const read = async (key: keyof Counts) => Number(await panel.getByTestId(`count-${key}`).textContent());
  return {
    green: await read('green'),
    amber: await read('amber'),
    red: await read('red'),
    missing: await read('missing'),
  };
}

describe('sessions and progress reports in the browser', () => {
  it('2. an owner reports on her item from My overview: the page says Saved. and when she last reported', async () => {
    const { page, stack } = e2e;
    await signInThroughPage(page, 'Mia Member');
    const team = page.getByRole('region', { name: 'Demo team' });
    const overview = await textMatching(team, 'Next session');
    expect(overview).toContain(formatDay(DOING_DATE));
    expect(overview).toContain('Doing session');
    expect(overview).toContain('In 10 days');
    const reportLink = team.getByRole('link', { name: `Report on ${MIA_ACTION}` });
    await reportLink.waitFor();
    await screenshot(page, 'overview-mia');

    // The figures before the report, for scenario 3 (as Pim, through the API).
    const [, teamId, sessionId] = /^\/teams\/([^/]+)\/sessions\/([^/]+)\//.exec(
      (await reportLink.getAttribute('href')) ?? '',
    )!;
    const pim = await signIn(stack.apiUrl, 'pim@example.com');
    const status = await pim.request<{ counts: Counts }>(
      'GET',
      `/api/teams/${teamId}/sessions/${sessionId}/status`,
    );
    const list = await pim.request<{
      sessions: { id: string; reports: { submitted: number; outstanding: number } }[];
    }>('GET', `/api/teams/${teamId}/sessions`);
    const listed = list.sessions.find((session) => session.id === sessionId)!;
    shared.before = { counts: status.counts, ...listed.reports };

    await reportLink.click();
    await page.getByRole('heading', { level: 1, name: 'Report on your items' }).waitFor();
    const card = page.getByRole('region', { name: MIA_ACTION });
    await card.getByText('Not reported yet for this session.').waitFor();
    await screenshot(page, 'report-page');

    await card.getByLabel('Progress (% done)').fill('60');
    await card.getByRole('radio', { name: 'Amber' }).check();
    await card.getByLabel('Explanation').fill('Draft is written; waiting on support for the last two steps.');
    await card.getByRole('button', { name: `Save the report on ${MIA_ACTION}` }).click();
    await card.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await card.getByText(/^Last reported /).waitFor();
    await screenshot(page, 'report-saved');

    // My overview shows the report on her item; Items involved and Progress reports show it too.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'My overview' })
      .click();
    const itemRow = team.getByRole('row').filter({ hasText: MIA_ACTION });
    expect(await textMatching(itemRow, '60% done')).toContain('Amber');

    await team.getByRole('link', { name: 'Items involved' }).click();
    await page.getByRole('heading', { level: 1, name: 'Items involved' }).waitFor();
    const involved = page
      .getByRole('table', { name: 'Items involved' })
      .getByRole('row')
      .filter({ hasText: MIA_ACTION });
    expect(await textMatching(involved, 'Mia Member')).toContain('Amber');
    await screenshot(page, 'items-involved');

    await page.getByRole('link', { name: 'Progress reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Progress reports' }).waitFor();
    const article = page.getByRole('article', { name: MIA_ACTION });
    const reported = await textMatching(article, '60% done');
    expect(reported).toContain('Amber');
    expect(reported).toContain('waiting on support for the last two steps');
    await screenshot(page, 'progress-reports');
  });

  it('3. Process status shows the reported item: one more in its light, one fewer without a report', async () => {
    const { page } = e2e;
    // Scenario 2 wrote the report and noted the figures before it.
    const before = shared.before;
    if (!before) throw new Error('scenario 2 did not run to its report: nothing to compare with');

    await signInThroughPage(page, 'Pim Process');
    const calendar = await openProcessStatus(page);
    expect(await textMatching(upcomingRow(calendar, DOING_DATE), 'Doing session')).toContain(
      `${before.submitted + 1} submitted, ${before.outstanding - 1} outstanding`,
    );
    const panel = await selectSession(page, calendar, DOING_DATE);
    expect(await countsShown(panel)).toEqual({
      ...before.counts,
      amber: before.counts.amber + 1,
      missing: before.counts.missing - 1,
    });
    const missing = panel.getByRole('region', { name: 'Items without a current report' });
    const listed = await textMatching(missing, 'Launch the annual plan');
    expect(listed).not.toContain(MIA_ACTION);
    await screenshot(page, 'process-status-pim');
  });

  it('My overview, the report page and Process status fit a 375 px wide phone without scrolling sideways', async () => {
    const context = await e2e.browser.newContext({
      baseURL: e2e.stack.apiUrl,
      viewport: { width: 375, height: 800 },
      ...browserSettings,
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await signInThroughPage(page, 'Mia Member');
      await textMatching(page.getByRole('region', { name: 'Demo team' }), 'Next session');
      await page.getByRole('link', { name: `Report on ${MIA_ACTION}` }).waitFor();
      const fits = async (name: string) => {
        await screenshot(page, `${name}-375`);
        const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
        expect([name, scrollWidth <= 375]).toEqual([name, true]);
      };
      await fits('overview');

      await page.getByRole('link', { name: `Report on ${MIA_ACTION}` }).click();
      await page.getByRole('heading', { level: 1, name: 'Report on your items' }).waitFor();
      await page.getByRole('button', { name: `Save the report on ${MIA_ACTION}` }).waitFor();
      await fits('report-page');

      // The navigation sits behind the burger on a phone.
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: /Process status/ })
        .click();
      await page.getByRole('heading', { level: 2, name: 'Calendar' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Emails' }).waitFor();
      await fits('process-status');
    } finally {
      await context.close();
    }
  });
});
