/**
 * The fostering panel's way to approval, through its pages, for the journeys that need a newly
 * approved household (its assessment completed through the recruitment pages first, see
 * `householdInAssessment`): the panel adviser adds today's meeting with the demo's central list sitting,
 * puts the households whose assessment is complete on the agenda with their terms, and uploads each one's paper;
 * the team manager quality-assures it; the adviser publishes it and records the recommendation;
 * the chair (the demo's `panel` user) signs the minutes; the agency decision maker decides. Every
 * page is checked with axe by the hearth fixture.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import type { Hearth } from './fixtures.ts';

/** A made-up one-page PDF paper. */
export const paperPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Today in Europe/London as a person types it. */
export function todayParts() {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: part('day'), month: part('month'), year: part('year') };
}

export async function fillToday(page: Page, legend: string) {
  const date = todayParts();
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(date.day);
  await group.getByLabel('Month').fill(date.month);
  await group.getByLabel('Year').fill(date.year);
}

export interface PanelHousehold {
  name: string;
  places: string;
  youngest: string;
  oldest: string;
}

/** The adviser: today's meeting, everyone on the list sitting; returns the meeting page's path. */
export async function quorateMeetingToday(hearth: Hearth): Promise<string> {
  const page = hearth.page;
  await hearth.openArea('Panel');
  await hearth.clickLink('Add a panel meeting');
  await expect(hearth.heading).toHaveText('Add a panel meeting');
  await fillToday(page, 'Date of the meeting');
  await page.getByLabel('Where').fill('County Hall, Committee Room 1');
  await hearth.submit('Add the meeting');
  await expect(hearth.heading).toContainText('Panel meeting');
  const attendance = page.getByRole('group', { name: 'Who sits on this meeting' });
  for (const box of await attendance.getByRole('checkbox').all()) await box.check();
  await hearth.submit('Save attendance');
  await expect(page.locator('main')).toContainText('Quorate');
  return new URL(page.url()).pathname;
}

/** The adviser puts a household in assessment on the agenda for approval and uploads its paper. */
export async function proposeForApproval(hearth: Hearth, household: PanelHousehold): Promise<void> {
  const page = hearth.page;
  await hearth.clickLink('Add an item to the agenda');
  await page.getByLabel('Approval', { exact: true }).check();
  await hearth.submit('Show who is due');
  await page.getByLabel(new RegExp(household.name)).check();
  await page.getByLabel('Number of children').fill(household.places);
  await page.getByLabel('Youngest age').fill(household.youngest);
  await page.getByLabel('Oldest age').fill(household.oldest);
  await hearth.submit('Add to the agenda');
  await hearth.clickLink(`Upload a paper for ${household.name}`);
  await expect(hearth.heading).toHaveText('Upload a paper');
  await page.getByLabel('Title').fill('Form F assessment report');
  await page
    .getByLabel('The paper')
    .setInputFiles({ name: 'form-f.pdf', mimeType: 'application/pdf', buffer: paperPdf });
  await hearth.submit('Upload');
  await expect(hearth.heading).toContainText('Panel meeting');
}

/** The team manager quality-assures every paper on the meeting page as ready for panel. */
export async function assureAll(hearth: Hearth, meetingPath: string): Promise<void> {
  await hearth.goto(meetingPath);
  const page = hearth.page;
  // The papers not yet quality-assured, each with its form (a form stays until the paper is published).
  const forms = page.locator('li', { hasText: 'not yet quality-assured' }).locator('form');
  while ((await forms.count()) > 0) {
    const form = forms.first();
    await form.getByLabel('Ready for panel').check();
    await hearth.submit('Record the quality assurance', { within: form });
  }
}

/** The adviser records the panel's recommendation to approve a household, as proposed. */
export async function recommendApproval(hearth: Hearth, name: string, votes: string): Promise<void> {
  const page = hearth.page;
  await hearth.clickLink(`Record the recommendation for ${name}`);
  await expect(hearth.heading).toHaveText('Record the panel’s recommendation');
  await page.getByLabel('Approve (as proposed)').check();
  await page.getByLabel('Reasons').fill('A thorough assessment; the applicants’ support network is strong.');
  await page.getByLabel('Votes for').fill(votes);
  await page.getByLabel('Votes against').fill('0');
  await page.getByLabel('Abstaining').fill('0');
  await hearth.submit('Save the recommendation');
  await expect(page.locator('main')).toContainText('Approve (as proposed)');
}

/** The chair signs the minutes of the meeting. */
export async function signMinutes(hearth: Hearth, meetingPath: string): Promise<void> {
  await hearth.goto(meetingPath);
  await hearth.page.getByLabel('Minutes').fill('The panel recommended approval; reasons as recorded.');
  await hearth.submit('Sign the minutes');
  await expect(hearth.page.locator('main')).toContainText('Signed by the chair');
}

/** The decision maker agrees with the recommendation on a household, from their queue. */
export async function decideToApprove(hearth: Hearth, name: string): Promise<void> {
  const page = hearth.page;
  await hearth.goto('/panel/decisions');
  await hearth.clickLink(new RegExp(name));
  await expect(hearth.heading).toHaveText('Agency decision');
  await page.getByLabel('Yes, I agree').check();
  await page.getByLabel('Reasons for your decision').fill('I agree with the panel and its reasons.');
  await fillToday(page, 'Date of the decision');
  await hearth.submit('Record the decision');
  await expect(page.locator('main')).toContainText('Approved on');
}

/**
 * Households in assessment approved through the whole panel, on one meeting's agenda; `assurer`
 * is a team manager of their team (or the head of fostering).
 */
export async function approveThroughPanel(
  hearth: Hearth,
  households: PanelHousehold[],
  assurer = 'manager',
): Promise<void> {
  await hearth.signInAs('adviser');
  const meeting = await quorateMeetingToday(hearth);
  for (const h of households) {
    await hearth.goto(meeting);
    await proposeForApproval(hearth, h);
  }
  await hearth.signOut();
  await hearth.signInAs(assurer);
  await assureAll(hearth, meeting);
  await hearth.signOut();
  await hearth.signInAs('adviser', meeting);
  await hearth.submit('Publish the quality-assured papers');
  for (const h of households) await recommendApproval(hearth, h.name, '8');
  await hearth.signOut();
  await hearth.signInAs('panel');
  await signMinutes(hearth, meeting);
  await hearth.signOut();
  await hearth.signInAs('decider');
  for (const h of households) await decideToApprove(hearth, h.name);
  await hearth.signOut();
}

/** Fills a GOV.UK date input (found by its legend) with the day `daysAgo` days before today. */
async function fillDaysAgo(page: Page, legend: string, daysAgo: number) {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(date.getDate()));
  await group.getByLabel('Month').fill(String(date.getMonth() + 1));
  await group.getByLabel('Year').fill(String(date.getFullYear()));
}

/**
 * A new East Kent Fostering Team 1 household (the carer Robin `name`) taken through the road in to
 * a complete assessment, so the panel is offered it for approval: the recruitment coordinator
 * records the enquiry and the application and starts the assessment; the assessing social worker
 * records every stage 1 check and the assessment complete (signed out at the end).
 */
export async function householdInAssessment(hearth: Hearth, name: string, postcode: string): Promise<void> {
  const page = hearth.page;
  await hearth.signInAs('recruitment', '/recruitment/enquiries/new');
  await fillDaysAgo(page, 'Date of the enquiry', 10);
  await page.getByLabel('First name', { exact: true }).fill('Robin');
  await page.getByLabel('Last name', { exact: true }).fill(name);
  await page.getByLabel('Address line 1', { exact: true }).fill('3 Orchard Row');
  await page.getByLabel('Town or city').fill('Canterbury');
  await page.getByLabel('Postcode').fill(postcode);
  await page.getByLabel('Team nearest to them (sets the area)').selectOption({ label: 'East Kent Fostering Team 1' });
  await page.getByLabel('Social media').check();
  await page.getByLabel('Teenagers').check();
  await hearth.submit('Save');
  await expect(hearth.heading).toHaveText('Recruitment and assessment');
  await assessToCompletion(hearth, `Robin ${name}`);
}

/**
 * From the household's "Recruitment and assessment" page, signed in as the recruitment coordinator:
 * the application, the assessment started with its assessing social worker, then (as the assessing
 * social worker) every stage 1 check of the carer `carer` and the assessment complete (signed out at the end).
 */
async function assessToCompletion(hearth: Hearth, carer: string): Promise<void> {
  const daysAgo = { applied: 8, started: 7, checked: 5 };
  const page = hearth.page;
  await hearth.clickLink('Record the application received');
  await fillDaysAgo(page, 'Date the application was received', daysAgo.applied);
  await hearth.submit('Save');
  await hearth.clickLink('Start the assessment (Form F)');
  await fillDaysAgo(page, 'Date the assessment started', daysAgo.started);
  await page.getByLabel('Assessing social worker').selectOption({ label: 'Amira Hussain' });
  await page
    .getByRole('group', { name: /employer/ })
    .getByLabel('No')
    .check();
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('Assessment started');
  const path = new URL(page.url()).pathname;
  await hearth.signOut();

  await hearth.signInAs('assessor', path);
  const checks: [string, boolean][] = [
    ['Enhanced DBS check', true],
    ['Local authority checks', true],
    ['Medical', true],
    ['Personal reference', false],
    ['Personal reference', false],
    ['Health and safety check of the home', false],
    ['Pets assessment', false],
  ];
  for (const [kind, person] of checks) {
    await hearth.clickLink('Record a stage 1 check');
    await page.getByLabel(kind, { exact: true }).check();
    if (person) await page.getByLabel('Of whom').selectOption({ label: carer });
    await fillDaysAgo(page, 'Date of the check', daysAgo.checked);
    await page.getByRole('group', { name: 'Was the outcome satisfactory?' }).getByLabel('Yes').check();
    await hearth.submit('Save');
    await expect(page.locator('.govuk-notification-banner')).toContainText('Check recorded');
  }
  await hearth.clickLink('Record the assessment complete');
  await fillDaysAgo(page, 'Date the assessment was completed', 0);
  await hearth.submit('Save');
  await expect(page.locator('.govuk-notification-banner')).toContainText('ready for the panel');
  await hearth.signOut();
}
