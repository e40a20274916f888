// Issue 6's scenarios on the real stack, through the web app in Chromium, about the sessions
// themselves: an administrator adds a session, a member sees Process status without edit controls,
// and a moved session's invitation goes out at once through the real workers. The tests share one
// stack and run in order; the fifth moves the session the first added, and says so.
import {
  daysAhead,
  escapeRegExp,
  eventually,
  formatDay,
  screenshot,
  signInThroughPage,
  textMatching,
} from '../src/index.js';
import {
  DOING_DATE,
  openProcessStatus,
  selectSession,
  sessionPanel,
  upcomingRow,
  useScenarios,
} from './scenarios.js';

const e2e = useScenarios();

const SEEDED_STEERING_DATE = daysAhead(24);
// The steering session involves every item of the demo plan: 2 strategies, 2 KPIs, 4 actions.
const STEERING_ITEMS = 8;
const NEW_SESSION_DATE = daysAhead(20);
const MOVED_DATE = daysAhead(5);

/** What one test leaves for a later one. */
const shared: {
  /** The date of the session scenario 1 added. */
  addedDate?: string;
} = {};

/** A day, as the app writes it, followed by 09:00 (the team's send hour) in Amsterdam time. */
function nineAm(date: string): RegExp {
  return new RegExp(`${escapeRegExp(formatDay(date, 'medium'))}, 09:00.*GMT\\+[12]`);
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
    const header = await textMatching(panel, 'invitation on · reminder on · escalation on');
    expect(header).toContain('Steering session');
    expect(header).toContain('Scheduled');
    const timeline = await textMatching(panel.getByRole('region', { name: 'Emails' }), 'Next: invitation');
    expect(timeline).toMatch(nineAm(daysAhead(20 - 7)));
    expect(timeline).toContain('Mia Member (3 items)');
    expect(await panel.getByTestId('count-missing').textContent()).toBe(String(STEERING_ITEMS));
    // An organiser gets the controls (scenario 4 checks that a member does not).
    await panel.getByRole('button', { name: 'Move session' }).waitFor();
    // Invitation, reminder and the escalation the day before (on for a steering session).
    expect(await panel.getByRole('switch').count()).toBe(3);
    await screenshot(page, 'process-status-session-added');
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
});
