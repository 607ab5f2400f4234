/**
 * A child leaving care: the form's messages (with what was typed kept), the refusal while a
 * placement is open (named, with a link to it), the child's deadlines leaving My work in the same
 * transaction and coming back when the record is removed as made in error, the list's filter, who
 * may do it, and the audit trail. A child who died: died.db.test.ts.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { checkDueItems, dueFor, refreshDueItems } from '../../platform/due/index.ts';
import { AGENCY_PLACEMENT_RECORD } from '../placements/agency.ts';
import { formatDate } from '../../platform/views/format.ts';
import { viewer } from '../home/test-support.ts';
import { placementPath, referralStepPath } from '../placements/paths.ts';
import { agencyPlacements, placements, referrals } from '../placements/tables.ts';
import { auditTrail, dateFields } from '../placements/test-support.ts';
import { childPath, deathNotificationsPath, leavingPath, removeLeavingPath } from './paths.ts';
import { children } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();

const form = (leftCareOn: string, reason: string, details = '') => ({
  ...dateFields('leftCareOn', leftCareOn),
  reason,
  details,
});

/** The child's audit trail of one action, oldest first. */
const trail = async (childId: string, action: string) =>
  (await auditTrail(t, 'child', childId)).filter((e) => e.action === action);

const rowOf = async (id: string) => (await t.database.db.select().from(children).where(eq(children.id, id)))[0]!;

describe('the leaving care form', () => {
  let childId: string;
  beforeAll(async () => {
    // 12 on the first day of this month, in care since last year.
    const child = await makeChild(t.database.db, {
      firstName: 'Nia',
      lastName: 'Leavingform',
      dateOfBirth: addYears(addDays(today, -20), -12),
      lookedAfterSince: addDays(today, -400),
    });
    childId = child.id;
  });

  it('is linked from the child’s page for those who change children’s details', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const page = await cicsw.get(childPath(childId));
    expect(page.body).toContain(`href="${leavingPath(childId)}"`);
    expect(page.body).toContain('Record that Nia left care');
    const form = await cicsw.get(leavingPath(childId));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Record that Nia left care');
    expect(form.body).toContain('Returned home to live with parents or relatives');
  });

  it('says what is wrong, keeping what was typed', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    const empty = await cicsw.post(leavingPath(childId), { details: 'Went to live with her aunt in Wales' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the date left care');
    expect(empty.body).toContain('Select why Nia left care');
    expect(empty.body).toContain('Went to live with her aunt in Wales');

    const future = await cicsw.post(leavingPath(childId), form(addDays(today, 1), 'home'));
    expect(future.body).toContain('Date left care must be today or in the past');
    expect(future.body).toMatch(/value="home" checked/);

    const early = await cicsw.post(leavingPath(childId), form(addDays(today, -401), 'home'));
    expect(early.body).toContain(
      `Date left care must be on or after the date Nia became looked after, ${formatDate(addDays(today, -400))}`,
    );

    const other = await cicsw.post(leavingPath(childId), form(today, 'other', '  '));
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Enter the details of why Nia left care');

    const young = await cicsw.post(leavingPath(childId), form(today, 'independent'));
    expect(young.body).toContain(
      `Nia was 12 on ${formatDate(today)}: “moved to independent living” is for a young person of 18 or over`,
    );
    expect(await rowOf(childId)).toMatchObject({ leftCareOn: null, leftCareReason: null });
  });

  it('gives a special guardianship order only to a child under 18', async () => {
    const adult = await makeChild(t.database.db, {
      firstName: 'Omar',
      lastName: 'Leavingform',
      dateOfBirth: addYears(addDays(today, -30), -18),
      lookedAfterSince: addDays(today, -900),
    });
    const cicsw = await signedIn(t.app, 'cicsw');
    const sgo = await cicsw.post(leavingPath(adult.id), form(today, 'sgo'));
    expect(sgo.statusCode).toBe(400);
    expect(sgo.body).toContain('a special guardianship order is made only for a child under 18');
    const independent = await cicsw.post(leavingPath(adult.id), form(today, 'independent'));
    expect(independent.statusCode).toBe(303);
  });
});

describe('a child still placed', () => {
  it('is refused, naming the household and the agency with links, until the placements end', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Quillfeather household' });
    const child = await makeChild(db, { firstName: 'Tomasz', lastName: 'Stillplaced' });
    const placement = await makePlacement(db, {
      childId: child.id,
      householdId: household.id,
      startDate: '2025-01-06',
    });
    const [agency] = await db
      .insert(agencyPlacements)
      .values({
        childId: child.id,
        agencyName: 'Harbourlight Fostering',
        placementType: 'short_term',
        startDate: '2024-06-01',
        endDate: addDays(today, -3),
      })
      .returning();
    await refreshDueItems(db, AGENCY_PLACEMENT_RECORD, [agency!.id]);
    const cicsw = await signedIn(t.app, 'cicsw');
    const refused = await cicsw.post(leavingPath(child.id), form(addDays(today, -5), 'adopted'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      'Tomasz is still placed with Harbourlight Fostering (from 1 June 2024) and Quillfeather household (from 6 January 2025): end these placements',
    );
    expect(refused.body).toContain(`href="${placementPath(placement.id)}"`);
    // The agency placement ended 3 days ago: after the day he left care, 5 days ago.
    expect(refused.body).toContain(`href="/agency-placements/${agency!.id}/end"`);
    expect(refused.body).toMatch(/value="adopted" checked/);
    expect((await rowOf(child.id)).leftCareOn).toBeNull();

    await db
      .update(placements)
      .set({ endDate: addDays(today, -5), ending: 'planned' })
      .where(eq(placements.id, placement.id));
    await refreshDueItems(db, 'placement', [placement.id]);
    const agencyOnly = await cicsw.post(leavingPath(child.id), form(addDays(today, -5), 'adopted'));
    expect(agencyOnly.body).not.toContain('Quillfeather');
    expect(agencyOnly.body).toContain('Harbourlight Fostering');
    // Left the day the agency placement ended: nothing open after it.
    const saved = await cicsw.post(leavingPath(child.id), form(addDays(today, -3), 'adopted'));
    expect(saved.statusCode).toBe(303);
  });

  it('is refused while a referral for a placement is still open, with a link to withdraw it', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { firstName: 'Odile', lastName: 'Stillreferred' });
    const referral = await makeReferral(db, { childId: child.id });
    const cicsw = await signedIn(t.app, 'cicsw');
    const refused = await cicsw.post(leavingPath(child.id), form(today, 'home'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      `Odile has a referral for a placement still open (sent ${formatDate(today)}): withdraw it first`,
    );
    expect(refused.body).toContain(`href="${referralStepPath(referral.id, 'withdraw')}"`);
    expect((await rowOf(child.id)).leftCareOn).toBeNull();

    await db.update(referrals).set({ status: 'withdrawn' }).where(eq(referrals.id, referral.id));
    const saved = await cicsw.post(leavingPath(child.id), form(today, 'home'));
    expect(saved.statusCode).toBe(303);
    expect((await rowOf(child.id)).leftCareReason).toBe('home');
  });

  it('keeps a young person Staying Put with their carers, and refuses another reason while they are there', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Ashgrove household' });
    const eighteenth = addDays(today, -60);
    const young = await makeChild(db, {
      firstName: 'Kacey',
      lastName: 'Stayingput',
      dateOfBirth: addYears(eighteenth, -18),
      lookedAfterSince: '2020-02-03',
    });
    await makePlacement(db, {
      childId: young.id,
      householdId: household.id,
      startDate: '2020-02-03',
      endDate: eighteenth,
      ending: 'planned',
    });
    await makePlacement(db, {
      childId: young.id,
      householdId: household.id,
      startDate: eighteenth,
      placementType: 'staying_put',
    });
    const cicsw = await signedIn(t.app, 'cicsw');
    const independent = await cicsw.post(leavingPath(young.id), form(eighteenth, 'independent'));
    expect(independent.statusCode).toBe(400);
    expect(independent.body).toContain('Kacey is still placed with Ashgrove household');
    const stayingPut = await cicsw.post(leavingPath(young.id), form(eighteenth, 'staying_put'));
    expect(stayingPut.statusCode).toBe(303);
    const page = await cicsw.get(childPath(young.id));
    expect(page.body).toContain(`Left care on ${formatDate(eighteenth)}: Staying Put with former foster carers`);
    // Her details can still be changed: the age rules are of the day she left care.
    const edit = await cicsw.get(`${childPath(young.id)}/edit`);
    expect(edit.statusCode).toBe(200);
  });
});

describe('the child’s deadlines', () => {
  it('leave My work when the child leaves care, and come back when that is removed as recorded in error', async () => {
    const db = t.database.db;
    // Looked after 10 days ago with no health assessment: the initial one is due.
    const child = await makeChild(db, {
      firstName: 'Ivo',
      lastName: 'Deadlinesgone',
      lookedAfterSince: addDays(today, -10),
    });
    const cicswUser = await viewer(db, 'cicsw');
    const mine = async () =>
      (await dueFor(db, cicswUser, { today, horizonDays: 400 })).filter((i) => i.recordId === child.id);
    expect((await mine()).map((i) => i.ruleId)).toContain('children.initial-health-assessment');

    const cicsw = await signedIn(t.app, 'cicsw');
    const saved = await cicsw.post(leavingPath(child.id), form(addDays(today, -2), 'home'));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${childPath(child.id)}?done=left-care`);
    expect(await mine()).toEqual([]);
    expect(await checkDueItems(db)).toMatchObject({ missing: [], extra: [] });
    const page = await cicsw.get(String(saved.headers.location));
    expect(page.body).toContain('Leaving care has been recorded');
    expect(page.body).toContain(
      `Left care on ${formatDate(addDays(today, -2))}: returned home to live with parents or relatives`,
    );
    expect(page.body).toContain(`href="${removeLeavingPath(child.id)}"`);
    expect(page.body).not.toContain('Record that Ivo left care');

    const noReason = await cicsw.post(removeLeavingPath(child.id), { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the record of leaving care is being removed');
    const removed = await cicsw.post(removeLeavingPath(child.id), { reason: 'Recorded for the wrong child' });
    expect(removed.headers.location).toBe(`${childPath(child.id)}?done=left-care-removed`);
    expect(await rowOf(child.id)).toMatchObject({ leftCareOn: null, leftCareReason: null, leftCareDetails: null });
    expect((await mine()).map((i) => i.ruleId)).toContain('children.initial-health-assessment');
    expect(await checkDueItems(db)).toMatchObject({ missing: [], extra: [] });

    expect((await trail(child.id, 'update')).map((e) => e.detail)).toEqual([
      {
        part: 'left-care',
        before: null,
        after: { leftCareOn: addDays(today, -2), reason: 'home' },
        detailsChanged: false,
      },
    ]);
    expect((await trail(child.id, 'delete')).map((e) => e.detail)).toEqual([
      {
        part: 'left-care',
        leftCareOn: addDays(today, -2),
        leftCareReason: 'home',
        reason: 'Recorded for the wrong child',
      },
    ]);
  });
});

describe('leaving care at 18', () => {
  it('is asked for in My work from 17, due on the 18th birthday, until it is recorded', async () => {
    const db = t.database.db;
    const cicswUser = await viewer(db, 'cicsw');
    const itemsOf = async (childId: string) =>
      (await dueFor(db, cicswUser, { today, horizonDays: 400 })).filter(
        (i) => i.recordId === childId && i.ruleId === 'children.leaving-care-at-18',
      );
    // 18 in 40 days; 18 five days ago with nothing recorded; 17 tomorrow (not yet asked for).
    const soon = await makeChild(db, {
      firstName: 'Jude',
      lastName: 'Turningeighteen',
      dateOfBirth: addYears(addDays(today, 40), -18),
      lookedAfterSince: addYears(today, -3),
    });
    const past = await makeChild(db, {
      firstName: 'Noa',
      lastName: 'Eighteenalready',
      dateOfBirth: addYears(addDays(today, -5), -18),
      lookedAfterSince: addYears(today, -3),
    });
    const younger = await makeChild(db, {
      firstName: 'Kit',
      lastName: 'Notyetseventeen',
      dateOfBirth: addYears(addDays(today, 1), -17),
      lookedAfterSince: addYears(today, -3),
    });
    await refreshDueItems(db, 'child', [soon.id, past.id, younger.id]);
    expect(await itemsOf(soon.id)).toMatchObject([
      {
        dueOn: addDays(today, 40),
        overdue: false,
        href: leavingPath(soon.id),
        detail: 'Turns 18: record that they left care',
      },
    ]);
    expect(await itemsOf(past.id)).toMatchObject([{ dueOn: addDays(today, -5), overdue: true }]);
    expect(await itemsOf(younger.id)).toEqual([]);

    const cicsw = await signedIn(t.app, 'cicsw');
    await cicsw.get(leavingPath(past.id));
    const saved = await cicsw.post(leavingPath(past.id), form(addDays(today, -5), 'independent'));
    expect(saved.statusCode).toBe(303);
    expect(await itemsOf(past.id)).toEqual([]);
    expect(await checkDueItems(db)).toMatchObject({ missing: [], extra: [] });
  });
});

describe('the children list', () => {
  it('shows children in care unless asked for those who have left', async () => {
    const db = t.database.db;
    await makeChild(db, { firstName: 'Petra', lastName: 'Listfilter' });
    await makeChild(db, {
      firstName: 'Rufus',
      lastName: 'Listfilter',
      leftCareOn: addDays(today, -30),
      leftCareReason: 'transferred',
    });
    const cicsw = await signedIn(t.app, 'cicsw');
    const inCare = await cicsw.get('/children?q=Listfilter');
    expect(inCare.body).toContain('Petra Listfilter');
    expect(inCare.body).not.toContain('Rufus Listfilter');
    expect(inCare.body).toMatch(/<option value="in" selected>In care<\/option>/);
    const left = await cicsw.get('/children?q=Listfilter&care=left');
    expect(left.body).not.toContain('Petra Listfilter');
    expect(left.body).toContain('Rufus Listfilter');
    expect(left.body).toContain(`Left care on ${formatDate(addDays(today, -30))}`);
    const all = await cicsw.get('/children?q=Listfilter&care=all');
    expect(all.body).toContain('Petra Listfilter');
    expect(all.body).toContain('Rufus Listfilter');
  });
});

describe('who may record it', () => {
  it('is those who change children’s details, for the children they read', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Larchmont household' });
    const child = await makeChild(db, { firstName: 'Sol', lastName: 'Whomay' });
    await makePlacement(db, { childId: child.id, householdId: household.id });
    const left = await makeChild(db, {
      firstName: 'Tam',
      lastName: 'Whomay',
      leftCareOn: addDays(today, -9),
      leftCareReason: 'died',
    });
    const carer = await signedIn(t.app, 'carer');
    const ssw = await signedIn(t.app, 'ssw');
    for (const path of [leavingPath(child.id), removeLeavingPath(left.id), deathNotificationsPath(left.id)]) {
      expect((await carer.get(path)).statusCode).toBe(403);
      expect((await carer.post(path, {})).statusCode).toBe(403);
      expect((await ssw.get(path)).statusCode).toBe(403);
      expect((await ssw.post(path, {})).statusCode).toBe(403);
    }
    // Another social worker's child does not exist for this one.
    const other = await makeChild(db, { firstName: 'Una', lastName: 'Whomay', socialWorker: null });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(leavingPath(other.id))).statusCode).toBe(404);
    expect((await cicsw.post(leavingPath(other.id), form(today, 'home'))).statusCode).toBe(404);
    // Nothing to remove for a child in care.
    expect((await cicsw.get(removeLeavingPath(child.id))).statusCode).toBe(404);
    // The head of fostering reads every child but sees no link unless they may change it: they may.
    const head = await signedIn(t.app, 'head');
    expect((await head.get(childPath(child.id))).body).toContain(`href="${leavingPath(child.id)}"`);
    const ad = await signedIn(t.app, 'director');
    const read = await ad.get(childPath(left.id));
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Died on');
    expect(read.body).not.toContain(`href="${removeLeavingPath(left.id)}"`);
    expect(read.body).not.toContain('Record the notifications');
  });
});
