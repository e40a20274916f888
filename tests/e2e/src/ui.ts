// Helpers for tests that drive the web app: signing in through the sign-in page, bounded polling,
// and the team's calendar days written the way the app shows them in English.
import { addDays, todayIn } from '@rhythm/domain';
import type { Locator, Page } from 'playwright-core';

/** The demo team's zone: session dates are calendar days there. */
export const TEAM_TIME_ZONE = 'Europe/Amsterdam';

/** Today in the team's zone plus `days`, as YYYY-MM-DD (what `<input type="date">` takes). */
export function daysAhead(days: number, now = new Date()): string {
  return addDays(todayIn(TEAM_TIME_ZONE, now), days);
}

const dayFormats = {
  long: new Intl.DateTimeFormat('en', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  medium: new Intl.DateTimeFormat('en', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }),
};

/** A calendar day as the app writes it in English: "Tuesday, December 15, 2026" or "Dec 15, 2026". */
export function formatDay(date: string, style: 'long' | 'medium' = 'long'): string {
  return dayFormats[style].format(new Date(`${date}T00:00:00Z`));
}

/** For building a RegExp from literal text. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Retries `attempt` (an assertion or a read that throws until the page is ready) every `interval`
 * ms until it passes or `timeout` ms have gone by; then throws its last error.
 */
export async function eventually<T>(
  attempt: () => Promise<T>,
  { timeout = 15_000, interval = 250 }: { timeout?: number; interval?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() + interval > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** The locator's text once it matches (waits for the element, then for the text); bounded. */
export async function textMatching(locator: Locator, pattern: RegExp | string, timeout = 15_000) {
  return eventually(
    async () => {
      const text = (await locator.textContent({ timeout })) ?? '';
      const matches = typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
      if (!matches) throw new Error(`expected the text to match ${String(pattern)}, got: ${text}`);
      return text;
    },
    { timeout },
  );
}

/**
 * Signs a seeded person in the way a developer does: the sign-in page's "Sign in as <name>"
 * button (the API's development sign-in). Resolves on My overview. `shoot`, when given, runs on
 * the sign-in page once its people are listed (a screenshot).
 */
export async function signInThroughPage(
  page: Page,
  name: string,
  shoot?: (page: Page) => Promise<unknown>,
): Promise<void> {
  await page.goto('/sign-in');
  const button = page.getByRole('button', { name: `Sign in as ${name}`, exact: true });
  await button.waitFor();
  if (shoot) await shoot(page);
  await button.click();
  await page.getByRole('heading', { level: 1, name: 'My overview' }).waitFor();
}
