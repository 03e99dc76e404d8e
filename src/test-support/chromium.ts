/**
 * The one Chromium of a test run: Debian's /usr/bin/chromium, started headless with nothing in
 * the background (no sandbox: the tests run as root in containers) as a playwright-core browser
 * server by the e2e project's global setup (global-setup.ts), which hands its endpoint to the
 * browser tests; they connect to it (browser.ts `openChromium`). One browser for every browser
 * test file instead of one per file: each launch costs a second or so of CPU. Imports nothing of
 * vitest's test API, as the global setup runs outside the test workers.
 */
import { existsSync } from 'node:fs';
import { type BrowserServer, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

/** Starts the headless Chromium the browser tests of this test run share. */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
