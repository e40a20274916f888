// Issue 6's scenarios on the real stack, through the web app in Chromium: an administrator adds a
// session, an owner reports on an item, a process owner sees the status change, a member sees it
// without edit controls, and a moved session's invitation goes out at once through the real
// workers. The tests share one stack and run in order; where a later one builds on an earlier one
// (the report of the second, the session of the first) it says so.
import type { Locator, Page } from 'playwright-core';
import {
  browserSettings,
  daysAhead,
  escapeRegExp,
  eventually,
  formatDay,
  screenshot,
  signIn,
  signInThroughPage,
  textMatching,
  useE2E,
} from '../src/index.js';

const e2e = useE2E();

// The seeded doing session (10 days ahead) involves the actions; Mia owns this one of them.
const DOING_DATE = daysAhead(10);
const SEEDED_STEERING_DATE = daysAhead(24);
const MIA_ACTION = 'Write the onboarding checklist';
// The steering session involves every item of the demo plan: 2 strategies, 2 KPIs, 4 actions.
const STEERING_ITEMS = 8;
const NEW_SESSION_DATE = daysAhead(20);
const MOVED_DATE = daysAhead(5);

interface Counts {
  green: number;
  amber: number;
  red: number;
  missing: number;
}

/** What one test leaves for a later one. */
const shared: {
  /** The date of the session scenario 1 added. */
  addedDate?: string;
  /** Before scenario 2's report: the doing session's counts and calendar figures. */
  before?: { counts: Counts; submitted: number; outstanding: number };
} = {};

beforeEach(() => {
  // Bounded: a missing element fails the step in 20 s, well inside the test's timeout.
  e2e.page.setDefaultTimeout(20_000);
});

/** A day, as the app writes it, followed by 09:00 (the team's send hour) in Amsterdam time. */
function nineAm(date: string): RegExp {
  return new RegExp(`${escapeRegExp(formatDay(date, 'medium'))}, 09:00.*GMT\\+[12]`);
}

async function openProcessStatus(page: Page): Promise<Locator> {
  await page
    .getByRole('region', { name: 'Demo team' })
    .getByRole('link', { name: 'Process status', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Process status' }).waitFor();
  const calendar = page.getByRole('region', { name: 'Calendar' });
  await calendar.getByRole('table', { name: 'Upcoming sessions' }).waitFor();
  return calendar;
}

/** The calendar row of the upcoming session on `date`. */
function upcomingRow(calendar: Locator, date: string): Locator {
  return calendar
    .getByRole('table', { name: 'Upcoming sessions' })
    .getByRole('row')
    .filter({ hasText: formatDay(date, 'medium') });
}

/** The selected session's card on Process status, named by its heading (the session's date). */
function sessionPanel(page: Page, date: string): Locator {
  return page.getByRole('region', { name: formatDay(date), exact: true });
}

async function selectSession(page: Page, calendar: Locator, date: string): Promise<Locator> {
  await calendar.getByRole('button', { name: `Show the session of ${formatDay(date)}` }).click();
  const panel = sessionPanel(page, date);
  await panel.getByRole('region', { name: 'Emails' }).waitFor();
  return panel;
}

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
  it('1. an administrator adds a steering session: it is listed with its report counts and its next send', async () => {
    const { page } = e2e;
    await signInThroughPage(page, 'Ada Admin', (signInPage) => screenshot(signInPage, 'sign-in'));
    await screenshot(page, 'overview-ada');
    const calendar = await openProcessStatus(page);
    await screenshot(page, 'process-status-ada');

    await calendar.getByRole('button', { name: 'Add session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add session' });
    await dialog.waitFor();
    await dialog.getByLabel('Date').fill(NEW_SESSION_DATE);
    await dialog.getByRole('radio', { name: 'Steering session (strategies, KPIs and actions)' }).check();
    await dialog.getByLabel('Repeat').selectOption('none');
    await dialog.getByRole('checkbox', { name: 'Send invitation' }).check();
    await dialog.getByRole('checkbox', { name: 'Send reminder' }).check();
    await screenshot(page, 'add-session-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The new session is selected (?session=<id>) and listed under Upcoming sessions with its counts.
    await page.waitForURL(/[?&]session=/);
    shared.addedDate = NEW_SESSION_DATE;
    const row = upcomingRow(calendar, NEW_SESSION_DATE);
    await textMatching(row, 'Steering session');
    expect(await row.textContent()).toContain(`0 submitted, ${STEERING_ITEMS} outstanding`);
    const show = row.getByRole('button', { name: `Show the session of ${formatDay(NEW_SESSION_DATE)}` });
    expect(await show.getAttribute('aria-pressed')).toBe('true');

    // Its card: kind, state, switches on, and the email timeline's next send: the invitation,
    // 7 days before, at 09:00 Amsterdam time, to every owner of its items.
    const panel = sessionPanel(page, NEW_SESSION_DATE);
    await panel.getByRole('heading', { level: 2, name: formatDay(NEW_SESSION_DATE) }).waitFor();
    const header = await textMatching(panel, 'invitation on · reminder on');
    expect(header).toContain('Steering session');
    expect(header).toContain('Scheduled');
    const timeline = await textMatching(panel.getByRole('region', { name: 'Emails' }), 'Next: invitation');
    expect(timeline).toMatch(nineAm(daysAhead(20 - 7)));
    expect(timeline).toContain('Mia Member (3 items)');
    expect(await panel.getByTestId('count-missing').textContent()).toBe(String(STEERING_ITEMS));
    // An organiser gets the controls (scenario 4 checks that a member does not).
    await panel.getByRole('button', { name: 'Move session' }).waitFor();
    expect(await panel.getByRole('switch').count()).toBe(2);
    await screenshot(page, 'process-status-session-added');
  });

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

  it('4. a member sees Process status without edit controls', async () => {
    const { page } = e2e;
    await signInThroughPage(page, 'Mia Member');
    const calendar = await openProcessStatus(page);
    const panel = await selectSession(page, calendar, DOING_DATE);
    // Everything the controls depend on has loaded: her roles (the navigation lists her team's
    // Process status from /api/me) and the session (its timeline is drawn).
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: /Process status/ })
      .waitFor();
    await textMatching(panel.getByRole('region', { name: 'Emails' }), 'Next:');
    await screenshot(page, 'process-status-mia');
    expect(await page.getByRole('button', { name: 'Add session' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Move session' }).count()).toBe(0);
    expect(await page.getByLabel('New date').count()).toBe(0);
    expect(await page.getByRole('switch').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cancel session' }).count()).toBe(0);
  });

  it('5. a moved session shows its new date; the invitation goes out at once and the reminder is next', async () => {
    const { page } = e2e;
    // The session scenario 1 added (20 days ahead), else the seeded steering session (24 days):
    // both are steering sessions whose invitation is not due yet.
    const from = shared.addedDate ?? SEEDED_STEERING_DATE;
    await signInThroughPage(page, 'Ada Admin');
    const calendar = await openProcessStatus(page);
    const panel = await selectSession(page, calendar, from);
    await panel.getByLabel('New date').fill(MOVED_DATE);
    await panel.getByRole('button', { name: 'Move session' }).click();

    const moved = sessionPanel(page, MOVED_DATE);
    await moved.getByRole('heading', { level: 2, name: formatDay(MOVED_DATE) }).waitFor();
    await textMatching(upcomingRow(calendar, MOVED_DATE), 'Steering session');
    expect(await upcomingRow(calendar, from).count()).toBe(0);

    // The invitation's time (7 days before) has passed, so the workflow sends it at once through
    // the notifier; the page looks again by itself while a send is due (no reload here). The
    // deliveries are recorded one owner at a time, so each try asserts the whole picture.
    await eventually(
      async () => {
        const timeline = await textMatching(moved.getByRole('region', { name: 'Emails' }), 'Next: ', 5_000);
        expect(timeline).toMatch(/Invitation\s*Sent /);
        for (const owner of ['Pim Process', 'Mia Member', 'Noah Owner'])
          expect(timeline).toContain(`${owner}: sent`);
        expect(timeline).toContain('Olga NoEmail: skipped');
        // Next, the reminder: 3 days before the new date, at 09:00 Amsterdam time.
        expect(timeline).toMatch(new RegExp(`Next: reminder\\s*${nineAm(daysAhead(5 - 3)).source}`));
      },
      { timeout: 60_000, interval: 1_000 },
    );
    await screenshot(page, 'process-status-moved');

    // The outbox (development) holds the invitation to an owner.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: /Outbox/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const invitation = page
      .getByRole('button', {
        name: /Demo team: please add your progress reports for the steering session on/,
      })
      .filter({ hasText: 'mia@example.com' });
    await invitation.waitFor();
    await screenshot(page, 'outbox');
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
