/** A check recorded with a mistake in it is corrected from the household page, and only by those who may change the household. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeCheck, makeHousehold } from '../../../test/support/households.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { personChecks } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();

describe('correcting a check', () => {
  it('offers Change beside each check, keeps the answers on a refusal, and saves the corrected dates', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const carer = await makeCarer(db, household.id, { firstName: 'Ottilie' });
    // Typed a year out: the expiry should have been 3 years after a check done a month ago.
    const completed = addDays(today, -30);
    const check = await makeCheck(db, household.id, {
      carerId: carer.id,
      completedOn: addYears(completed, -1),
      expiresOn: addYears(completed, 2),
      outcome: 'Clear',
    });
    const ssw = await signedIn(t.app, 'ssw');
    const editPath = `/households/${household.id}/checks/${check.id}/edit`;
    expect((await ssw.get(`/households/${household.id}`)).body).toContain(`href="${editPath}"`);

    const form = await ssw.get(editPath);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change a check');
    expect(form.body).toContain(`value="carer:${carer.id}" selected`);

    const answers = {
      person: `carer:${carer.id}`,
      kind: 'dbs',
      ...dateBoxes('completedOn', completed),
      ...dateBoxes('expiresOn', addDays(completed, -1)),
      satisfactory: 'yes',
      outcome: 'Clear, seen by the SSW',
    };
    const refused = await ssw.post(editPath, answers);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Expiry date must be after the date completed');
    expect(refused.body).toContain('value="Clear, seen by the SSW"');

    const corrected = { ...answers, ...dateBoxes('expiresOn', addYears(completed, 3)) };
    const saved = await ssw.post(editPath, corrected);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/households/${household.id}?done=check-changed`);
    const [row] = await db.select().from(personChecks).where(eq(personChecks.id, check.id));
    expect(row).toMatchObject({ completedOn: completed, expiresOn: addYears(completed, 3) });
    const page = await ssw.get(String(saved.headers.location));
    expect(page.body).toContain('The check has been corrected');
    expect(page.body).toContain(formatDate(addYears(completed, 3)));

    // Another team's worker cannot open it, nor can it be reached through another household.
    expect((await (await signedIn(t.app, 'ssw2')).get(editPath)).statusCode).toBe(404);
    const other = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    expect((await ssw.get(`/households/${other.id}/checks/${check.id}/edit`)).statusCode).toBe(404);
    expect((await ssw.post(`/households/${other.id}/checks/${check.id}/edit`, corrected)).statusCode).toBe(404);
    // The reviewing officer does not change households: refused, and the check is as corrected.
    expect((await (await signedIn(t.app, 'reviewer')).post(editPath, answers)).statusCode).toBeGreaterThanOrEqual(403);
    const [after] = await db.select().from(personChecks).where(eq(personChecks.id, check.id));
    expect(after!.expiresOn).toBe(addYears(completed, 3));
  });
});
