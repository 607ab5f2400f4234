/**
 * The fostering panel in the browser: a quorate meeting, a paper refused for its type and then
 * uploaded, quality-assured and published, read by a panel member, the recommendation, the
 * chair's signature of the minutes and the agency decision that approves the household. Then a
 * skills level item: its evidence checklist beside what Hearth holds, and publishing its papers
 * with the evidence incomplete, confirmed. Every page is checked with axe. (Approving without a
 * decision is refused: panel.db.test.ts; the approved household matched with a child:
 * placements.spec.ts.)
 */
import { test, expect, uniqueName } from './support/fixtures.ts';
import {
  assureAll,
  householdInAssessment,
  decideToApprove,
  paperPdf,
  quorateMeetingToday,
  recommendApproval,
  signMinutes,
} from './support/panel.ts';

test('a household goes through a quorate panel to the agency decision that approves it', async ({ hearth }) => {
  test.setTimeout(240_000);
  const page = hearth.page;
  const main = page.locator('main');

  // A household in assessment; the panel adviser adds today's meeting with the central list sitting.
  const name = uniqueName('Marlowe');
  await householdInAssessment(hearth, name, 'CT1 2AA');
  await hearth.signInAs('adviser');
  const meeting = await quorateMeetingToday(hearth);
  await hearth.clickLink('Add an item to the agenda');
  await expect(hearth.heading).toHaveText('Add an item to the agenda');
  await page.getByLabel('Approval', { exact: true }).check();
  await hearth.submit('Show who is due');
  await page.getByLabel(new RegExp(name)).check();
  await page.getByLabel('Number of children').fill('2');
  await page.getByLabel('Youngest age').fill('3');
  await page.getByLabel('Oldest age').fill('12');
  await hearth.submit('Add to the agenda');
  await expect(main).toContainText(`Approval: ${name}`);
  await expect(main).toContainText('Terms proposed: 2 children aged 3 to 12');

  // A skills level item asks for the level proposed (the rest of its way: skills-level.db.test.ts).
  await hearth.clickLink('Add an item to the agenda');
  await page.getByLabel('Skills level 2 or 3').check();
  await hearth.submit('Show who is due');
  await expect(main).toContainText('Paid at level');
  // Every approved household may be due: the form finds one by name or reference.
  await page.getByLabel('Search by household name or reference').fill('Nobody by this name');
  await hearth.submit('Show who is due');
  await expect(main).toContainText('No household due for this kind of item matches “Nobody by this name”.');
  await page.getByLabel('Search by household name or reference').fill('');
  await hearth.submit('Show who is due');
  await page.getByRole('group', { name: 'Households due for this item' }).getByRole('radio').first().check();
  await hearth.submit('Add to the agenda');
  await expect(page.locator('.govuk-error-summary')).toContainText('Select the skills level proposed');
  await expect(page.getByRole('group', { name: 'Skills level proposed' })).toBeVisible();
  await hearth.goto(meeting);

  // A picture is not a paper: refused with the title kept; then the report as a PDF.
  await hearth.clickLink(`Upload a paper for ${name}`);
  await page.getByLabel('Title').fill('Form F assessment report');
  await page.getByLabel('The paper').setInputFiles({
    name: 'form-f.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('GIF89a not a report'),
  });
  await hearth.submit('Upload');
  await expect(page.locator('.govuk-error-summary')).toContainText('PDF or a Word');
  await expect(page.getByLabel('Title')).toHaveValue('Form F assessment report');
  await page
    .getByLabel('The paper')
    .setInputFiles({ name: 'form-f.pdf', mimeType: 'application/pdf', buffer: paperPdf });
  await hearth.submit('Upload');
  await expect(main).toContainText('not yet quality-assured');
  await hearth.signOut();

  // The household's team manager quality-assures it; the adviser publishes it.
  await hearth.signInAs('manager');
  await assureAll(hearth, meeting);
  await expect(main).toContainText('Quality-assured: ready for panel');
  await hearth.signOut();
  await hearth.signInAs('adviser', meeting);
  await hearth.submit('Publish the quality-assured papers');
  await expect(main).toContainText('published to members on');
  await hearth.signOut();

  // The chair, a member of this meeting, reads it on their papers page.
  await hearth.signInAs('panel');
  await hearth.openArea('Your papers');
  await expect(hearth.heading).toHaveText('Your panel papers');
  const row = page.locator('tr', { hasText: name });
  await expect(row).toContainText('Form F assessment report');
  const href = await row.getByRole('link', { name: 'Form F assessment report' }).getAttribute('href');
  const opened = await page.request.get(href!);
  expect(opened.status()).toBe(200);
  expect(opened.headers()['content-type']).toContain('application/pdf');
  await hearth.signOut();

  // The adviser records the recommendation; the chair signs the minutes.
  await hearth.signInAs('adviser', meeting);
  await recommendApproval(hearth, name, '8');
  await hearth.signOut();
  await hearth.signInAs('panel');
  await signMinutes(hearth, meeting);
  await hearth.signOut();

  // The decision maker finds it in their queue and agrees: the household is approved on the terms.
  await hearth.signInAs('decider');
  await hearth.openArea('Decisions');
  await expect(hearth.heading).toContainText('decision');
  await expect(main).toContainText(name);
  await decideToApprove(hearth, name);
  await expect(main).toContainText('They may make representations or apply to the Independent Review Mechanism');
  // A decision typed wrongly is put right on its form, filled in with what it says.
  await hearth.clickLink('Change the decision');
  await expect(page.getByLabel('Reasons for your decision')).toHaveValue('I agree with the panel and its reasons.');
  await expect(page.getByLabel('Why is this being changed?')).toBeEmpty();
  // One recorded in error is withdrawn, with why, before the applicant is told: the household goes
  // back to assessment and the recommendation back to the queue, where it is decided again.
  await hearth.clickLink('Cancel');
  await hearth.clickLink('Withdraw the decision (recorded in error)');
  await expect(hearth.heading).toHaveText('Withdraw the agency decision');
  await hearth.submit('Withdraw the decision');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter why the decision is being withdrawn');
  await page.getByLabel('Why is the decision being withdrawn?').fill('Recorded before the decision was made.');
  await hearth.submit('Withdraw the decision');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The decision has been withdrawn');
  await expect(page.getByRole('button', { name: 'Record the decision' })).toBeVisible();
  await decideToApprove(hearth, name);
  await hearth.signOut();

  await hearth.signInAs('manager', '/households');
  await page.getByLabel('Name, reference or postcode').fill(name);
  await hearth.submit('Apply filters');
  await hearth.clickLink(name);
  await expect(hearth.heading).toContainText('Approved');
  await expect(main).toContainText('2 (');
  await hearth.signOut();
});

test('a skills level’s evidence is checked beside the records, and its papers published incomplete only when confirmed', async ({
  hearth,
}) => {
  test.setTimeout(120_000);
  const page = hearth.page;
  const main = page.locator('main');

  // The adviser puts an approved household on today's agenda for level 2, with its paper.
  await hearth.signInAs('adviser');
  const meeting = await quorateMeetingToday(hearth);
  await hearth.clickLink('Add an item to the agenda');
  await page.getByLabel('Skills level 2 or 3').check();
  await hearth.submit('Show who is due');
  await page.getByRole('group', { name: 'Households due for this item' }).getByRole('radio').first().check();
  await page.getByLabel('Level 2 (Skilled)').check();
  await hearth.submit('Add to the agenda');
  await expect(main).toContainText('Skills level proposed: level 2 (skilled).');
  await expect(main).toContainText('0 of the 6 pieces of evidence the panel expects are confirmed.');
  await hearth.clickLink(/^Upload a paper for /);
  await page.getByLabel('Title').fill('Skills level report');
  await page
    .getByLabel('The paper')
    .setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: paperPdf });
  await hearth.submit('Upload');
  await expect(main).toContainText('not yet quality-assured');
  await hearth.signOut();

  // The head of fostering checks the evidence beside what the household's records hold, and
  // quality-assures the paper.
  await hearth.signInAs('head', meeting);
  await hearth.clickLink(/^Check the evidence for /);
  await expect(hearth.heading).toHaveText('Evidence for level 2 (skilled)');
  await expect(main).toContainText('what Hearth holds in the household’s records today');
  await expect(main).toContainText(/Last supervision visit: \d|No finalised supervision visit recorded/);
  await expect(main).toContainText(/Latest annual review: \d|No completed annual review recorded/);
  await expect(main).toContainText(/in the last 12 months|No carer is recorded/);
  await page.getByRole('checkbox', { name: /each competency of the level/ }).check();
  await page.getByRole('checkbox', { name: /training the level asks for/ }).check();
  await hearth.submit('Save');
  await expect(main).toContainText('2 of the 6 pieces of evidence the panel expects are confirmed.');
  await assureAll(hearth, meeting);
  await hearth.signOut();

  // Publishing asks again, refuses without the box ticked, and publishes with it.
  await hearth.signInAs('adviser', meeting);
  await hearth.submit('Publish the quality-assured papers');
  await expect(hearth.heading).toContainText('Panel meeting');
  const warning = page.locator('.govuk-warning-text');
  await expect(warning).toContainText('The evidence for the skills level is incomplete for');
  await expect(warning).toContainText('(2 of the 6 pieces confirmed)');
  await expect(main).toContainText('not published');
  await hearth.submit('Publish the quality-assured papers');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Select “Publish the papers with the evidence incomplete” to publish them now',
  );
  await page.getByLabel('Publish the papers with the evidence incomplete').check();
  await hearth.submit('Publish the quality-assured papers');
  await expect(page.locator('.govuk-notification-banner')).toContainText('published to the members');
  await expect(main).toContainText('published to members on');
  await hearth.signOut();
});
