// Headless Debian firefox-esr for end-to-end tests and benches, launched by puppeteer-core 24 over
// WebDriver BiDi with the project's preferences (testing/cross-process/firefox-prefs.mjs). Playwright's own Firefox
// cannot be downloaded here, and its BiDi mode needs commands newer than Firefox ESR 140 has.
import { launch, type Browser } from 'puppeteer-core-firefox';
import { FIREFOX_PATH, FIREFOX_PREFS } from './firefox-prefs.mjs';

export { FIREFOX_PATH, FIREFOX_PREFS };

/** Starts Firefox with a fresh temporary profile (puppeteer removes it on close). */
export function launchFirefox(): Promise<Browser> {
  return launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: FIREFOX_PREFS,
    // a busy machine starts Firefox slowly
    timeout: 120_000,
    protocolTimeout: 120_000,
    // each page sets its own viewport
    defaultViewport: null,
  });
}
