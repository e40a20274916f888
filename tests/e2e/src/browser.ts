// Chromium (Debian's package, which ./rhythm test installs and names in CHROMIUM_PATH) driven by
// playwright-core, headless, in a container, as root and with no network beyond localhost.
import { requireEnv } from '@rhythm/testing';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = path.resolve(fileURLToPath(import.meta.url), '../../../..');
/** Git-ignored (/screenshots/ in the root .gitignore). */
export const screenshotsDir = path.join(root, 'screenshots/e2e');

const offlineFlags = [
  // Root in a container: no user namespaces for the sandbox, and a small /dev/shm.
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  // Nothing that phones home or waits on a dialog; each would stall or log errors offline.
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-component-update',
  '--disable-background-networking',
  '--disable-domain-reliability',
  '--disable-sync',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-client-side-phishing-detection',
  '--no-pings',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireEnv('CHROMIUM_PATH'),
    headless: true,
    args: offlineFlags,
  });
}

/** Saves a full-page PNG as screenshots/e2e/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(screenshotsDir, `${name}.png`);
  await mkdir(screenshotsDir, { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
