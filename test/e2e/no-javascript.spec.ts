import { test, expect } from './support/fixtures.ts';

test.describe('without JavaScript, with the keyboard alone', () => {
  test.use({ javaScriptEnabled: false });

  test('a user signs in and out using only the keyboard', async ({ hearth }) => {
    const { page } = hearth;
    await hearth.goto('/sign-in');

    // The first stop is the skip link, and it leads to the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();

    await page.getByLabel('Username').focus();
    await page.keyboard.type('recruitment');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await page.keyboard.type('e2e-demo-password');
    const loaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await loaded;
    await hearth.checkPage();
    expect(new URL(page.url()).pathname).toBe('/my-work');
    await expect(hearth.heading).toHaveText('My work');

    // Tab through the page to the Sign out button and press it.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.getByRole('button', { name: 'Sign out' }).evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Sign out can be reached with the Tab key').toBe(true);
    const signedOut = page.waitForEvent('load');
    await page.keyboard.press('Enter');
    await signedOut;
    await hearth.checkPage();
    await expect(hearth.heading).toHaveText('You have signed out');

    await hearth.goto('/my-work');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  test('forms show their errors without JavaScript', async ({ hearth }) => {
    await hearth.signIn('training', 'not-the-right-password');
    await expect(hearth.page.locator('.govuk-error-summary')).toContainText('Enter a correct username and password');
    await expect(hearth.page.getByLabel('Username')).toHaveValue('training');
  });
});
