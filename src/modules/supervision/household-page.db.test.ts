/** A household's supervision page as its supervising social worker reads it: what is due, and what is late. */
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { makeSupervision } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

describe('the household’s supervision page', () => {
  it('says the next supervision is overdue once its date has passed', async () => {
    const db = t.database.db;
    const late = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    await makeSupervision(db, {
      householdId: late.id,
      visitDate: addDays(today, -50),
      notesSentOn: addDays(today, -48),
    });
    const ssw = await signedIn(t.app, 'ssw');
    const page = (await ssw.get(`/households/${late.id}/supervision`)).body;
    expect(page).toContain(`The next supervision was due by <strong>${formatDate(addDays(today, -8))}</strong>`);
    expect(page).toMatch(/govuk-tag--red">\s*Overdue/);

    const onTime = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    await makeSupervision(db, {
      householdId: onTime.id,
      visitDate: addDays(today, -10),
      notesSentOn: addDays(today, -9),
    });
    const fine = (await ssw.get(`/households/${onTime.id}/supervision`)).body;
    expect(fine).toContain(`The next supervision is due by <strong>${formatDate(addDays(today, 32))}</strong>`);
    expect(fine).not.toContain('Overdue');
  });

  it('marks notes not yet sent after their 5 working days as overdue', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    await makeSupervision(db, { householdId: household.id, visitDate: addDays(today, -30), notesSentOn: null });
    const page = (await (await signedIn(t.app, 'ssw')).get(`/households/${household.id}/supervision`)).body;
    expect(page).toMatch(/Due by [^<]+ <strong class="govuk-tag govuk-tag--red">\s*Overdue/);
  });
});
