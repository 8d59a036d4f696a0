// Headless Chromium for the browser tests: Debian's package driven by
// playwright-core (which brings no browser of its own). Tests skip when
// Chromium is absent, unless GOEMR_REQUIRE_BROWSER=1 (CI), which makes that
// a failure.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.GOEMR_CHROMIUM || '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.GOEMR_REQUIRE_BROWSER === '1') {
  throw new Error(`GOEMR_REQUIRE_BROWSER=1 but ${CHROMIUM} does not exist`);
}

// launch starts a headless Chromium that makes no calls of its own
// (updates, sync, QUIC probes), so the tests see only their own traffic.
// Playwright gives every launch a fresh temporary user data dir.
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
