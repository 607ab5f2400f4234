import { deflateSync } from 'node:zlib';
import { test, expect, uniqueName } from './support/fixtures.ts';
import { dayInWords, fillDate, londonDay } from './support/dates.ts';
import { openHouseholdFromRecruitment, saveEnquiry } from './support/enquiry.ts';

/** A real 2x2 PNG (signature, IHDR, IDAT, IEND with their CRCs). */
function smallPng(): Buffer {
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = Buffer.from([0, 200, 60, 60, 60, 120, 200, 0, 60, 200, 60, 240, 240, 240]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A household recorded at enquiry, its terms proposed and a worker allocated, then found on the worker's caseload. */
test.describe('a household recorded and allocated', () => {
  test.setTimeout(240_000);

  test('the recruitment coordinator records an enquiry and proposes terms; the manager allocates; the worker finds it', async ({
    hearth,
  }) => {
    const page = hearth.page;
    const name = uniqueName('Hollins');

    // The recruitment coordinator records the enquiry.
    await hearth.signInAs('recruitment');
    await hearth.openArea('Households');
    await expect(hearth.heading).toHaveText('Households');
    await hearth.submit('Record an enquiry'); // a button-styled link (role=button)
    await expect(hearth.heading).toHaveText('Record an enquiry');

    // A mistake first: the errors are shown the GOV.UK way and the answers kept.
    await page.getByLabel('Last name', { exact: true }).fill(name);
    await page.getByLabel('Postcode').fill('not a postcode');
    await hearth.submit('Save');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the first name of the person enquiring');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter a real postcode');
    await expect(page.getByLabel('Last name', { exact: true })).toHaveValue(name);

    await saveEnquiry(hearth, {
      firstName: 'Morgan',
      lastName: name,
      addressLine1: '7 Mill Lane',
      town: 'Whitstable',
      postcode: 'ct5 1ab',
      team: 'East Kent Fostering Team 1',
      interest: 'Mainstream fostering',
    });
    await openHouseholdFromRecruitment(hearth, name);
    await expect(page.locator('main')).toContainText('CT5 1AB');
    await expect(page.locator('main')).toContainText(`Morgan ${name}`);

    // The road in has its own journeys (recruitment.spec.ts, then panel.spec.ts): here, the
    // household's record while it is an enquiry.
    const householdUrl = page.url();

    // The approval terms proposed; approval itself only by the agency decision.
    await hearth.clickLink(/Change\s+approval terms/);
    await expect(hearth.heading).toHaveText('Approval terms');
    await page.getByLabel('Number of children').fill('2');
    await page.getByLabel('Youngest').fill('5');
    await page.getByLabel('Oldest').fill('15');
    await page.getByLabel('Sibling groups').check();
    await page.getByLabel('Level 2 (Skilled)').check();
    await hearth.submit('Save approval terms');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The approval terms have been saved');
    const main = page.locator('main');
    await expect(main).toContainText('Level 2 (Skilled)');

    // Approval is not a status change: only the agency decision, on the panel's recommendation.
    await hearth.clickLink('Change status');
    await expect(page.getByRole('radio', { name: /^Applicant/ })).toHaveCount(1);
    await expect(page.getByRole('radio', { name: /^Approved/ })).toHaveCount(0);

    // A status change recorded in error: re-dated, then undone, each with why.
    await page.getByRole('radio', { name: /^Applicant/ }).check();
    await fillDate(page, 'Date of the change', londonDay());
    await hearth.submit('Change status');
    await expect(main).toContainText('Applicant');
    // (The enquiry was made today, so the only day the change can have is the one it has.)
    await hearth.clickLink('Change the date of the latest status change');
    await fillDate(page, 'The date it should have', londonDay());
    await page.getByLabel('Why is the date being changed?').fill('The application came in today');
    await hearth.submit('Change the date');
    await expect(page.locator('.govuk-error-summary')).toContainText(
      `The change is already dated ${dayInWords(londonDay())}: enter the date it should have`,
    );
    await expect(page.getByLabel('Why is the date being changed?')).toHaveValue('The application came in today');
    await hearth.goto(householdUrl);
    await hearth.clickLink('Undo the latest status change');
    await page.getByLabel('Why is the status change being undone?').fill('They have not applied yet');
    await hearth.submit('Undo the status change');
    await expect(page.locator('.govuk-notification-banner')).toBeVisible();
    await expect(main).toContainText('Enquiry');
    await hearth.signOut();

    // The team manager allocates the supervising social worker.
    await hearth.signInAs('manager', householdUrl);
    await hearth.clickLink(/Change\s+allocation/);
    await expect(hearth.heading).toHaveText('Allocate');
    await page
      .getByLabel('Supervising social worker')
      .selectOption({ label: 'Sam Sutherland (East Kent Fostering Team 1)' });
    await page.getByLabel('Mentor (optional)').fill('Pat Experienced');
    await hearth.submit('Save allocation');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The allocation has been saved');
    await expect(main).toContainText('Sam Sutherland');
    await hearth.clickLink('Who has seen or changed this record');
    await expect(page.locator('main')).toContainText('Changed the allocation of the household record');
    await hearth.signOut();

    // The social worker finds it on their caseload.
    await hearth.signInAs('ssw');
    await hearth.openArea('Households');
    await page.getByLabel('Allocated worker').selectOption({ label: 'My caseload' });
    await page.getByLabel('Name, reference or postcode').fill(name);
    await hearth.submit('Apply filters');
    await expect(page.locator('main')).toContainText('Showing 1 to 1 of 1 household');
    await hearth.clickLink(name);
    await expect(hearth.heading).toContainText(name);
    await hearth.clickLink('Carer profile for children');
    await expect(hearth.heading).toHaveText(`Meet the ${name} household`);
    await hearth.signOut();
  });

  test('the team manager adds a household member, a check, the profile and its photo', async ({ hearth }) => {
    const page = hearth.page;
    const name = uniqueName('Varga');

    // The old address of the enquiry form leads to the one form; a manager records in their own team.
    await hearth.signInAs('manager', '/households/new');
    await expect(hearth.heading).toHaveText('Record an enquiry');
    await saveEnquiry(hearth, {
      firstName: 'Noor',
      lastName: name,
      addressLine1: '2 Station Road',
      town: 'Dover',
      postcode: 'CT16 1AA',
      interest: 'Mainstream fostering',
    });
    await openHouseholdFromRecruitment(hearth, name);

    await hearth.clickLink('Add a household member');
    await page.getByLabel('First name').fill('Sami');
    await page.getByLabel('Last name').fill('Varga');
    // Ten years and a month ago: 10 years old whatever the day (a fixed 4 June made them 9 from January to June).
    await fillDate(page, 'Date of birth (optional)', londonDay(-30, -10));
    await page.getByLabel('Birth child').check();
    await hearth.submit('Add household member');
    await expect(page.locator('main')).toContainText('Sami Varga');

    // A lodger who came to live there two months ago, then left: a former member, kept on the record.
    await hearth.clickLink('Add a household member');
    await page.getByLabel('First name').fill('Lior');
    await page.getByLabel('Last name').fill('Brandt');
    await page.getByLabel('Lodger').check();
    await fillDate(page, 'Date they moved in (optional)', londonDay(-60));
    await hearth.submit('Add household member');
    await expect(page.locator('main')).toContainText(`Moved in ${dayInWords(londonDay(-60))}`);
    await hearth.clickLink('Change Lior Brandt');
    await fillDate(page, 'Date they left the household (optional)', londonDay(1));
    await hearth.submit('Save changes');
    await expect(page.locator('.govuk-error-summary')).toContainText('Date they left must be today or in the past');
    await fillDate(page, 'Date they left the household (optional)', londonDay(-2));
    await hearth.submit('Save changes');
    const former = page.getByRole('table', { name: 'Former household members' });
    await expect(former).toContainText('Lior Brandt');
    await expect(former).toContainText(`Left ${dayInWords(londonDay(-2))}`);
    await expect(page.getByRole('table', { name: 'Other household members' })).not.toContainText('Lior Brandt');

    await hearth.clickLink('Record a check');
    await page.getByLabel('Whose check is it').selectOption({ label: `Noor ${name} (carer)` });
    await page.getByLabel('DBS check').check();
    await fillDate(page, 'Date completed', londonDay());
    await hearth.submit('Record check');
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the expiry date');
    await expect(page.locator('.govuk-error-summary')).toContainText('Select whether the outcome was satisfactory');
    await fillDate(page, 'Expiry date', londonDay(0, 3));
    await page.getByRole('group', { name: 'Was the outcome satisfactory?' }).getByLabel('Yes').check();
    await hearth.submit('Record check');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The check has been recorded');
    // Recorded with the wrong expiry: corrected from the household page.
    await hearth.clickLink(new RegExp(`^Change .*DBS check of Noor ${name}`));
    await expect(hearth.heading).toHaveText('Change a check');
    await fillDate(page, 'Expiry date', londonDay(0, 2));
    await hearth.submit('Save changes');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The check has been corrected');

    await hearth.clickLink('Carer profile for children');
    await hearth.clickLink('Change the profile');
    await page.getByLabel('What we like doing').fill('Baking, football in the park and film nights.');
    await page.getByLabel('Pets').fill('A dog called Pepper');
    await hearth.submit('Save profile');
    await expect(page.locator('main')).toContainText('A dog called Pepper');
    await expect(page.locator('main')).toContainText('Sami (10 years old)');

    // A file that is not a picture is refused on the form; a real PNG is accepted.
    await hearth.clickLink('Upload a photo');
    await page.getByLabel('Photo of the household').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('just text, not a picture'),
    });
    await hearth.submit('Upload photo');
    await expect(page.locator('.govuk-error-summary')).toContainText('must be a JPEG, PNG or WebP image');
    await page
      .getByLabel('Photo of the household')
      .setInputFiles({ name: 'us.png', mimeType: 'image/png', buffer: smallPng() });
    await hearth.submit('Upload photo');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The photo has been uploaded');
    await expect(page.getByRole('img', { name: `Photo of the ${name} household` })).toBeVisible();
    const pdf = await page.request.get(`${new URL(page.url()).pathname}.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await hearth.signOut();
  });

  test('the carers tell us of a change in their household, and the team manager deals with it', async ({ hearth }) => {
    const page = hearth.page;
    await hearth.signInAs('carer', '/portal');
    await hearth.clickLink('Tell us about a change in your household');
    await expect(hearth.heading).toHaveText('Tell us about a change in your household');
    await page.getByLabel('Someone has come, or is coming, to live with us').check();
    await page.getByLabel('Tell us more').fill('Our nephew, born 2 March 2004, while he is at college nearby');
    await hearth.submit('Tell us');
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'Enter the name of the person coming to live with you',
    );
    await expect(page.getByLabel('Tell us more')).toHaveValue(
      'Our nephew, born 2 March 2004, while he is at college nearby',
    );
    await page.getByLabel('Their name').fill('Ashley Newby');
    await fillDate(page, 'When did it happen', londonDay(7));
    await hearth.submit('Tell us');
    await expect(page.locator('.govuk-notification-banner')).toContainText('Thank you for telling us');
    await expect(page.locator('main')).toContainText(
      `Ashley Newby coming to live in the household on ${dayInWords(londonDay(7))}`,
    );
    await hearth.signOut();

    // The team manager finds it in My work and marks it dealt with on the household's page.
    await hearth.signInAs('manager', '/my-work?rule=households.change-notice&within=91');
    const row = page.locator('table tbody tr').filter({ hasText: 'Ashley Newby coming to live in the household' });
    await expect(row).toContainText('A change the carers told us about');
    const record = row.locator('td').nth(1).getByRole('link');
    await hearth.clickLink((await record.innerText()).trim(), { within: row });
    await expect(page.locator('#changes-told')).toHaveText('Changes the carers told us about');
    await expect(page.locator('main')).toContainText('Our nephew, born 2 March 2004');
    await hearth.submit(/^Mark as dealt with/);
    await expect(page.locator('.govuk-notification-banner')).toContainText(
      'The change the carers told us about is marked as dealt with',
    );
    await expect(page.locator('main')).toContainText('Dealt with on');
    await hearth.signOut();
  });
});

/**
 * A carer's own account for the carer portal: an administrator adds it, the manager links it to the
 * carer from the household's page, the carer signs in and sees their household; when the carer is
 * recorded as having left the household, the account sees it no more.
 */
test.describe('a carer’s account for the carer portal', () => {
  test.setTimeout(120_000);

  test('is added by an administrator, given the household by the manager, and ends when the carer leaves', async ({
    hearth,
  }) => {
    const page = hearth.page;
    const name = uniqueName('Morrow');
    const username = uniqueName('casey').toLowerCase();
    const carer = `Casey ${name}`;
    const password = `lantern orchard ${username}`;

    // The household, at enquiry, with a second carer.
    await hearth.signInAs('manager', '/households/new');
    await saveEnquiry(hearth, {
      firstName: 'Dana',
      lastName: name,
      addressLine1: '4 Mill Lane',
      town: 'Deal',
      postcode: 'CT14 6AA',
      interest: 'Mainstream fostering',
    });
    await openHouseholdFromRecruitment(hearth, name);
    const householdUrl = new URL(page.url()).pathname;
    await hearth.clickLink('Add a carer');
    await page.getByLabel('First name').fill('Casey');
    await page.getByLabel('Last name').fill(name);
    await hearth.submit('Add carer');
    await expect(page.getByRole('table', { name: 'Carers' })).toContainText('No account');

    // An administrator adds Casey's account.
    await hearth.signInAs('admin', '/admin/users/new');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Full name').fill(carer);
    await page.getByLabel('Role').selectOption({ label: 'Foster carer' });
    await hearth.submit('Add user');
    const temporary = (await page.locator('#temporary-password').textContent())?.trim() ?? '';

    // The manager gives it the household, from Casey's row.
    await hearth.signInAs('manager', householdUrl);
    await hearth.clickLink(`Give access to the carer portal for ${carer}`);
    await expect(hearth.heading).toHaveText(`Carer portal: ${carer}`);
    await hearth.submit('Give access to the carer portal');
    await expect(page.locator('.govuk-error-summary')).toContainText('Select the carer’s account from the list');
    await page.getByLabel(carer, { exact: true }).check();
    await hearth.submit('Give access to the carer portal');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The carer can now sign in');
    await expect(page.getByRole('table', { name: 'Carers' })).toContainText(`${carer}’s account`);

    // Casey signs in, chooses a password, and sees the household's portal.
    await hearth.signOut();
    await hearth.signIn(username, temporary);
    await expect(hearth.heading).toHaveText('Change your password');
    await page.getByLabel('Current password').fill(temporary);
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Confirm new password').fill(password);
    await hearth.submit('Change password');
    await hearth.goto('/portal');
    await expect(hearth.heading).toHaveText('Your household');
    await expect(page.locator('main')).not.toContainText('not linked to a household');
    await expect(page.getByRole('link', { name: 'Tell us about a change in your household' })).toBeVisible();

    // Casey leaves the household: a former carer, and the account's access ends.
    await hearth.signInAs('manager', householdUrl);
    await hearth.clickLink(`Change ${carer}`);
    await fillDate(page, 'Date they left the household (optional)', londonDay(-1));
    await hearth.submit('Save changes');
    await expect(page.locator('.govuk-notification-banner')).toContainText('The carer is now a former carer');
    const former = page.getByRole('table', { name: 'Former carers' });
    await expect(former).toContainText(carer);
    await expect(former).toContainText(`Left ${dayInWords(londonDay(-1))}`);
    await expect(page.getByRole('table', { name: 'Carers', exact: true })).not.toContainText(carer);

    await hearth.signOut();
    await hearth.signIn(username, password);
    await hearth.goto('/portal');
    await expect(page.locator('main')).toContainText('Your account is not linked to a household');
  });
});
