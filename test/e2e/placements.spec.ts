import type { Page } from '@playwright/test';
import { fillDate, londonDay } from './support/dates.ts';
import { test, expect, uniqueName, type Hearth } from './support/fixtures.ts';

/**
 * Children and placements in the browser: a referral returned, re-submitted, accepted, matched and
 * placed, with delegated authority signed and a copy given; and a placement ended unplanned with
 * the child moved. Each journey makes its own child and places it with demo households, which it
 * changes only by that child's placements. (A household's own road to approval, through recruitment,
 * panel and the agency decision, is panel.spec.ts's journey; the household page it ends on shows the
 * approved household's places, which matching offers.)
 */

const banner = (hearth: Hearth) => hearth.page.locator('.govuk-notification-banner--success');
const main = (hearth: Hearth) => hearth.page.locator('main');

/** The children's social worker records a child in care; returns the child's page address. */
async function newChild(hearth: Hearth, firstName: string, lastName: string): Promise<string> {
  const page = hearth.page;
  await hearth.openArea('Children');
  await expect(hearth.heading).toHaveText('Children');
  await hearth.submit('Add a child');
  await expect(hearth.heading).toHaveText('Add a child');
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name', { exact: true }).fill(lastName);
  await fillDate(page, 'Date of birth', londonDay(-40, -8));
  await page.getByLabel('Female').check();
  await page.getByLabel('Legal status').selectOption({ label: 'Care order (section 31)' });
  await fillDate(page, 'Date became looked after', londonDay(-30));
  await page.getByLabel('School postcode (optional)').fill('CT1 2AB');
  await hearth.submit('Add child');
  await expect(hearth.heading).toContainText(`${firstName} ${lastName}`);
  await expect(banner(hearth)).toContainText('The child’s record has been created');
  await expect(main(hearth)).toContainText('Chris Okafor');
  return new URL(hearth.page.url()).pathname;
}

/**
 * The first approved household of the demo's in a household select (one with a vacancy, as the
 * select lists), not one a journey made: the placement and the move need households, not their
 * approval, which the first journey and panel.spec.ts walk through. Returns its name.
 */
async function chooseDemoHousehold(page: Page, label: string): Promise<string> {
  const select = page.getByLabel(label);
  const options = await select
    .locator('option')
    .evaluateAll((all) => all.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
  const demo = options.find((o) => o.value !== '' && !/-\d[a-z0-9]{6,} \(/.test(o.text));
  expect(demo, `a demo household with a vacancy in "${label}"`).toBeDefined();
  await select.selectOption(demo!.value);
  return demo!.text.slice(0, demo!.text.indexOf(' ('));
}

test.describe('children and placements', () => {
  test.setTimeout(240_000);

  test('a referral returned and re-submitted, accepted, matched, placed, delegated authority signed', async ({
    hearth,
  }) => {
    const page = hearth.page;
    const child = { first: 'Lily', last: uniqueName('Ashworth') };

    // The child's social worker records the child and asks for a placement.
    await hearth.signInAs('cicsw');
    const childPath = await newChild(hearth, child.first, child.last);
    await hearth.submit('Make a referral');
    await expect(hearth.heading).toHaveText('Make a referral');
    await page.getByLabel('The child’s needs').fill('Lily needs a calm home near her school.');
    await page.getByLabel('Long-term').check();
    await page.getByLabel('Planned').check();
    await fillDate(page, 'Date needed from', londonDay(7));
    await page.getByLabel('Number of children to be placed together').fill('1');
    await hearth.submit('Send referral');
    await expect(banner(hearth)).toContainText('The referral has been sent to the fostering team');
    await expect(main(hearth)).toContainText('Waiting for review');
    const referralPath = new URL(page.url()).pathname;
    await hearth.signOut();

    // The team manager returns it, saying why (a return without reasons is refused).
    await hearth.signInAs('manager');
    await hearth.openArea('Referrals');
    await expect(hearth.heading).toHaveText('Referrals');
    await hearth.clickLink(`${child.first} ${child.last}`);
    await hearth.submit('Return referral');
    await expect(hearth.heading).toHaveText('Return the referral');
    await hearth.submit('Return referral');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the reasons for returning the referral');
    await page.getByLabel('Reasons for returning it').fill('Say how often Lily sees her mother, and where.');
    await hearth.submit('Return referral');
    await expect(banner(hearth)).toContainText('returned to the social worker');
    await hearth.signOut();

    // The social worker finds it on My work and in their own referrals, sees the reasons, puts the
    // referral right and sends it again.
    await hearth.signInAs('cicsw');
    await hearth.openArea('Referrals');
    await expect(hearth.heading).toHaveText('Your referrals');
    await expect(main(hearth)).toContainText(`${child.first} ${child.last}`);
    await hearth.openArea('My work');
    const returned = page.getByRole('table', { name: 'Referrals returned to you' });
    await hearth.clickLink(`${child.first} ${child.last}`, { within: returned });
    await expect(main(hearth)).toContainText('This referral was returned');
    await expect(main(hearth)).toContainText('Say how often Lily sees her mother, and where.');
    await hearth.clickLink('Change and re-submit the referral');
    await expect(page.getByLabel('The child’s needs')).toHaveValue('Lily needs a calm home near her school.');
    await page
      .getByLabel('The child’s needs')
      .fill('Lily needs a calm home near her school. She sees her mother every Saturday at the family centre.');
    await hearth.submit('Re-submit referral');
    await expect(banner(hearth)).toContainText('sent again for review');
    await hearth.signOut();

    // The manager accepts it, finds the household and records the match.
    await hearth.signInAs('manager', referralPath);
    await expect(main(hearth)).toContainText('Returned 1 time');
    await expect(page.locator('.moj-timeline')).toContainText('Changed and re-submitted');
    await hearth.submit('Accept referral');
    await expect(hearth.heading).toHaveText('Find a household');
    await expect(banner(hearth)).toContainText('The referral has been accepted');
    // The last household offered: the other journey takes the first with a place (chooseDemoHousehold).
    const offered = main(hearth).getByRole('link', { name: /^Match with / });
    await expect(offered.first()).toBeVisible();
    const offer = await offered.last().innerText(); // "Match with <name> (<reference>)"
    const household = offer.replace(/^Match with /, '').replace(/\s*\([^)]*\)\s*$/, '');
    await hearth.clickLink(offer.trim(), { exact: true });
    await expect(hearth.heading).toHaveText(`Match with ${household}`);
    await expect(main(hearth)).toContainText('Why the household fits');
    await page.getByLabel('Reasons for the match').fill('Experienced carers, a short walk from Lily’s school.');
    await page.getByLabel('Support package').fill('Fortnightly visits from the supervising social worker.');
    await hearth.submit('Record the match');

    // ... and places Lily there today.
    await expect(hearth.heading).toHaveText('Record the placement');
    await fillDate(page, 'Start date', londonDay());
    await page.getByLabel('Yes').check();
    await hearth.submit('Record the placement');
    await expect(banner(hearth)).toContainText('The placement has been recorded');
    await expect(hearth.heading).toHaveText(`Placement with ${household}`);
    await expect(main(hearth)).toContainText('Not started');

    // The delegated authority: signed by the carer and the social worker, a copy given to the carer.
    await hearth.clickLink('Record the delegated authority');
    await expect(hearth.heading).toHaveText('Delegated authority');
    const signedBy = page.getByRole('group', { name: 'Signed by' });
    await signedBy.getByLabel('Foster carer').check();
    await signedBy.getByLabel('Child’s social worker').check();
    await fillDate(page, 'Date signed (optional)', londonDay());
    await fillDate(page, /Date a signed copy was given to the carer/, londonDay());
    await hearth.submit('Save delegated authority');
    await expect(banner(hearth)).toContainText('The delegated authority has been saved');
    await expect(main(hearth)).toContainText('Signed and copy given');
    await expect(main(hearth)).toContainText('Foster carer, Child’s social worker');

    // The child's record shows where Lily lives and the delegated authority's status.
    await hearth.clickLink(`${child.first} ${child.last}`, { within: main(hearth) });
    expect(new URL(page.url()).pathname).toBe(childPath);
    await expect(main(hearth)).toContainText(household);
    await expect(main(hearth)).toContainText('Signed and copy given');
    await hearth.signOut();
  });

  test('a placement ended unplanned and the child moved', async ({ hearth }) => {
    const page = hearth.page;
    const child = { first: 'Sam', last: uniqueName('Pennington') };

    // An emergency referral from the child's social worker.
    await hearth.signInAs('cicsw');
    await newChild(hearth, child.first, child.last);
    await hearth.submit('Make a referral');
    await page.getByLabel('The child’s needs').fill('Sam needs somewhere safe tonight.');
    await page.getByLabel('Emergency', { exact: true }).check();
    await page.getByLabel('Emergency (today)').check();
    await fillDate(page, 'Date needed from', londonDay());
    await page.getByLabel('Number of children to be placed together').fill('1');
    await hearth.submit('Send referral');
    const referralPath = new URL(page.url()).pathname;
    await hearth.signOut();

    // The team manager places Sam straight away with the first household.
    await hearth.signInAs('manager', referralPath);
    await hearth.clickLink(`Open ${child.first} ${child.last}’s record`);
    await hearth.submit('Place in an emergency');
    await expect(hearth.heading).toHaveText('Place in an emergency');
    const first = await chooseDemoHousehold(page, 'Household');
    await page.getByLabel('No', { exact: true }).check();
    await hearth.submit('Record the placement');
    await expect(hearth.heading).toHaveText(`Placement with ${first}`);

    // It breaks down: the manager records the move, an unplanned ending needing its reason.
    await hearth.submit('Move to another household');
    await expect(hearth.heading).toHaveText('Move to another household');
    await page.getByLabel('Unplanned').check();
    const second = await chooseDemoHousehold(page, 'Household the child is moving to');
    expect(second).not.toBe(first);
    await page.getByLabel('Short-term').check();
    await page.getByLabel('Yes', { exact: true }).check();
    await hearth.submit('Record the move');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the reason the placement ended unplanned');
    await expect(page.getByLabel('Unplanned')).toBeChecked();
    await page.getByLabel('Reason').fill('The carers could not keep Sam safe at night.');
    await hearth.submit('Record the move');
    await expect(banner(hearth)).toContainText('The move has been recorded');
    await expect(hearth.heading).toHaveText(`Placement with ${second}`);

    // Sam's record shows the new home and the old placement, ended unplanned, with the reason.
    await hearth.clickLink(`${child.first} ${child.last}`, { within: main(hearth) });
    const current = page.locator('main');
    await expect(current).toContainText(second);
    const past = page.getByRole('table', { name: 'Past placements' });
    await expect(past).toContainText(first);
    await expect(past).toContainText('Unplanned: The carers could not keep Sam safe at night.');

    // The reason was recorded wrongly: the manager corrects the ending from the old placement's page.
    await hearth.clickLink(first, { within: past });
    await expect(hearth.heading).toHaveText(`Placement with ${first}`);
    await hearth.clickLink('Correct the ending');
    await expect(hearth.heading).toHaveText('Correct the ending');
    await expect(page.getByLabel('Unplanned')).toBeChecked();
    await expect(page.getByLabel('Reason')).toHaveValue('The carers could not keep Sam safe at night.');
    await page.getByLabel('Reason').fill('');
    await hearth.submit('Save the ending');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the reason the placement ended unplanned');
    await page.getByLabel('Reason').fill('The carers’ own child became seriously ill.');
    await hearth.submit('Save the ending');
    await expect(banner(hearth)).toContainText('The ending has been corrected');
    await expect(main(hearth)).toContainText('The carers’ own child became seriously ill.');

    // Sam did leave: undoing that ending is refused while Sam lives with the second household.
    await hearth.clickLink('Correct the ending');
    await hearth.clickLink('undo the ending');
    await expect(hearth.heading).toHaveText('Undo the ending');
    await expect(main(hearth)).toContainText('The ending cannot be undone');
    await expect(main(hearth)).toContainText(`Sam is placed with ${second} now`);
    await hearth.clickLink('Back to the placement');
    await expect(hearth.heading).toHaveText(`Placement with ${first}`);

    // The current placement's start and its removal are offered, each on its own page.
    await hearth.clickLink(`${child.first} ${child.last}`, { within: main(hearth) });
    await hearth.clickLink('Open the placement');
    await expect(hearth.heading).toHaveText(`Placement with ${second}`);
    await hearth.clickLink('Change the start');
    await expect(hearth.heading).toHaveText('Change the start of the placement');
    await expect(page.getByLabel('Short-term')).toBeChecked();
    await hearth.clickLink('Cancel');
    await hearth.clickLink('Remove this placement');
    await expect(hearth.heading).toHaveText(`Remove the placement with ${second}`);
    await expect(main(hearth)).toContainText(`it stays ended`);
    await hearth.clickLink('Cancel');
    await expect(hearth.heading).toHaveText(`Placement with ${second}`);
    await hearth.signOut();
  });
});
