import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';

/**
 * The six-monthly reviews in the browser: the head of fostering filters the list to one kind,
 * reads a completed review as it was, then writes a review of a half-year long past (one no other
 * test or demo record uses): refused without the three answers, with what was typed kept, then
 * marked as complete, shown with who completed it and the texts. Without JavaScript, the LADO saves
 * a review of allegations and complaints to come back to. Every page is checked with axe.
 */

/** A half-year between 2001 and 2014 no other run of this test is likely to pick. */
const oldHalfYear = () => `${2001 + Math.floor(Math.random() * 14)}-${Math.random() < 0.5 ? '04' : '10'}`;

async function fillDate(page: Page, legend: string, date: { day: string; month: string; year: string }) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(date.day);
  await group.getByLabel('Month').fill(date.month);
  await group.getByLabel('Year').fill(date.year);
}

const banner = (page: Page) => page.locator('.govuk-notification-banner--success');

test('the head of fostering reads a completed review and writes one', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  await hearth.signInAs('head');
  await hearth.openArea('Six-monthly reviews');
  await expect(hearth.heading).toHaveText('Six-monthly reviews');
  await page
    .getByLabel('Review', { exact: true })
    .selectOption({ label: 'What local agencies pay foster carers (Business plan action 6.3)' });
  await hearth.submit('Show');
  const rows = page.locator('main tbody tr');
  await expect(rows.first()).toContainText('What local agencies pay foster carers');
  await expect(rows.filter({ hasNotText: 'What local agencies pay foster carers' })).toHaveCount(0);

  // A completed one reads as it was completed.
  // The row's one link, whatever its name: wait for the review's page to load before checking it.
  const opened = page.waitForEvent('load');
  await rows.filter({ hasText: 'Completed' }).first().getByRole('link').click();
  await opened;
  await hearth.checkPage();
  await expect(hearth.heading).toHaveText('What local agencies pay foster carers');
  await expect(page.locator('main')).toContainText('The figures as they were when the review was marked as complete');
  await expect(page.locator('main')).toContainText('Weekly allowance for a child');

  // One of a half-year long past: the figures are counted now, and the form asks for the three answers.
  const period = oldHalfYear();
  await hearth.goto(`/service-reviews/agency-payments/${period}`);
  await expect(page.locator('main')).toContainText('Counted from the records now');
  await page.getByLabel('What we learnt').fill('Agencies pay more for teenagers.');
  await hearth.submit('Mark as complete');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter what we heard');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter what we will do');
  await expect(page.getByLabel('What we learnt')).toHaveValue('Agencies pay more for teenagers.');
  await page.getByLabel('What we heard').fill('Three local agencies shared their rates.');
  await page.getByLabel('What we will do').fill('Propose an uplift to the level 2 fee.');
  await page.getByLabel('Shared with (optional)').fill('Fostering management team');
  await fillDate(page, 'Date it was shared (optional)', { day: '2', month: '1', year: '2024' });
  await hearth.submit('Mark as complete');
  await expect(banner(page)).toContainText('The review has been marked as complete');
  const main = page.locator('main');
  await expect(main).toContainText('by Helen Hartley');
  await expect(main).toContainText('Completed late');
  await expect(main).toContainText('Propose an uplift to the level 2 fee.');
  await expect(main).toContainText('Fostering management team, on 2 January 2024');
  await expect(page.getByLabel('What we heard')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the LADO saves a review of allegations and complaints to come back to', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signInAs('lado', `/service-reviews/allegations-complaints/${oldHalfYear()}`);
    await expect(hearth.heading).toHaveText('Review of allegations and complaints');
    await expect(page.locator('main')).toContainText('Allegations concluded within 3 months');
    await page.getByLabel('What we heard').fill('Most allegations were about restraint.');
    await hearth.submit('Save and come back later');
    await expect(banner(page)).toContainText('The review has been saved');
    await expect(page.getByLabel('What we heard')).toHaveValue('Most allegations were about restraint.');
    await expect(page.locator('main')).toContainText('Last saved');
  });
});
