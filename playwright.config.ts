import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL, E2E_DEMO_PASSWORD, E2E_PORT } from './test/e2e/support/env.ts';

/**
 * Browser tests: one Hearth server for the whole run, on a fresh PGlite data directory seeded with
 * the demo service, driven by Debian's Chromium (no browser downloads are possible here) in its
 * headless shell (Debian's package chromium-headless-shell, the same Blink as /usr/bin/chromium
 * without the desktop browser around it, as Playwright itself runs headless tests). The browser
 * is three quarters of the run's CPU; over the whole run the shell's browser and GPU processes took
 * 155 s of CPU where the full browser's took 370 s, its pages' renderers the same 550 s (CPU time
 * sampled from every process, on CI's kind of machine). HEARTH_CHROMIUM=/usr/bin/chromium runs
 * the journeys in the full browser, e.g. to watch one with --headed.
 * Journeys live in test/e2e and use the fixtures in test/e2e/support/fixtures.ts (axe on every page).
 *
 * This file is loaded by the runner and again by each worker: the data directory is made once, by
 * the runner, and handed to the workers (and the server) through the environment.
 */
if (!process.env.HEARTH_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  process.env.HEARTH_E2E_DATA_DIR = dataDir;
  // After the server has been stopped: the runner process exits last.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}
// The browser tests always run on their own embedded database with the demo at its default scale
// (as `npm start` loads it), whatever the shell says.
delete process.env.DATABASE_URL;
delete process.env.DEMO_SCALE;

/**
 * Chromium features the browser tests turn off. Chromium honours only the last --disable-features
 * it is given, and this one comes after Playwright's own, so the list starts with Playwright's
 * (playwright-core's chromiumSwitches, version 1.65, less those for Windows and Edge: compare it
 * when Playwright is upgraded) and then adds the omnibox's pop-up, which Chromium
 * (156, Debian's) draws as a web page of its own: every browser context opens a window, and every
 * window started a renderer for that pop-up, about 2 seconds of CPU that no test looks at (on CI's
 * two cores, measured: 3 seconds of CPU per new context before, under 1 after).
 */
const DISABLED_FEATURES = [
  // Playwright's.
  'AimEnabled',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsFirstBalancedModeAutoEnable',
  'HttpsUpgrades',
  'LensOverlay',
  'MediaRouter',
  'NetworkTimeServiceQuerying',
  'OptimizationHints',
  'PaintHolding',
  'PreconnectToSearch',
  'ThirdPartyStoragePartitioning',
  // Hearth's: the address bar's pop-up, which headless tests never open.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
];

export default defineConfig({
  testDir: 'test/e2e',
  // Traces of failed tests. Two runs at once in one tree need their own port (HEARTH_E2E_PORT) and folder.
  outputDir: E2E_PORT === 3100 ? 'test-results/playwright' : `test-results/playwright-${E2E_PORT}`,
  // Tests run in parallel, each worker taking the next test whichever file it is in, so a file of
  // long journeys does not leave one worker with all of them at the end of the run. Three workers
  // on CI's two cores: a journey's steps wait on each other (the server renders, then Chromium lays
  // out the page and runs axe), and two left about a third of the CPU idle (CPU time sampled over a
  // whole run). Measured on this kind of machine, alone: 10.0 minutes on two workers, 6.6 on three;
  // inside CI, after the unit tests, 9.2 and 10.2 minutes on three, every test well within its
  // timeout. Tests never depend on one another (see support/fixtures.ts): each makes its own data.
  fullyParallel: true,
  workers: 3,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // A test's whole time. A short journey (a form, its errors, the page after) is 5-15 s alone, but
  // three workers share CI's two cores with the server, and one took 31 s (the leaving care form
  // without JavaScript, each page loaded twice to be checked). A step that is broken fails sooner
  // anyway: at its action (10 s) or expectation (5 s) timeout. Long journeys set their own.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: E2E_BASE_URL,
    browserName: 'chromium',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    // A missing button or link fails at the click, well before the test's own timeout.
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    launchOptions: {
      executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium-headless-shell',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-features=${DISABLED_FEATURES.join(',')}`,
      ],
    },
  },
  webServer: {
    command: 'node_modules/.bin/tsx scripts/build-assets.ts && exec node_modules/.bin/tsx src/server.ts',
    url: `${E2E_BASE_URL}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      NODE_ENV: 'test',
      TZ: 'Europe/London',
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.HEARTH_E2E_DATA_DIR,
      HEARTH_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      // The small demo: every journey's data, loaded in seconds (county scale is for people and benchmarks).
      DEMO_SCALE: 'small',
      // Every journey signs in from 127.0.0.1.
      SIGN_IN_LIMIT_PER_MINUTE: '10000',
    },
  },
});
