// Element tests in Debian's Chromium (never a downloaded browser), TypeScript through esbuild.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';

/** Prints one plain summary line last, so CI can read it past the progress bar. */
function summaryReporter() {
  let passed = 0, failed = 0, skipped = 0;
  const walk = (suite) => {
    for (const t of suite.tests ?? []) {
      if (t.skipped) skipped++; else if (t.passed) passed++; else failed++;
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (!s.passed && !s.testResults) failed++;
      }
    },
    async stop() {
      console.log(`wtr: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    },
  };
}

export default {
  files: ['sdk/src/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  // Tests wait for conditions (testing/wait.ts, 60 s deadlines) and never for a time; these limits
  // only catch a hang, and hold on two busy cores.
  testFramework: { config: { timeout: 120000 } },
  testsFinishTimeout: 600000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
