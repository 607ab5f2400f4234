/**
 * The enquiry form (the recruitment module's, which the households list leads to): fills what a
 * journey needs, dated today, and saves it. The household is named after the person enquiring.
 */
import { expect } from '@playwright/test';
import type { Hearth } from './fixtures.ts';

export interface Enquiry {
  firstName: string;
  lastName: string;
  addressLine1: string;
  town: string;
  postcode: string;
  /** The team nearest to them, when the form offers more than one. */
  team?: string;
  interest: string;
}

/** Fills the open enquiry form and saves it: the household's recruitment page follows. */
export async function saveEnquiry(hearth: Hearth, enquiry: Enquiry): Promise<void> {
  const page = hearth.page;
  await page.getByLabel('First name', { exact: true }).fill(enquiry.firstName);
  await page.getByLabel('Last name', { exact: true }).fill(enquiry.lastName);
  await page.getByLabel('Address line 1', { exact: true }).fill(enquiry.addressLine1);
  await page.getByLabel('Town or city').fill(enquiry.town);
  await page.getByLabel('Postcode').fill(enquiry.postcode);
  if (enquiry.team) {
    await page.getByLabel('Team nearest to them (sets the area)').selectOption({ label: enquiry.team });
  }
  await page.getByLabel('Website').check();
  await page.getByLabel(enquiry.interest, { exact: true }).check();
  await hearth.submit('Save');
  await expect(hearth.heading).toHaveText('Recruitment and assessment');
  await expect(page.locator('.govuk-notification-banner')).toContainText('The enquiry has been recorded');
}

/** From the household's recruitment page to the household's own page, by its breadcrumb. */
export async function openHouseholdFromRecruitment(hearth: Hearth, name: string): Promise<void> {
  await hearth.clickLink(name, { within: hearth.page.locator('.govuk-breadcrumbs'), exact: true });
  await expect(hearth.heading).toContainText(name);
}
