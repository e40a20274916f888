// What the browser scenarios of issue 6 share: the stack and browser of useE2E with every step
// bounded, the seeded doing session, and Process status as its user finds it: the calendar's rows
// and the selected session's card.
import type { Locator, Page } from 'playwright-core';
import { daysAhead, formatDay, useE2E, type E2E } from '../src/index.js';

// The seeded doing session (10 days ahead) involves the actions of the demo plan.
export const DOING_DATE = daysAhead(10);

/** useE2E (one stack and browser for the test file) with each step bounded. */
export function useScenarios(): E2E {
  const e2e = useE2E();
  beforeEach(() => {
    // Bounded: a missing element fails the step in 20 s, well inside the test's timeout.
    e2e.page.setDefaultTimeout(20_000);
  });
  return e2e;
}

export async function openProcessStatus(page: Page): Promise<Locator> {
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
export function upcomingRow(calendar: Locator, date: string): Locator {
  return calendar
    .getByRole('table', { name: 'Upcoming sessions' })
    .getByRole('row')
    .filter({ hasText: formatDay(date, 'medium') });
}

/** The selected session's card on Process status, named by its heading (the session's date). */
export function sessionPanel(page: Page, date: string): Locator {
  return page.getByRole('region', { name: formatDay(date), exact: true });
}

export async function selectSession(page: Page, calendar: Locator, date: string): Promise<Locator> {
  await calendar.getByRole('button', { name: `Show the session of ${formatDay(date)}` }).click();
  const panel = sessionPanel(page, date);
  await panel.getByRole('region', { name: 'Emails' }).waitFor();
  return panel;
}
