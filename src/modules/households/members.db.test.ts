/**
 * The people who live in a household come and go: a member's day of moving in and of leaving, on
 * the form (bad dates refused, nothing typed lost) and the household's page (a former member kept
 * on the record); the DBS check each adult member owes (at 18, or on moving in) and the renewals a
 * former member no longer owes; the safer-care plan due again when someone leaves; the search and
 * the check form naming a former member as such. The kept deadlines match a rebuild throughout.
 */
import { expectDueItemsInStep } from '../../../test/support/due.ts';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCheck, makeHousehold, makeSaferCarePlan, makeMember } from '../../../test/support/households.ts';
import { addDays, addWorkingDays, addYears, birthdayOn, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { householdMembers } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();

const itemsOf = async (householdId: string, ruleId: string) =>
  t.database.db
    .select({ dueOn: dueItems.dueOn, detail: dueItems.detail, shownFrom: dueItems.shownFrom })
    .from(dueItems)
    .where(and(eq(dueItems.recordId, householdId), eq(dueItems.ruleId, ruleId)));

const expectInStep = () => expectDueItemsInStep(t.database.db);

const ADULT_DBS = 'households.adult-member-dbs-check';

const aLodger = (more: Record<string, unknown> = {}) => ({
  firstName: 'Rowan',
  lastName: 'Memberley',
  relationship: 'lodger',
  ...dateBoxes('dateOfBirth', '1990-04-02'),
  ...more,
});

describe('a household’s members coming and going', () => {
  it('records the day someone moved in, refusing dates out of order or to come, and owes their DBS check from then until one is recorded', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const path = `/households/${household.id}/members/new`;
    const form = await ssw.get(path);
    expect(form.body).toContain('Date they moved in (optional)');
    // Leaving is for someone already on the record.
    expect(form.body).not.toContain('Date they left the household');

    const beforeBirth = await ssw.post(path, aLodger(dateBoxes('movedInOn', '1989-12-31')));
    expect(beforeBirth.statusCode).toBe(400);
    expect(beforeBirth.body).toContain('Date they moved in must be on or after their date of birth');
    expect(beforeBirth.body).toContain('value="Memberley"');
    expect(beforeBirth.body).toContain('value="1989"');
    const toCome = await ssw.post(path, aLodger(dateBoxes('movedInOn', addDays(today, 1))));
    expect(toCome.statusCode).toBe(400);
    expect(toCome.body).toContain('Date they moved in must be today or in the past');
    expect(await db.select().from(householdMembers).where(eq(householdMembers.householdId, household.id))).toEqual([]);

    const movedIn = addDays(today, -40);
    const saved = await ssw.post(path, aLodger(dateBoxes('movedInOn', movedIn)));
    expect(saved.statusCode).toBe(303);
    const page = await ssw.get(`/households/${household.id}`);
    expect(page.body).toContain('Rowan Memberley');
    expect(page.body).toContain(`Moved in ${formatDate(movedIn)}`);
    expect(page.body).not.toContain('Former household members');
    // An adult living in an approved household with no DBS check on record: owed from the day they moved in.
    expect(await itemsOf(household.id, ADULT_DBS)).toEqual([
      { dueOn: movedIn, detail: 'DBS check of Rowan Memberley (adult household member)', shownFrom: '2007-04-02' },
    ]);
    await expectInStep();

    const [rowan] = await db.select().from(householdMembers).where(eq(householdMembers.householdId, household.id));
    expect(rowan).toMatchObject({ movedInOn: movedIn, leftOn: null });
    const check = await ssw.post(`/households/${household.id}/checks/new`, {
      person: `member:${rowan!.id}`,
      kind: 'dbs',
      ...dateBoxes('completedOn', addDays(today, -3)),
      ...dateBoxes('expiresOn', addYears(addDays(today, -3), 3)),
      satisfactory: 'yes',
    });
    expect(check.statusCode).toBe(303);
    expect(await itemsOf(household.id, ADULT_DBS)).toEqual([]);
    expect(await itemsOf(household.id, 'households.dbs-check-renewal')).toMatchObject([
      { dueOn: addYears(addDays(today, -3), 3), detail: 'DBS check of Rowan Memberley (household member)' },
    ]);
    await expectInStep();
  });

  it('owes a birth child’s DBS check on their 18th birthday, shown from their 17th, and none for a child whose age is not known', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    // Turns 18 in 20 days.
    const born = addDays(addYears(today, -18), 20);
    await makeMember(db, household.id, { firstName: 'Ellis', dateOfBirth: born });
    await makeMember(db, household.id, { firstName: 'Noor', dateOfBirth: null });
    await makeMember(db, household.id, { firstName: 'Young', dateOfBirth: addYears(today, -9) });
    // A grandparent whose age is not recorded is an adult all the same.
    await makeMember(db, household.id, {
      firstName: 'Grand',
      dateOfBirth: null,
      relationship: 'grandparent',
      movedInOn: addDays(today, -10),
    });
    await refreshDueItems(db, 'household', [household.id]);
    const items = await itemsOf(household.id, ADULT_DBS);
    expect(items.map((i) => i.detail).sort()).toEqual([
      'DBS check of Ellis Testfamily (household member) at 18',
      'DBS check of Grand Testfamily (adult household member)',
      'DBS check of Young Testfamily (household member) at 18',
    ]);
    expect(items.find((i) => i.detail!.startsWith('DBS check of Ellis'))).toMatchObject({
      dueOn: birthdayOn(born, 18),
      shownFrom: birthdayOn(born, 17),
    });
    // The nine-year-old's is kept, not shown before their 17th birthday (its `shownFrom` above); My work's
    // next 4 weeks have Ellis's and the grandparent's.
    const ssw = await signedIn(t.app, 'ssw');
    const work = await ssw.get('/my-work');
    expect(work.body).toContain('DBS check of Ellis Testfamily (household member) at 18');
    expect(work.body).toContain('DBS check of Grand Testfamily (adult household member)');
    expect(work.body).not.toContain('DBS check of Young Testfamily');
    await expectInStep();
  });

  it('keeps someone who left as a former member: their renewals end, the safer-care plan is due again, and search and the check form say so', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const member = await makeMember(db, household.id, {
      firstName: 'Jude',
      lastName: 'Leaverton',
      relationship: 'adult_child',
      dateOfBirth: '2001-05-20',
      // Recorded today, living there for years: no change of the household since its plan.
      movedInOn: '2019-09-01',
    });
    await makeCheck(db, household.id, {
      memberId: member.id,
      kind: 'dbs',
      completedOn: addDays(today, -1000),
      expiresOn: addDays(today, 60),
    });
    await makeSaferCarePlan(db, household.id);
    await refreshDueItems(db, 'household', [household.id]);
    expect(await itemsOf(household.id, 'households.dbs-check-renewal')).toHaveLength(1);
    expect(await itemsOf(household.id, 'safer-care.plan-agreed')).toMatchObject([{ dueOn: addDays(today, 165) }]);

    const ssw = await signedIn(t.app, 'ssw');
    const edit = `/households/${household.id}/members/${member.id}/edit`;
    expect((await ssw.get(`/households/${household.id}/profile`)).body).toContain('Also living here: Jude');
    const form = await ssw.get(edit);
    expect(form.body).toContain('Date they left the household (optional)');
    // The form comes filled in with what is recorded, the day they moved in too.
    expect(form.body).toContain('name="movedInOn-year" type="text" value="2019"');
    const values = {
      firstName: 'Jude',
      lastName: 'Leaverton',
      relationship: 'adult_child',
      ...dateBoxes('dateOfBirth', '2001-05-20'),
      ...dateBoxes('movedInOn', '2019-09-01'),
    };
    const outOfOrder = await ssw.post(edit, {
      ...values,
      ...dateBoxes('movedInOn', addDays(today, -50)),
      ...dateBoxes('leftOn', addDays(today, -60)),
    });
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.body).toContain('Date they left must be on or after the date they moved in');
    const toCome = await ssw.post(edit, { ...values, ...dateBoxes('leftOn', addDays(today, 2)) });
    expect(toCome.statusCode).toBe(400);
    expect(toCome.body).toContain('Date they left must be today or in the past');

    const leftOn = addDays(today, -7);
    const saved = await ssw.post(edit, { ...values, ...dateBoxes('leftOn', leftOn) });
    expect(saved.statusCode).toBe(303);
    const page = await ssw.get(`/households/${household.id}`);
    expect(page.body).toContain('Former household members');
    expect(page.body).toContain(`Left ${formatDate(leftOn)}`);
    expect(page.body).toContain('No other household members recorded.');
    // Their check stays on the record; its renewal is owed no more.
    expect(page.body).toContain('Jude Leaverton');
    expect(await itemsOf(household.id, 'households.dbs-check-renewal')).toEqual([]);
    // Someone leaving changes the household: the plan is agreed again within 10 working days.
    expect(await itemsOf(household.id, 'safer-care.plan-agreed')).toMatchObject([
      { dueOn: addWorkingDays(leftOn, 10) },
    ]);
    const plan = await ssw.get(`/households/${household.id}/safer-care`);
    expect(plan.body).toContain(`${formatDate(leftOn)}: Jude Leaverton (adult child) left the household`);
    expect(plan.body).not.toContain('came to live in the household');
    await expectInStep();

    // The profile a child is given before they arrive names those living there now.
    expect((await ssw.get(`/households/${household.id}/profile`)).body).not.toContain('Also living here: Jude');
    const checkForm = await ssw.get(`/households/${household.id}/checks/new`);
    expect(checkForm.body).toContain('Jude Leaverton (former member)');
    const search = await ssw.get('/search?q=Leaverton');
    expect(search.body).toContain('Former household member');

    // Recorded in error: the day of leaving cleared, they live there again and the deadlines follow.
    expect((await ssw.post(edit, values)).statusCode).toBe(303);
    const again = await ssw.get(`/households/${household.id}`);
    expect(again.body).not.toContain('Former household members');
    expect(await itemsOf(household.id, 'households.dbs-check-renewal')).toHaveLength(1);
    expect(await itemsOf(household.id, 'safer-care.plan-agreed')).toMatchObject([{ dueOn: addDays(today, 165) }]);
    await expectInStep();
  });
});
