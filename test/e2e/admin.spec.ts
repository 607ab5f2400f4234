import { test, expect, uniqueName } from './support/fixtures.ts';

/** The administrator's user management, from adding an account to deactivating it. */
test.describe('the administrator manages a user account', () => {
  // One long journey: about twenty pages, each checked with axe.
  test.setTimeout(120_000);

  test('adds a user, changes their role, resets their password and deactivates them', async ({ hearth }) => {
    const username = uniqueName('e2e');
    const name = `Casey ${username}`;
    const page = hearth.page;

    await hearth.signInAs('admin');
    await expect(hearth.heading).toHaveText('Administration');
    await hearth.clickLink('Users', { exact: true, within: page.locator('main') });
    await expect(hearth.heading).toHaveText('Users');

    // Adding the user: the temporary password is shown once.
    await hearth.submit('Add a user');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email address (optional)').fill(`${username}@hearth.example`);
    await page.getByLabel('Role').selectOption({ label: 'Supervising social worker' });
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'East Kent Fostering Team 1' });
    await hearth.submit('Add user');
    await expect(hearth.heading).toHaveText('User account created');
    const firstPassword = (await page.locator('#temporary-password').textContent())?.trim() ?? '';
    expect(firstPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    // Their account page, then a change of role.
    await hearth.clickLink(`Go to ${name}’s account`);
    await expect(hearth.heading).toHaveText(name);
    const summary = page.locator('.govuk-summary-list');
    await expect(summary).toContainText('Supervising social worker');
    await expect(summary).toContainText('East Kent Fostering Team 1');
    await expect(summary).toContainText('East Kent');
    await hearth.clickLink('Change role');
    await expect(page.getByLabel('Full name')).toHaveValue(name);
    await page.getByLabel('Role').selectOption({ label: 'Team manager' });
    await hearth.submit('Save changes');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The user’s details have been changed');
    await expect(summary).toContainText('Team manager');

    // Resetting the password: asked first, then a new temporary password, shown once.
    await hearth.submit('Reset password');
    await expect(hearth.heading).toHaveText('Are you sure you want to reset this user’s password?');
    await hearth.submit('Reset password');
    await expect(hearth.heading).toHaveText('Password reset');
    const secondPassword = (await page.locator('#temporary-password').textContent())?.trim() ?? '';
    expect(secondPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(secondPassword).not.toBe(firstPassword);
    await hearth.goto(new URL(page.url()).pathname);
    await expect(hearth.heading).toHaveText('The temporary password is no longer shown');
    await expect(page.locator('main')).not.toContainText(secondPassword);

    // Deactivating: asked first, then the account is marked deactivated.
    await hearth.clickLink(`Go to ${name}’s account`);
    await hearth.submit('Deactivate account');
    await expect(hearth.heading).toHaveText('Are you sure you want to deactivate this account?');
    await hearth.submit('Deactivate account');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The account has been deactivated');
    await expect(summary).toContainText('Deactivated');

    // The list finds them among the deactivated accounts.
    await hearth.clickLink('Users', { within: page.locator('.govuk-breadcrumbs') });
    await page.getByLabel('Name or username').fill(username);
    await page.getByLabel('Status').selectOption({ label: 'Deactivated' });
    await hearth.submit('Apply filters');
    await expect(page.locator('table')).toContainText(name);
    await expect(page.getByText('Showing 1 to 1 of 1 user')).toBeVisible();

    // The deactivated user cannot sign in, with either password.
    await hearth.signOut();
    for (const password of [secondPassword, firstPassword]) {
      await hearth.signIn(username, password);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expect(page.locator('.govuk-error-summary')).toContainText('Enter a correct username and password');
    }
  });
});
