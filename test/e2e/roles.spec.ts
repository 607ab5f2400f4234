import { test, expect } from './support/fixtures.ts';

/** Where each demo user lands, what they see first, and the service navigation they get. */
const homes: { username: string; name: string; home: string; heading: string; nav: string[] }[] = [
  { username: 'admin', name: 'Alex Admin', home: '/admin', heading: 'Administration', nav: ['Administration'] },
  { username: 'carer', name: 'Jordan Ellis', home: '/portal', heading: 'Your household', nav: ['Your household'] },
  // The LADO's work is the county's open allegations.
  {
    username: 'lado',
    name: 'Laura Adeyemi',
    home: '/lado',
    heading: 'Open allegations',
    nav: ['Open allegations', 'My work'],
  },
  ...[
    ['head', 'Helen Hartley'],
    ['director', 'David Drummond'],
    ['servicemanager', 'Sunita Rao'],
    ['manager', 'Maya Mensah'],
    ['ssw', 'Sam Sutherland'],
    ['ssw2', 'Priya Walsh'],
    ['cicsw', 'Chris Okafor'],
    ['reviewer', 'Rob Fenwick'],
    ['panel', 'Pat Nolan'],
    ['training', 'Tara Quinn'],
    ['recruitment', 'Ravi Patel'],
    ['payments', 'Paula Grant'],
  ].map(([username, name]) => ({
    username: username!,
    name: name!,
    home: '/my-work',
    heading: 'My work',
    nav: ['My work'],
  })),
];

/** Navigation items no role above should see unless listed for it. */
const everyNavItem = ['My work', 'Your household', 'Administration'];

test.describe('each role lands on its own home page', () => {
  for (const user of homes) {
    test(`${user.username} lands on ${user.home}`, async ({ hearth }) => {
      await hearth.signIn(user.username);
      expect(new URL(hearth.page.url()).pathname).toBe(user.home);
      await expect(hearth.heading).toHaveText(user.heading);
      await expect(hearth.page.locator('.app-user-bar__name')).toContainText(user.name);

      // The first is their home, marked as the current page; the others are there too.
      for (const [i, item] of user.nav.entries()) {
        const link = hearth.nav.getByRole('link', { name: item, exact: true });
        await expect(link).toBeVisible();
        if (i === 0) await expect(link).toHaveAttribute('aria-current', 'page');
      }
      for (const item of everyNavItem.filter((i) => !user.nav.includes(i))) {
        await expect(hearth.nav.getByRole('link', { name: item, exact: true })).toHaveCount(0);
      }

      // The logo goes home too.
      await hearth.clickLink('Demo County Council Hearth: fostering service');
      expect(new URL(hearth.page.url()).pathname).toBe(user.home);
    });
  }

  test('the head of fostering’s header keeps the main areas; the rest are under All areas, by heading', async ({
    hearth,
  }) => {
    const page = hearth.page;
    await hearth.signIn('head');
    const header = hearth.nav.getByRole('link');
    await expect(header).toHaveText([
      'My work',
      'Households',
      'Children',
      'Referrals',
      'Scorecard',
      'Business plan',
      'Search',
      'All areas',
    ]);
    // My work no longer lists twenty areas before the work itself: it says where they are.
    await expect(page.getByRole('heading', { name: 'What Hearth holds for you' })).toHaveCount(0);
    await hearth.clickLink('All areas', { within: page.locator('main') });
    await expect(hearth.heading).toHaveText('All areas');
    await expect(hearth.nav.getByRole('link', { name: 'All areas' })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('main h2')).toHaveText([
      'Your work',
      'Carers and households',
      'Children',
      'Safeguarding and quality',
      'Performance and planning',
    ]);
    const quality = page.locator('main ul').nth(3);
    await expect(quality.getByRole('link')).toHaveText([
      'Open allegations',
      'Concerns',
      'Audits',
      'Records',
      'Learning from reviews',
    ]);
    await expect(quality).toContainText('Audits: the month’s case-file audits and their findings');
    // An area opened from here is shown as within All areas in the header.
    await hearth.clickLink('Training', { within: page.locator('main'), exact: true });
    await expect(hearth.heading).toHaveText('Training calendar');
    await expect(hearth.nav.getByRole('link', { name: 'All areas' })).toHaveAttribute('aria-current', 'true');
    // One in the header is marked there instead.
    await hearth.openArea('Households');
    await expect(hearth.nav.getByRole('link', { name: 'Households' })).toHaveAttribute('aria-current', 'page');
    await expect(hearth.nav.getByRole('link', { name: 'All areas' })).not.toHaveAttribute('aria-current');
  });

  test('a user with few areas has them all in the header and on My work, and no All areas', async ({ hearth }) => {
    await hearth.signIn('reviewer');
    const areas = ['Households', 'Reviews', 'Children', 'Training', 'My supervision', 'Search'];
    await expect(hearth.nav.getByRole('link')).toHaveText(['My work', ...areas]);
    // My work lists them, with what each holds, as the header has no All areas.
    await expect(hearth.page.locator('.app-home-pages a')).toHaveText(areas);
  });

  test('the payments officer’s home says what Hearth holds for them and opens the households’ approval', async ({
    hearth,
  }) => {
    const page = hearth.page;
    await hearth.signIn('payments');
    await expect(hearth.page.getByRole('heading', { name: 'What Hearth holds for you' })).toBeVisible();
    await expect(page.locator('main')).toContainText('the skill level that sets the carers’ fee');
    await expect(page.locator('main')).toContainText('made by the council’s finance system, not by Hearth');
    // Only the pages they may open are offered, and each opens.
    const offered = page.locator('.app-home-pages a');
    await expect(offered).toHaveText(['Approved households', 'Households', 'Payments', 'My supervision', 'Search']);
    await hearth.clickLink('Approved households', { within: page.locator('.app-home-pages') });
    await expect(hearth.heading).toHaveText('Households');
    const rows = page.locator('main tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const status of await rows
      .locator('td, th')
      .filter({ hasText: /^(Approved|On hold|Enquiry)/ })
      .allInnerTexts()) {
      expect(status).toMatch(/^Approved/);
    }
    await hearth.clickLink(/.+/, { within: rows.first().locator('td, th').first() });
    await expect(page.locator('main')).toContainText('Skill level');
    await expect(page.locator('main')).toContainText('Approved');
    // Read only: nothing on the household is theirs to change.
    await expect(page.getByRole('link', { name: /^Change/ })).toHaveCount(0);
  });

  test('a staff member cannot open Administration; the administrator cannot open My work', async ({ hearth }) => {
    await hearth.signIn('payments');
    const denied = await hearth.goto('/admin');
    expect(denied?.status()).toBe(403);
    await expect(hearth.heading).toHaveText('You do not have access to this page');
    await hearth.signOut();

    await hearth.signIn('admin');
    const alsoDenied = await hearth.goto('/my-work');
    expect(alsoDenied?.status()).toBe(403);
    await expect(hearth.heading).toHaveText('You do not have access to this page');
    await hearth.clickLink('Go to your home page');
    expect(new URL(hearth.page.url()).pathname).toBe('/admin');
  });
});
