import { test, expect } from './support/fixtures.ts';

test.describe('error pages', () => {
  test('a form sent without its CSRF token is refused with a clear page, and nothing happens', async ({ hearth }) => {
    await hearth.signInAs('manager');
    const removed = await hearth.page.evaluate(() => {
      const field = document.querySelector('form[action="/sign-out"] input[name="_csrf"]');
      field?.remove();
      return field !== null;
    });
    expect(removed).toBe(true);

    const response = await hearth.submit('Sign out');
    expect(response?.status()).toBe(403);
    await expect(hearth.heading).toHaveText('This form could not be sent');
    await expect(hearth.page.getByText('nothing was saved')).toBeVisible();

    // The sign-out did not happen: the manager is still signed in.
    await hearth.goto('/my-work');
    expect(new URL(hearth.page.url()).pathname).toBe('/my-work');
    await expect(hearth.heading).toHaveText('My work');
  });

  test('a page that does not exist gets a 404 page in the design system', async ({ hearth }) => {
    const response = await hearth.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(hearth.heading).toHaveText('Page not found');
    await expect(hearth.page).toHaveTitle('Page not found - Hearth');
    await expect(hearth.page.getByText('If you typed the web address, check it is correct.')).toBeVisible();
  });

  test('a signed-in user gets the 404 page with their navigation, and a way home', async ({ hearth }) => {
    await hearth.signInAs('ssw2');
    const response = await hearth.goto('/households/not-a-real-record/nothing-here');
    expect(response?.status()).toBe(404);
    await expect(hearth.heading).toHaveText('Page not found');
    await expect(hearth.nav.getByRole('link', { name: 'My work' })).toBeVisible();
    await hearth.clickLink('Go to your home page');
    expect(new URL(hearth.page.url()).pathname).toBe('/my-work');
  });
});
