import { dayInWords, fillDate, londonDay } from './support/dates.ts';
import { test, expect } from './support/fixtures.ts';

/**
 * Learning from a serious case review in the browser (business plan action 10.1): a team manager
 * records a meeting of their team that discussed a review, with an action for one of the team, whose
 * date they then correct; the head of fostering then finds the team's discussion on the review's
 * page; the manager then changes the meeting (a refused answer first) and removes it, as recorded by
 * mistake, through the confirm page. Every page is checked with axe.
 */
test('a team manager records a team meeting on a serious case review; the head finds it on the review', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const yesterday = londonDay(-1);
  const review = 'Baby S: a local child safeguarding practice review';
  await hearth.signInAs('manager');
  await hearth.openArea('Learning from reviews');
  await expect(hearth.heading).toHaveText('Learning from serious case reviews');
  await hearth.clickLink('East Kent Fostering Team 1', { within: page.locator('[data-teams]') });
  await hearth.clickLink('Record a team meeting');
  await fillDate(page, 'Date of the meeting', yesterday);
  await page.getByLabel('Who chaired it').selectOption({ label: 'Maya Mensah' });
  await page.getByLabel('How many attended').fill('8');
  await page.getByLabel('Serious case review discussed').selectOption({ label: review });
  await page.getByLabel('What the team took from it').fill('Talk about safe sleeping at every visit to a baby.');
  await hearth.submit('Save the meeting');
  await expect(hearth.heading).toHaveText(`Team meeting on ${dayInWords(yesterday)}`);
  const meetingPath = new URL(page.url()).pathname;

  await hearth.clickLink('Add an action');
  await page.getByLabel('The action').fill('Add safe sleeping to the visit checklist.');
  await page.getByLabel('Who will do it').selectOption({ label: 'Sam Sutherland' });
  await fillDate(page, 'Date it is due', londonDay(14));
  await hearth.submit('Save the action');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The action has been added');
  await expect(page.locator('[data-actions]')).toContainText(`Sam Sutherland, by ${dayInWords(londonDay(14))}`);
  // Its date was typed wrongly: the manager changes it on the action's form, filled in.
  await hearth.clickLink('Change the action: Add safe sleeping to the visit checklist.');
  await expect(hearth.heading).toHaveText('Change the action');
  await expect(page.getByLabel('The action')).toHaveValue('Add safe sleeping to the visit checklist.');
  await fillDate(page, 'Date it is due', londonDay(21));
  await hearth.submit('Save the changes');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The action has been changed');
  await expect(page.locator('[data-actions]')).toContainText(`Sam Sutherland, by ${dayInWords(londonDay(21))}`);
  await hearth.signOut();

  await hearth.signInAs('head');
  await hearth.openArea('Learning from reviews');
  await hearth.clickLink(review, { within: page.locator('[data-reviews]') });
  // The team's meeting among the review's discussions, the latest first (the demo's teams may have met on it since).
  const discussed = page
    .locator('[data-discussions] tbody tr')
    .filter({ has: page.locator(`a[href="${meetingPath}"]`) });
  await expect(discussed).toContainText('East Kent Fostering Team 1');
  await hearth.clickLink(dayInWords(yesterday), { within: discussed });
  await expect(page.locator('main')).toContainText('Talk about safe sleeping at every visit to a baby.');
  await hearth.signOut();

  // The manager puts the meeting right: its details changed (a refused answer first, the rest kept), then removed.
  await hearth.signInAs('manager', meetingPath);
  await hearth.clickLink('Change the meeting’s details');
  await expect(hearth.heading).toHaveText('Change the team meeting');
  await expect(page.getByLabel('How many attended')).toHaveValue('8');
  await page.getByLabel('How many attended').fill('lots');
  await page
    .getByLabel('What the team took from it')
    .fill('Talk about safe sleeping at every visit, and write it down.');
  await hearth.submit('Save the changes');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Number who attended must be a whole number from 1 to 500',
  );
  await expect(page.getByLabel('What the team took from it')).toHaveValue(
    'Talk about safe sleeping at every visit, and write it down.',
  );
  await page.getByLabel('How many attended').fill('9');
  await hearth.submit('Save the changes');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The team meeting has been changed');
  await expect(page.locator('main')).toContainText('9 people');
  await expect(page.locator('main')).toContainText('Talk about safe sleeping at every visit, and write it down.');

  await hearth.clickLink('Remove the meeting (recorded by mistake)');
  await expect(hearth.heading).toHaveText(`Remove the team meeting on ${dayInWords(yesterday)}`);
  await hearth.submit('Remove the meeting');
  await expect(page.locator('.govuk-error-summary')).toContainText('Confirm that the meeting was recorded by mistake');
  await page.getByLabel('The meeting was recorded by mistake').check();
  await hearth.submit('Remove the meeting');
  await expect(hearth.heading).toHaveText('Team meetings on serious case reviews');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The team meeting has been removed');
});

/**
 * The head puts right an extended team manager meeting: recorded yesterday without reflective
 * practice on the agenda (so the month's deadline and the scorecard's month stay as they were), its
 * details changed, then removed as recorded by mistake.
 */
test('the head of fostering changes an extended team manager meeting, then removes it', async ({ hearth }) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const heldOn = londonDay(-1);
  await hearth.signInAs('head', '/extended-meetings/new');
  await fillDate(page, 'Date of the meeting', heldOn);
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByLabel('The learning discussed').fill('Reflective case discussion on placement endings.');
  await hearth.submit('Save the meeting');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The meeting has been recorded');
  await hearth.clickLink(dayInWords(heldOn), { within: page.locator('main table') });
  await expect(hearth.heading).toHaveText(`Extended team manager meeting on ${dayInWords(heldOn)}`);

  await hearth.clickLink('Change the meeting’s details');
  await expect(page.getByLabel('The learning discussed')).toHaveValue(
    'Reflective case discussion on placement endings.',
  );
  await page.getByLabel('The learning discussed').fill('');
  await hearth.submit('Save the changes');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the learning discussed');
  await page.getByLabel('The learning discussed').fill('Placement endings, and what the carers told us.');
  await hearth.submit('Save the changes');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The meeting has been changed');
  await expect(page.locator('main')).toContainText('Placement endings, and what the carers told us.');

  await hearth.clickLink('Remove the meeting (recorded by mistake)');
  await hearth.submit('Remove the meeting');
  await expect(page.locator('.govuk-error-summary')).toContainText('Confirm that the meeting was recorded by mistake');
  await page.getByLabel('The meeting was recorded by mistake').check();
  await hearth.submit('Remove the meeting');
  await expect(hearth.heading).toHaveText('Extended team manager meetings');
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('The meeting has been removed');
});
