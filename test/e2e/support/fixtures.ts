/**
 * Hearth's browser-test fixtures. Every journey imports `test` and `expect` from here, never from
 * '@playwright/test', and drives the browser through the `hearth` fixture:
 *
 *   import { test, expect } from './support/fixtures.ts';
 *
 *   test('a supervising social worker sees their work', async ({ hearth }) => {
 *     await hearth.signIn('ssw');                      // demo user; password defaults to the demo one
 *     await hearth.goto('/my-work');                   // loads, then checks the page
 *     await hearth.clickLink('Households');            // clicks, waits for the new page, checks it
 *     await hearth.page.getByLabel('Name').fill('Ellis');
 *     const response = await hearth.submit('Search');  // the final document response (after redirects)
 *     expect(response?.status()).toBe(200);
 *     await expect(hearth.heading).toHaveText('Households');
 *     await hearth.signOut();
 *   });
 *
 * The `hearth` fixture:
 *   page                   the Playwright page (from browser.newContext(), so axe can run in it)
 *   goto(path)             opens a path, waits for the load, checks the page; returns the response
 *   submit(button, opts?)  clicks a button by its accessible name (opts.within: a form or section),
 *                          waits for the next page, checks it; returns that page's response
 *   clickLink(name, opts?) clicks a link by its accessible name ({ exact, within }), same as submit
 *   signIn(username, password = E2E_DEMO_PASSWORD)
 *                          signs in on /sign-in; with the right password, expects to leave /sign-in
 *   signOut()              presses "Sign out" and expects "You have signed out"
 *   checkPage()            checks the page now: for pages reached some other way (page.goBack(),
 *                          a key press) or after the page changed in place
 *   heading                the page's <h1>
 *   nav                    the service navigation ("Main menu")
 *   lastResponse           the response of the current document
 *
 * "Checks the page" means: axe with the WCAG 2.2 AA rules (wcag2a, wcag2aa, wcag21a, wcag21aa,
 * wcag22aa) finds no violation, the page has exactly one <h1>, and its <title> ends "- Hearth".
 * A test cannot forget: every document the page loads is recorded, and the fixture fails the test
 * at teardown if any of them was not checked. So reach pages through goto/submit/clickLink, or call
 * checkPage() after navigating by hand. For JSON or files, use Playwright's `request` fixture (or
 * `hearth.page.request`), which does not load a page.
 *
 * The server is shared by every test and both workers: tests must not depend on each other's data.
 * Make what a test changes its own (e.g. `uniqueName('carer')` for a new user) and prefer a demo
 * user no other test signs in with when a test throttles, locks or changes an account.
 * Without JavaScript: `test.use({ javaScriptEnabled: false })` in a describe block; checks still run.
 */
import { test as base, expect, type Locator, type Page, type Response } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { E2E_DEMO_PASSWORD } from './env.ts';

export { expect };
export { E2E_DEMO_PASSWORD };

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A name no other test (or earlier run on the same server) uses. */
export function uniqueName(prefix: string): string {
  const worker = process.env.TEST_PARALLEL_INDEX ?? '0';
  return `${prefix}-${worker}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

interface LoadedDocument {
  url: string;
  checked: boolean;
}

interface ActionOptions {
  /** Look for the button or link inside this part of the page only. */
  within?: Locator;
  exact?: boolean;
}

export interface Hearth {
  readonly page: Page;
  readonly heading: Locator;
  readonly nav: Locator;
  readonly lastResponse: Response | null;
  goto(path: string): Promise<Response | null>;
  submit(buttonName: string | RegExp, options?: ActionOptions): Promise<Response | null>;
  clickLink(linkName: string | RegExp, options?: ActionOptions): Promise<Response | null>;
  signIn(username: string, password?: string): Promise<void>;
  signOut(): Promise<void>;
  checkPage(): Promise<void>;
}

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describeViolations(url: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} accessibility violation(s) (WCAG 2.2 AA) on ${url}:`];
  for (const v of violations) {
    lines.push('', `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}`, `    ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    at ${node.target.join(' ')}`, `      ${node.html.slice(0, 200)}`);
      const summary = node.failureSummary?.split('\n').map((l) => `      ${l.trim()}`);
      if (summary) lines.push(...summary);
    }
    if (v.nodes.length > 5) lines.push(`    ... and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

class HearthPage implements Hearth {
  private readonly loads: LoadedDocument[] = [];
  private response: Response | null = null;

  constructor(readonly page: Page) {
    // Every new document in the main frame: redirects only load their final page.
    page.on('load', () => {
      const url = page.url();
      if (url !== 'about:blank') this.loads.push({ url, checked: false });
    });
    page.on('response', (response) => {
      const request = response.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) this.response = response;
    });
  }

  get heading(): Locator {
    return this.page.locator('h1');
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main menu' });
  }

  get lastResponse(): Response | null {
    return this.response;
  }

  async goto(path: string): Promise<Response | null> {
    const loaded = this.page.waitForEvent('load');
    await this.page.goto(path);
    await loaded;
    await this.checkPage();
    return this.response;
  }

  async submit(buttonName: string | RegExp, options: ActionOptions = {}): Promise<Response | null> {
    const scope = options.within ?? this.page;
    return this.navigateBy(scope.getByRole('button', { name: buttonName, exact: options.exact }));
  }

  async clickLink(linkName: string | RegExp, options: ActionOptions = {}): Promise<Response | null> {
    const scope = options.within ?? this.page;
    return this.navigateBy(scope.getByRole('link', { name: linkName, exact: options.exact }));
  }

  async signIn(username: string, password = E2E_DEMO_PASSWORD): Promise<void> {
    await this.goto('/sign-in');
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.submit('Sign in');
    if (password === E2E_DEMO_PASSWORD) {
      expect(new URL(this.page.url()).pathname, `signing in as ${username}`).not.toBe('/sign-in');
    }
  }

  async signOut(): Promise<void> {
    await this.submit('Sign out');
    await expect(this.heading).toHaveText('You have signed out');
  }

  async checkPage(): Promise<void> {
    const url = this.page.url();
    const results = await new AxeBuilder({ page: this.page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.length, describeViolations(url, results.violations)).toBe(0);
    await expect(this.heading, `exactly one <h1> on ${url}`).toHaveCount(1);
    await expect(this.page, `the <title> of ${url}`).toHaveTitle(/\S - Hearth$/);
    const current = this.loads.at(-1);
    if (current) current.checked = true;
  }

  /** Documents loaded but never checked, for the teardown check. */
  unchecked(): string[] {
    return this.loads.filter((l) => !l.checked).map((l) => l.url);
  }

  private async navigateBy(target: Locator): Promise<Response | null> {
    const loaded = this.page.waitForEvent('load');
    await target.click();
    await loaded;
    await this.checkPage();
    return this.response;
  }
}

export const test = base.extend<{ hearth: Hearth }>({
  hearth: async ({ page }, use, testInfo) => {
    const hearth = new HearthPage(page);
    await use(hearth);
    // Only when the test itself passed: otherwise its own failure is the one worth reading.
    if (testInfo.status === testInfo.expectedStatus) {
      const missed = hearth.unchecked();
      expect(
        missed,
        `pages loaded without an accessibility check (use hearth.goto/submit/clickLink, or hearth.checkPage()):\n  ${missed.join('\n  ')}`,
      ).toEqual([]);
    }
  },
});
