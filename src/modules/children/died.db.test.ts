/**
 * A child who died: "Died on" on their page, the notifications regulation 36 asks for and their
 * dates checked, the record kept for 15 years beginning with the death of a child who died before
 * 18 (hand-worked), and such a record counted among those past their date.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild } from '../../../test/support/children.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { viewer } from '../home/test-support.ts';
import { auditTrail, dateFields } from '../placements/test-support.ts';
import { childrenPastRetention } from '../records/queries.ts';
import { childKeptUntil } from '../records/scope.ts';
import { childPath, deathNotificationsPath, leavingPath } from './paths.ts';
import { children } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();

const form = (leftCareOn: string, reason: string) => ({ ...dateFields('leftCareOn', leftCareOn), reason, details: '' });

/** The child's audit trail of one action, oldest first. */
const trail = async (childId: string, action: string) =>
  (await auditTrail(t, 'child', childId)).filter((e) => e.action === action);

const rowOf = async (id: string) => (await t.database.db.select().from(children).where(eq(children.id, id)))[0]!;

describe('a child who died', () => {
  it('reads “Died on”, lists the notifications not yet recorded, and records them', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { firstName: 'Eliza', lastName: 'Remembered', dateOfBirth: '2014-05-20' });
    const diedOn = addDays(today, -4);
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(deathNotificationsPath(child.id))).statusCode).toBe(404);
    expect((await cicsw.post(leavingPath(child.id), form(diedOn, 'died'))).statusCode).toBe(303);
    const page = await cicsw.get(childPath(child.id));
    expect(page.body).toContain(`Died on ${formatDate(diedOn)}`);
    expect(page.body).not.toContain('Left care on');
    expect(page.body).toContain('Notifications of Eliza’s death');
    expect(page.body).toContain('regulation 36 and Schedule 7');
    expect(page.body.match(/Not yet recorded/g)).toHaveLength(5);
    // Died at 12: kept for 15 years beginning with the date of death.
    expect(page.body).toContain(`Kept until ${formatDate(addDays(addYears(diedOn, 15), -1))}`);

    const future = await cicsw.post(deathNotificationsPath(child.id), {
      ...dateFields('chiefInspector', addDays(today, 1)),
      ...dateFields('responsibleAuthority', diedOn),
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date Ofsted was told must be today or in the past');
    const before = await cicsw.post(deathNotificationsPath(child.id), dateFields('healthBoard', addDays(diedOn, -1)));
    expect(before.body).toContain(
      `Date the integrated care board was told must be on or after the date of death, ${formatDate(diedOn)}`,
    );

    const saved = await cicsw.post(deathNotificationsPath(child.id), {
      ...dateFields('chiefInspector', diedOn),
      ...dateFields('secretaryOfState', addDays(diedOn, 1)),
    });
    expect(saved.headers.location).toBe(`${childPath(child.id)}?done=death-notifications`);
    const after = await cicsw.get(childPath(child.id));
    expect(after.body.match(/Not yet recorded/g)).toHaveLength(3);
    expect(await rowOf(child.id)).toMatchObject({
      deathNotifiedChiefInspectorOn: diedOn,
      deathNotifiedSecretaryOfStateOn: addDays(diedOn, 1),
      deathNotifiedHealthBoardOn: null,
    });
    expect((await trail(child.id, 'update')).at(-1)?.detail).toMatchObject({
      part: 'death-notifications',
      after: { chiefInspector: diedOn, secretaryOfState: addDays(diedOn, 1), healthBoard: null },
    });

    // Recorded in error as a death: changed to another reason, the notifications go with it.
    expect((await cicsw.post(leavingPath(child.id), form(diedOn, 'home'))).statusCode).toBe(303);
    expect(await rowOf(child.id)).toMatchObject({ leftCareReason: 'home', deathNotifiedChiefInspectorOn: null });
  });
});

describe('how long the record is kept', () => {
  it('is until the 75th birthday, or 15 years beginning with the death of a child who died before 18', () => {
    const child = { dateOfBirth: '2009-08-14', leftCareOn: null, leftCareReason: null };
    expect(childKeptUntil(child)).toBe('2084-08-14');
    expect(childKeptUntil({ ...child, leftCareOn: '2025-03-02', leftCareReason: 'adopted' })).toBe('2084-08-14');
    // Died at 15: 15 years beginning with 2 March 2025 end on 1 March 2040.
    expect(childKeptUntil({ ...child, leftCareOn: '2025-03-02', leftCareReason: 'died' })).toBe('2040-03-01');
    // Died on the 18th birthday: no longer a child, so the 75th birthday.
    expect(childKeptUntil({ ...child, leftCareOn: '2027-08-14', leftCareReason: 'died' })).toBe('2084-08-14');
  });

  it('counts a child who died long ago among the records past their date', async () => {
    const db = t.database.db;
    const head = await viewer(db, 'head');
    const before = await childrenPastRetention(db, head, today);
    // Born 3 March 2000, died 10 May 2010 (aged 10): kept until 9 May 2025, now past.
    await makeChild(db, {
      firstName: 'Hollis',
      lastName: 'Longago',
      dateOfBirth: '2000-03-03',
      lookedAfterSince: '2008-01-07',
      leftCareOn: '2010-05-10',
      leftCareReason: 'died',
    });
    // Died at 18 in 2010: kept until the 75th birthday, in 2067.
    await makeChild(db, {
      firstName: 'Mabon',
      lastName: 'Longago',
      dateOfBirth: '1992-01-20',
      lookedAfterSince: '2008-01-07',
      leftCareOn: '2010-05-10',
      leftCareReason: 'died',
    });
    // Adopted at 3 in 2012: kept until 2084.
    await makeChild(db, {
      firstName: 'Wren',
      lastName: 'Longago',
      dateOfBirth: '2009-03-03',
      lookedAfterSince: '2010-01-07',
      leftCareOn: '2012-05-10',
      leftCareReason: 'adopted',
    });
    expect(await childrenPastRetention(db, head, today)).toBe(before + 1);
    expect(await childrenPastRetention(db, head, '2025-05-09')).toBe(before);
  });
});
