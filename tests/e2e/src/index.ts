// One call per test file: the stack and a browser for the whole file, a fresh browser context (no
// cookies or storage carried over) and page for each test, and everything gone afterwards.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

/**
 * An English browser in a zone far from the team's (Europe/Amsterdam): the pages must choose the
 * language and show times in the team's zone themselves, whatever the machine running the tests.
 */
export const browserSettings = { locale: 'en-US', timezoneId: 'America/New_York' } as const;

export { screenshot, screenshotsDir } from './browser.js';
export { signIn, type ApiSession } from './api.js';
export type { Stack, StackOptions } from './stack.js';
export { emailsTo, linkIn, linkTo } from './outbox.js';
export {
  daysAhead,
  escapeRegExp,
  eventually,
  formatDay,
  signInThroughPage,
  TEAM_TIME_ZONE,
  textMatching,
} from './ui.js';

export interface E2E {
  readonly stack: Stack;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

export function useE2E(options: StackOptions = {}): E2E {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    // Settled, not Promise.all: if one fails, afterAll must still find and close the other.
    const [started, launched] = await Promise.allSettled([startStack(options), launchChromium()]);
    if (started.status === 'fulfilled') stack = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  beforeEach(async () => {
    context = await browser!.newContext({ baseURL: stack!.apiUrl, ...browserSettings });
    page = await context.newPage();
  });
  afterEach(() => context?.close());
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the end-to-end ${what} is not up (see beforeAll's error)`);
    return value;
  };
  return {
    get stack() {
      return ready(stack, 'stack');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get context() {
      return ready(context, 'browser context');
    },
    get page() {
      return ready(page, 'page');
    },
  };
}
