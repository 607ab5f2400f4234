import { test, expect } from './support/fixtures.ts';

test.describe('signing in and out', () => {
  test('a signed-out visitor is asked to sign in, then taken to the page they asked for', async ({ hearth }) => {
    await hearth.goto('/my-work');
    expect(new URL(hearth.page.url()).pathname).toBe('/sign-in');
    await expect(hearth.heading).toHaveText('Sign in to Hearth');
    await expect(hearth.nav).toHaveCount(0);

    await hearth.page.getByLabel('Username').fill('ssw');
    await hearth.page.getByLabel('Password', { exact: true }).fill('e2e-demo-password');
    await hearth.submit('Sign in');
    expect(new URL(hearth.page.url()).pathname).toBe('/my-work');
    await expect(hearth.heading).toHaveText('My work');
    await expect(hearth.page.getByText('Sam Sutherland').first()).toBeVisible();
  });

  test('the right password lands the user on their home page', async ({ hearth }) => {
    await hearth.signIn('manager');
    expect(new URL(hearth.page.url()).pathname).toBe('/my-work');
    await expect(hearth.heading).toHaveText('My work');
    await expect(hearth.page.getByText('Maya Mensah, Team manager')).toBeVisible();
  });

  test('a wrong password shows the error summary and the inline error, and keeps the username', async ({ hearth }) => {
    await hearth.signIn('reviewer', 'not-the-right-password');
    expect(hearth.lastResponse?.status()).toBe(401);
    expect(new URL(hearth.page.url()).pathname).toBe('/sign-in');
    await expect(hearth.page).toHaveTitle('Error: Sign in - Hearth');

    const summary = hearth.page.locator('.govuk-error-summary');
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    const summaryLink = summary.getByRole('link', { name: 'Enter a correct username and password' });
    await expect(summaryLink).toHaveAttribute('href', '#username');

    await expect(hearth.page.locator('#username-error')).toHaveText(/Enter a correct username and password/);
    await expect(hearth.page.getByLabel('Username')).toHaveValue('reviewer');
    await expect(hearth.page.getByLabel('Username')).toHaveAttribute('aria-describedby', /username-error/);
    await expect(hearth.page.getByLabel('Password', { exact: true })).toHaveValue('');

    // The error summary link takes the user to the field (in-page, so no new page to check).
    await summaryLink.click();
    await expect(hearth.page.getByLabel('Username')).toBeFocused();
  });

  test('an unknown username gets the same message as a wrong password', async ({ hearth }) => {
    await hearth.signIn('nobody-by-this-name', 'not-the-right-password');
    expect(hearth.lastResponse?.status()).toBe(401);
    await expect(hearth.page.locator('#username-error')).toHaveText(/Enter a correct username and password/);
    await expect(hearth.page.getByLabel('Username')).toHaveValue('nobody-by-this-name');
  });

  test('an empty form asks for the username and the password', async ({ hearth }) => {
    await hearth.goto('/sign-in');
    await hearth.submit('Sign in');
    expect(hearth.lastResponse?.status()).toBe(400);
    const summary = hearth.page.locator('.govuk-error-summary');
    await expect(summary.getByRole('link', { name: 'Enter your username' })).toHaveAttribute('href', '#username');
    await expect(summary.getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#password');
    await expect(hearth.page.locator('#password-error')).toHaveText(/Enter your password/);
  });

  test('signing out ends the session: My work then asks the user to sign in', async ({ hearth }) => {
    await hearth.signIn('head');
    await hearth.signOut();
    expect(new URL(hearth.page.url()).pathname).toBe('/signed-out');
    await expect(hearth.page).toHaveTitle('You have signed out - Hearth');
    await expect(hearth.nav).toHaveCount(0);
    await expect(hearth.page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

    await hearth.goto('/my-work');
    const url = new URL(hearth.page.url());
    expect(url.pathname).toBe('/sign-in');
    expect(url.searchParams.get('returnTo')).toBe('/my-work');
    await expect(hearth.heading).toHaveText('Sign in to Hearth');
  });

  test('"Sign in again" after signing out goes back to the sign-in page', async ({ hearth }) => {
    await hearth.signIn('lado');
    await hearth.signOut();
    await hearth.clickLink('Sign in again');
    await expect(hearth.heading).toHaveText('Sign in to Hearth');
  });
});
