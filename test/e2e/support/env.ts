/**
 * Where the browser tests find Hearth, shared by playwright.config.ts and the fixtures.
 * The server is started once per run by Playwright's webServer on a fresh PGlite data directory.
 */
export const E2E_PORT = Number(process.env.HEARTH_E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The password every demo user gets in the browser tests' server. */
export const E2E_DEMO_PASSWORD = 'e2e-demo-password';
