import { Secret, TOTP } from 'otpauth';
import { test, expect, uniqueName } from './support/fixtures.ts';

/** The code an authenticator app would show for this key, `ahead` steps of 30 seconds from now. */
function codeFor(secret: string, ahead = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + ahead * 30_000 });
}

test.describe('a member of staff sets up a second factor and signs in with a code', () => {
  test.setTimeout(120_000);

  test('sets up an authenticator app from their account, then signs in with password and code', async ({ hearth }) => {
    const page = hearth.page;
    const username = uniqueName('e2e-2fa');
    const name = `Robin ${username}`;
    const password = `walnut harbour ${username}`;

    // An administrator adds the account; the temporary password is shown once.
    await hearth.signIn('admin');
    await hearth.goto('/admin/users/new');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Role').selectOption({ label: 'Training coordinator' });
    await hearth.submit('Add user');
    const temporary = (await page.locator('#temporary-password').textContent())?.trim() ?? '';
    await hearth.signOut();

    // First sign-in: choose a password (a common one is refused).
    await hearth.signIn(username, temporary);
    await expect(hearth.heading).toHaveText('Change your password');
    await page.getByLabel('Current password').fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill('qwertyuiopasdfghjkl');
    await page.getByLabel('Confirm new password').fill('qwertyuiopasdfghjkl');
    await hearth.submit('Change password');
    await expect(page.locator('#newPassword-error')).toContainText('This password is too common');
    await page.getByLabel('Current password').fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Confirm new password').fill(password);
    await hearth.submit('Change password');

    // Setting up the app from their account page.
    await hearth.clickLink('Your account');
    await expect(hearth.heading).toHaveText('Your account');
    await hearth.clickLink('Set up second factor');
    await expect(hearth.heading).toHaveText('Set up your authenticator app');
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    const secret = (await page.locator('[data-secret]').getAttribute('data-secret')) ?? '';
    await page.getByLabel('Code from your authenticator app').fill(codeFor(secret));
    await hearth.submit('Continue');
    await expect(hearth.heading).toHaveText('Your recovery codes');
    await expect(page.locator('[data-recovery-code]')).toHaveCount(10);
    await hearth.submit('Continue');
    await expect(hearth.heading).toHaveText('Your account');
    await expect(page.locator('.govuk-summary-list')).toContainText('10 recovery codes left');
    await hearth.signOut();

    // Signing in again: password, then a code.
    await hearth.signIn(username, password);
    expect(new URL(page.url()).pathname).toBe('/sign-in/code');
    await expect(hearth.heading).toHaveText('Enter the 6-digit code from your authenticator app');
    await page.getByLabel('Enter the 6-digit code from your authenticator app').fill('12345');
    await hearth.submit('Continue');
    await expect(page.locator('.govuk-error-summary')).toContainText('The code is not correct');
    await page.getByLabel('Enter the 6-digit code from your authenticator app').fill(codeFor(secret, 1));
    await hearth.submit('Continue');
    expect(new URL(page.url()).pathname).not.toMatch(/^\/sign-in/);
    await expect(page.locator('.app-user-bar__name')).toContainText(name);
  });
});
