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
 *   openArea(name)         opens an area from the header, or through "All areas" when the header
 *                          does not hold it
 *   signIn(username, password = E2E_DEMO_PASSWORD)
 *                          signs in on /sign-in; with the right password, expects to leave /sign-in
 *   signInAs(username, to = '/')
 *                          signs a demo user in by posting the sign-in form from the browser
 *                          context (its cookies, its CSRF token), then opens `to` (by default
 *                          the user's home, as after signing in on the page) and checks it:
 *                          for journeys that are not about signing in, which would otherwise load
 *                          and check the sign-in page and My work again at every change of user
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
 * Without JavaScript: `test.use({ javaScriptEnabled: false })` in a describe block. axe cannot run
 * in such a page, so checkPage() loads a copy of its document into a second context (scripts blocked
 * by CSP) and runs axe there: the check sees what a browser without JavaScript shows.
 *
 * Also exported: `uniqueName(prefix)`, a name no other test or run uses; `E2E_DEMO_PASSWORD`, the
 * demo users' password on the test server; `WCAG_TAGS`, the axe tags checked.
 *
 * One server (on a fresh database with the demo loaded) serves every test on three workers: tests
 * run in parallel, several tests of one file possibly at the same time, in no set order. Tests must not
 * depend on each other or on each other's data: make what a test changes its own
 * (`uniqueName('e2e')` for a new user), and do not lock,
 * throttle or change a demo user another spec signs in with. Sign-in is rate-limited per address
 * (60 a minute), so sign in once per test, not once per page.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type BrowserContext, type Locator, type Page, type Response } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { E2E_DEMO_PASSWORD } from './env.ts';

export { expect };
export { E2E_DEMO_PASSWORD };

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** How long a click or goto may take to load its page (the server is slow on a busy machine). */
const LOAD_TIMEOUT_MS = 20_000;

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
  openArea(name: string): Promise<Response | null>;
  signIn(username: string, password?: string): Promise<void>;
  signInAs(username: string, to?: string): Promise<Response | null>;
  signOut(): Promise<void>;
  checkPage(): Promise<void>;
}

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/**
 * axe-core's source: the copy @axe-core/playwright itself injects, so both ways of checking run
 * the same version, in its minified build (axe.min.js, 0.6 MB, where the package's `source` is the
 * 1.3 MB axe.js: every document parses it, and the smaller build took about half the CPU time per
 * page). With `axe.configure` as AxeBuilder sets it in its single-frame mode.
 */
const axeScript = `${readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'),
  'utf8',
)};axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'playwright' } });`;

/**
 * Loads axe-core into every document of the context as it is created, so a check does not send
 * and compile axe's half-megabyte source again for every page (AxeBuilder's analyze() injects it
 * twice per check, which was most of the time a journey spent).
 */
async function loadAxeIn(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeScript });
}

/**
 * Documents this worker has already checked and found free of violations: the same markup at
 * the same viewport gives the same result (axe reads the DOM, which holds what scripts changed,
 * and the stylesheets, which are the build's). A journey that changes user signs out each time
 * and sees the same signed-out page, checked once.
 */
const passedDocuments = new Set<string>();

/**
 * What differs between two loads of the same page and means nothing to axe: the value of the
 * hidden CSRF field, new with every page that has a form (the sign-in page, and every signed-in
 * page, whose "Sign out" is a form). Without it, the same page opened again is checked again.
 */
const CSRF_VALUE = /(<input type="hidden" name="_csrf" value=")[^"]*"/g;

async function documentKey(page: Page): Promise<string> {
  const markup = (await page.evaluate(() => document.documentElement.outerHTML)).replace(CSRF_VALUE, '$1"');
  const size = page.viewportSize();
  return createHash('sha256').update(`${size?.width}x${size?.height}\n${markup}`).digest('hex');
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const key = await documentKey(page);
  if (passedDocuments.has(key)) return [];
  const violations = await runAxe(page);
  if (violations.length === 0) passedDocuments.add(key);
  return violations.length === 0 ? violations : runAxe(page, true);
}

/**
 * Runs axe in a page with no frames, with the WCAG tags, the way AxeBuilder's single-frame mode
 * does (axe.run on the document), keeping the details of the violations only: the passes and
 * inapplicable rules are not used, and collecting a selector for each of their nodes is most of
 * axe's own time. Every rule still runs, on every element. A page is first checked without the
 * selectors, ancestry and XPath of the elements found (`described: false`: a tenth of axe's time
 * on a page, measured on a list, My work and the scorecard); only a page with violations is checked
 * again with them, to name its elements in the failure.
 */
async function runAxe(page: Page, described = false): Promise<AxeViolation[]> {
  const run = () =>
    page.evaluate(
      async ({ tags, described }) => {
        const axe = (window as unknown as { axe?: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } })
          .axe;
        if (!axe) return null;
        const results = await axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
          ...(described ? {} : { selectors: false, ancestry: false, xpath: false }),
        });
        return results.violations;
      },
      { tags: WCAG_TAGS, described },
    );
  let violations = await run();
  if (violations === null) {
    // A document that was created before the init script was added: load axe into it now.
    await page.evaluate(axeScript);
    violations = await run();
  }
  if (violations === null) throw new Error(`hearth fixture: axe-core could not be loaded into ${page.url()}`);
  return violations as AxeViolation[];
}

function describeViolations(url: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} accessibility violation(s) (WCAG 2.2 AA) on ${url}:`];
  for (const v of violations) {
    lines.push('', `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}`, `    rule: ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    element: ${node.target.join(' ')}`, `      ${node.html.slice(0, 200)}`);
      const summary = node.failureSummary?.split('\n').map((l) => `      ${l.trim()}`);
      if (summary) lines.push(...summary);
    }
    if (v.nodes.length > 5) lines.push(`    ... and ${v.nodes.length - 5} more element(s)`);
  }
  return lines.join('\n');
}

class HearthPage implements Hearth {
  private readonly loads: LoadedDocument[] = [];
  private response: Response | null = null;
  /** Without JavaScript, axe cannot run in the page: it runs on a copy of it in a context with scripts on. */
  private mirror: Page | null = null;

  constructor(
    readonly page: Page,
    private readonly scriptsEnabled: boolean,
  ) {
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
    const loaded = this.page.waitForEvent('load', { timeout: LOAD_TIMEOUT_MS });
    try {
      await this.page.goto(path);
    } catch (error) {
      loaded.catch(() => {});
      throw error;
    }
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

  /**
   * Opens an area of the service as a user would: from the header when it holds the link,
   * otherwise through "All areas" (the header keeps only the main areas for the head of fostering,
   * managers and social workers).
   */
  async openArea(name: string): Promise<Response | null> {
    if ((await this.nav.getByRole('link', { name, exact: true }).count()) > 0) {
      return this.clickLink(name, { within: this.nav, exact: true });
    }
    await this.clickLink('All areas', { within: this.nav, exact: true });
    return this.clickLink(name, { within: this.page.locator('main'), exact: true });
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

  async signInAs(username: string, to = '/'): Promise<Response | null> {
    const request = this.page.context().request;
    const form = await request.get('/sign-in');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    expect(csrf, 'the sign-in form has its CSRF token').toBeDefined();
    const signedIn = await request.post('/sign-in', {
      form: { username, password: E2E_DEMO_PASSWORD, _csrf: csrf! },
      maxRedirects: 0,
    });
    expect(signedIn.status(), `signing in as ${username}`).toBe(303);
    expect(
      new URL(signedIn.headers().location ?? '/sign-in', 'http://x').pathname,
      `signing in as ${username}`,
    ).not.toBe('/sign-in');
    return this.goto(to);
  }

  async signOut(): Promise<void> {
    await this.submit('Sign out');
    await expect(this.heading).toHaveText('You have signed out');
  }

  async checkPage(): Promise<void> {
    const url = this.page.url();
    const target = this.scriptsEnabled ? this.page : await this.copyOfPage();
    // Hearth's pages have no frames: run axe in the page itself (several times faster than the
    // frame-by-frame mode, which opens a page of its own for every check). A page with frames is
    // checked frame by frame by AxeBuilder.
    const violations =
      target.frames().length === 1
        ? await axeViolations(target)
        : (await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze()).violations;
    expect(violations.length, describeViolations(url, violations)).toBe(0);
    await expect(this.heading, `exactly one <h1> on ${url}`).toHaveCount(1);
    await expect(this.page, `the <title> of ${url}`).toHaveTitle(/\S - Hearth$/);
    const current = this.loads.at(-1);
    if (current) current.checked = true;
  }

  /**
   * The page as it is now, loaded into a second context where axe can run: the same document
   * (served for the same address, so its stylesheets and images load), with the page's own
   * scripts blocked by CSP, so axe sees what a browser without JavaScript shows.
   */
  private async copyOfPage(): Promise<Page> {
    const url = this.page.url();
    const html = await this.page.content();
    if (!this.mirror) {
      const browser = this.page.context().browser();
      if (!browser) throw new Error('hearth fixture: the page has no browser to open a second context in');
      const context = await browser.newContext({ viewport: this.page.viewportSize(), javaScriptEnabled: true });
      await loadAxeIn(context);
      this.mirror = await context.newPage();
    }
    await this.mirror.unrouteAll();
    await this.mirror.route(
      (u) => u.href === url,
      (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': "script-src 'none'" },
          body: html,
        }),
    );
    await this.mirror.goto(url);
    return this.mirror;
  }

  async close(): Promise<void> {
    await this.mirror?.context().close();
  }

  /** Documents loaded but never checked, for the teardown check. */
  unchecked(): string[] {
    return this.loads.filter((l) => !l.checked).map((l) => l.url);
  }

  private async navigateBy(target: Locator): Promise<Response | null> {
    const loaded = this.page.waitForEvent('load', { timeout: LOAD_TIMEOUT_MS });
    try {
      await target.click();
    } catch (error) {
      loaded.catch(() => {}); // the click's own error is the one to read
      throw error;
    }
    await loaded.catch((error: Error) => {
      throw new Error(`no new page loaded after clicking ${target}: ${error.message.split('\n')[0]}`);
    });
    await this.checkPage();
    return this.response;
  }
}

export const test = base.extend<{ hearth: Hearth }>({
  hearth: async ({ page, javaScriptEnabled }, use, testInfo) => {
    // Without JavaScript the page runs no script, axe included: its copy is checked instead.
    if (javaScriptEnabled !== false) await loadAxeIn(page.context());
    const hearth = new HearthPage(page, javaScriptEnabled !== false);
    await use(hearth);
    await hearth.close();
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
