/**
 * A carer joins a household already approved (a new partner): the day they joined, on the carer's
 * form (a day to come, or before their birth, refused with what was typed kept); the household's
 * page says when; the household changed, so its safer-care plan is agreed again within 10 working
 * days, and the plan's page says why; their TSD standards and first PDP count from that day. A carer
 * given no such day (one who applied with the
 * household) changes nothing. The kept deadlines match a rebuild throughout.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectDueItemsInStep } from '../../../test/support/due.ts';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold, makeSaferCarePlan } from '../../../test/support/households.ts';
import { addDays, addMonths, addWorkingDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { carers } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();

const planDue = async (householdId: string) =>
  (
    await t.database.db
      .select({ dueOn: dueItems.dueOn })
      .from(dueItems)
      .where(and(eq(dueItems.recordId, householdId), eq(dueItems.ruleId, 'safer-care.plan-agreed')))
  ).map((r) => r.dueOn);

const newCarer = (extra: Record<string, string>) => ({
  firstName: 'Robin',
  lastName: 'Newpartner',
  ...dateBoxes('dateOfBirth', '1988-04-02'),
  email: '',
  phone: '',
  ...extra,
});

describe('a carer joining an approved household', () => {
  it('makes the safer-care plan due again within 10 working days of the day they joined', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Joining', allocatedSswUsername: 'ssw' });
    await makeCarer(db, household.id, { firstName: 'Jo', lastName: 'Joining' });
    // The plan was agreed 60 days ago: next due in about 10 months.
    await makeSaferCarePlan(db, household.id, 60);
    expect(await planDue(household.id)).toEqual([addDays(today, 305)]);

    const ssw = await signedIn(t.app, 'ssw');
    const form = await ssw.get(`/households/${household.id}/carers/new`);
    expect(form.body).toContain('Date they joined the household (optional)');
    const future = await ssw.post(
      `/households/${household.id}/carers/new`,
      newCarer(dateBoxes('joinedOn', addDays(today, 3))),
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date they joined the household must be today or in the past');
    expect(future.body).toContain('value="Newpartner"');
    const beforeBirth = await ssw.post(
      `/households/${household.id}/carers/new`,
      newCarer(dateBoxes('joinedOn', '1980-01-01')),
    );
    expect(beforeBirth.statusCode).toBe(400);
    expect(beforeBirth.body).toContain('Date they joined the household must be on or after their date of birth');

    const joinedOn = addDays(today, -6);
    const added = await ssw.post(`/households/${household.id}/carers/new`, newCarer(dateBoxes('joinedOn', joinedOn)));
    expect(added.statusCode).toBe(303);
    const page = await ssw.get(`/households/${household.id}`);
    expect(page.body).toContain(`Joined ${formatDate(joinedOn)}`);
    expect(await planDue(household.id)).toEqual([addWorkingDays(joinedOn, 10)]);
    const plan = await ssw.get(`/households/${household.id}/safer-care`);
    expect(plan.body).toContain(`${formatDate(joinedOn)}: Robin Newpartner (carer) came to live in the household`);
    // Their training counts from the day they joined, not from the household's approval a year ago.
    const [robin] = await db.select({ id: carers.id }).from(carers).where(eq(carers.lastName, 'Newpartner'));
    const owed = await db
      .select({ ruleId: dueItems.ruleId, dueOn: dueItems.dueOn })
      .from(dueItems)
      .where(and(eq(dueItems.recordId, robin!.id), inArray(dueItems.ruleId, ['training.tsd', 'training.pdp-review'])));
    expect(owed.sort((a, b) => a.ruleId.localeCompare(b.ruleId))).toEqual([
      { ruleId: 'training.pdp-review', dueOn: addDays(joinedOn, 42) },
      { ruleId: 'training.tsd', dueOn: addMonths(joinedOn, 12) },
    ]);
    await expectDueItemsInStep(db);
  });

  it('changes nothing for a carer recorded with no day of joining', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Alongside', allocatedSswUsername: 'ssw' });
    await makeSaferCarePlan(db, household.id, 60);
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.post(`/households/${household.id}/carers/new`, newCarer({}))).statusCode).toBe(303);
    expect(await planDue(household.id)).toEqual([addDays(today, 305)]);
    await expectDueItemsInStep(db);
  });
});
