import { expect, type Hearth } from './fixtures.ts';
import { fillDate, type DayMonthYear } from './dates.ts';

export interface NewChild {
  firstName: string;
  lastName: string;
  sex: 'Female' | 'Male';
  bornOn: DayMonthYear;
  lookedAfterSince: DayMonthYear;
  legalStatus?: string;
  /** For a user who allocates the child (not a children's social worker, who takes them on): area and worker. */
  area?: string;
  socialWorker?: string;
}

/** Adds a child of the journey's own through the Children area's form, so no demo record changes; ends on their page. */
export async function addChild(hearth: Hearth, child: NewChild): Promise<void> {
  const page = hearth.page;
  await hearth.openArea('Children');
  await hearth.submit('Add a child');
  await page.getByLabel('First name').fill(child.firstName);
  await page.getByLabel('Last name', { exact: true }).fill(child.lastName);
  await fillDate(page, 'Date of birth', child.bornOn);
  await page.getByLabel(child.sex, { exact: true }).check();
  await page.getByLabel('Legal status').selectOption({ label: child.legalStatus ?? 'Care order (section 31)' });
  await fillDate(page, 'Date became looked after', child.lookedAfterSince);
  if (child.area) await page.getByLabel('Area').selectOption({ label: child.area });
  if (child.socialWorker) {
    await page.getByLabel('Allocated children’s social worker').selectOption({ label: child.socialWorker });
  }
  await hearth.submit('Add child');
  await expect(hearth.heading).toContainText(`${child.firstName} ${child.lastName}`);
}
