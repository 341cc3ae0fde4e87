// Element tests in Debian's Chromium and Debian's firefox-esr (never a downloaded browser),
// TypeScript through esbuild. TIMIO_BROWSERS=chromium (or firefox) runs one of them only.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import * as puppeteerFirefox from 'puppeteer-core-firefox';
import { FIREFOX_PATH, FIREFOX_PREFS } from './testing/cross-process/firefox-prefs.mjs';

/**
 * Prints a plain summary last, so CI can read it past the progress bar: one line per browser,
 * each failed test with the browser it failed in, then the total line.
 */
function summaryReporter() {
  const counts = new Map();
  const failures = [];
  const walk = (browser, file, suite, path) => {
    const c = counts.get(browser);
    for (const t of suite.tests ?? []) {
      if (t.skipped) c.skipped++;
      else if (t.passed) c.passed++;
      else {
        c.failed++;
        failures.push(`[${browser}] ${file} › ${[...path, t.name].join(' › ')}`);
      }
    }
    for (const s of suite.suites ?? []) walk(browser, file, s, [...path, s.name]);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        // chromeLauncher calls the browser it finds itself "Chrome": here it is Debian's Chromium
        const browser = s.browser.name.toLowerCase().replace(/^chrome$/, 'chromium');
        if (!counts.has(browser)) counts.set(browser, { passed: 0, failed: 0, skipped: 0 });
        const file = s.testFile.replace(`${process.cwd()}/`, '');
        if (s.testResults) walk(browser, file, s.testResults, []);
        if (!s.passed && !(s.testResults?.tests?.length || s.testResults?.suites?.length)) {
          counts.get(browser).failed++;
          failures.push(`[${browser}] ${file}: ${s.errors?.[0]?.message ?? 'did not run'}`);
        }
      }
    },
    async stop() {
      for (const f of failures) console.log(`wtr: FAILED ${f}`);
      const total = { passed: 0, failed: 0, skipped: 0 };
      for (const [browser, c] of counts) {
        console.log(`wtr ${browser}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
        for (const k of Object.keys(total)) total[k] += c[k];
      }
      console.log(`wtr: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
    },
  };
}

const chromium = chromeLauncher({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      // audio level meters run an AudioContext without a click, as in the e2e browser
      '--autoplay-policy=no-user-gesture-required'],
  },
});

// This machine has no sound device: Firefox's audio graph then never starts, an AudioContext stays
// 'suspended' (resume() never settles) and a microphone level meter reads nothing. A mock audio
// backend (Firefox's own test pref) runs the graph on a clock, so the fake microphone's tone is heard.
const FIREFOX_AUDIO = { 'media.cubeb.force_mock_context': true };

// chromeLauncher drives any puppeteer; given puppeteer-core 24 and `browser: 'firefox'` it speaks
// WebDriver BiDi to Firefox and names the browser "Firefox" in its reports.
const firefox = chromeLauncher({
  puppeteer: puppeteerFirefox,
  // a busy machine (npm test's other stages, other work) can take Firefox well past 30 s to start
  launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, extraPrefsFirefox: { ...FIREFOX_PREFS, ...FIREFOX_AUDIO }, timeout: 120000, protocolTimeout: 120000 },
});

const wanted = (process.env.TIMIO_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim());
const browsers = [['chromium', chromium], ['firefox', firefox]].filter(([name]) => wanted.includes(name)).map(([, b]) => b);

export default {
  // sdk/src/session/ holds DOM-free unit tests for node's runner (npm run test:unit).
  files: ['sdk/src/**/*.test.ts', '!sdk/src/session/**/*.test.ts'],
  nodeResolve: true,
  // Firefox inside the private network namespace reaches the dev server by address, not name.
  hostname: '127.0.0.1',
  concurrency: 1,
  // Tests wait for conditions (testing/wait.ts, 60 s deadlines) and never for a time; these limits
  // only catch a hang, and hold on two busy cores.
  testFramework: { config: { timeout: 120000 } },
  testsFinishTimeout: 600000,
  // Starting a browser and its first page waits its turn for two busy cores.
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers,
  reporters: [defaultReporter(), summaryReporter()],
};
