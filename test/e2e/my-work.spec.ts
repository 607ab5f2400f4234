import { test, expect } from './support/fixtures.ts';

/**
 * My work and search, on the demo service: a manager's due and overdue items lead to their
 * records and rules; the head of fostering's summary by team leads to each team's list; a name
 * typed with mistakes still finds the carer.
 */
test.describe('My work and search', () => {
  test.setTimeout(90_000);

  test('a team manager follows a due item to its record, reads its rule, and searches for a carer', async ({
    hearth,
  }) => {
    const page = hearth.page;
    await hearth.signInAs('manager');
    await expect(hearth.heading).toHaveText('My work');
    const list = page.locator('table').filter({ has: page.locator('caption', { hasText: 'soonest first' }) });
    await expect(list.locator('tbody tr').first()).toBeVisible();

    // Soonest first: the most overdue item heads the list, tagged red.
    await expect(list.locator('tbody tr').first().locator('.govuk-tag--red')).toContainText('Overdue by');

    // The demo carer Jordan Ellis's DBS check is due for renewal within the next 4 weeks.
    await page.getByLabel('What is due').selectOption({ label: 'DBS check renewal' });
    await hearth.submit('Apply filters');
    const row = list.locator('tbody tr').filter({ hasText: 'DBS check of Jordan Ellis (carer)' });
    await expect(row).toContainText('DBS check renewal');
    await expect(row.locator('.govuk-tag')).toContainText(/Due in \d+ days|Due today|Overdue by/);
    const record = row.locator('td').nth(1).getByRole('link');
    const label = (await record.innerText()).trim(); // "Name (H-000123)"
    const householdName = label.replace(/ \(H-\d+\)$/, '');

    await hearth.clickLink(label, { within: row });
    expect(new URL(page.url()).pathname).toMatch(/^\/households\/[0-9a-f-]{36}$/);
    await expect(hearth.heading).toContainText(householdName);

    // Back on My work, the rule behind an item names the regulations it comes from.
    await hearth.goto('/my-work?rule=households.dbs-check-renewal');
    await hearth.clickLink('DBS check renewal', { within: list.locator('tbody tr').first() });
    await expect(hearth.heading).toHaveText('Deadlines and where they come from');
    await expect(page.locator('#rule-households-dbs-check-renewal')).toHaveText('DBS check renewal');
    await expect(page.getByText('Fostering Services (England) Regulations 2011, regulation 26').first()).toBeVisible();

    // Search from My work: a carer's name typed with two mistakes.
    await hearth.openArea('My work');
    await page.getByLabel('Search for a carer, household member or child').fill('Jordna Elis');
    await hearth.submit('Search');
    await expect(hearth.heading).toHaveText('Search results');
    const best = page.locator('table tbody tr').first();
    await expect(best).toContainText('Jordan Ellis');
    await expect(best).toContainText('Carer');
    await hearth.clickLink('Jordan Ellis', { within: best });
    expect(new URL(page.url()).pathname).toMatch(/^\/households\/[0-9a-f-]{36}$/);
    await hearth.signOut();
  });

  test('the head of fostering sees the service summarised by team and opens one team’s overdue list', async ({
    hearth,
  }) => {
    const page = hearth.page;
    await hearth.signInAs('head');
    const summary = page.locator('table').filter({ has: page.locator('caption', { hasText: 'By team' }) });
    const team = summary.getByRole('row').filter({ hasText: 'East Kent Fostering Team 1' });
    const overdue = team.getByRole('link', { name: /overdue in East Kent Fostering Team 1/ });
    const count = Number(/^\d+/.exec((await overdue.innerText()).trim())?.[0]);
    expect(count).toBeGreaterThan(0);

    await hearth.clickLink(/overdue in East Kent Fostering Team 1/, { within: team });
    await expect(page.getByLabel('Team', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    // The list says how many it holds, all of them overdue, and shows them (50 to a page). Its own
    // count, not the summary's: another browser test may change the team's work in between.
    const summaryLine = await page.locator('p', { hasText: /\d+ items?:/ }).innerText();
    const said = /(\d+) items?: (\d+) overdue/.exec(summaryLine);
    expect(said).not.toBeNull();
    const listed = Number(said![1]);
    expect(listed).toBeGreaterThan(0);
    expect(Number(said![2])).toBe(listed);
    const rows = page.locator('table').filter({ has: page.locator('caption', { hasText: 'soonest first' }) });
    await expect(rows.locator('tbody tr')).toHaveCount(Math.min(listed, 50));
    for (const tag of await rows.locator('tbody .govuk-tag').allInnerTexts()) expect(tag).toMatch(/^Overdue by/);
    await hearth.clickLink('Clear filters');
    await expect(page.getByLabel('Team', { exact: true })).toHaveValue('');
    await hearth.signOut();
  });
});
