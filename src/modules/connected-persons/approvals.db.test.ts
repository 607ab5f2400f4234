/**
 * Temporary approval of a connected person as a team manager records it: given from the child's
 * record (every message at once, what was typed kept), the child then placed with the household it
 * was given to (refused without it), extended once by up to 8 weeks, and given way to full approval
 * or ended. The deadline moves with each change in the same transaction; who may see and change it;
 * every view and change in the audit trail, in words.
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement, makeReferral } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { auditWords } from '../../platform/audit/words.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays, addWeeks, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { households } from '../households/tables.ts';
import { placements } from '../placements/tables.ts';
import { approvalPath, endApprovalPath, extendApprovalPath, giveApprovalPath } from './paths.ts';
import { temporaryApprovals } from './tables.ts';
import { makeApproval } from './test-support.ts';
import { makeStaffUser } from '../staff/test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const daysAgo = (n: number) => addDays(today, -n);
const RULE = 'connected-persons.assessment-decided';

/** The kept deadline items of an approval. */
const dueOf = (id: string) =>
  queryRows<{ due_on: string; detail: string }>(
    t.database.db,
    sql`select due_on::text, detail from due_items where rule_id = ${RULE} and record_id = ${id}`,
  );

const confirmations = { assessed: 'yes', mostAppropriate: 'yes', assessmentArranged: 'yes' };

/**
 * A family and friends household in assessment in the manager's team, and a child in care in the
 * manager's area with a referral for a placement (so the team manager may read them).
 */
async function connected(name: string) {
  const db = t.database.db;
  const household = await makeHousehold(db, {
    name: `${name} Household`,
    status: 'in_assessment',
    householdType: 'family_and_friends',
  });
  const child = await makeChild(db, { firstName: 'Juno', lastName: `${name}child`, lookedAfterSince: daysAgo(30) });
  await makeReferral(db, { childId: child.id, urgency: 'emergency', placementType: 'short_term' });
  return { household, child };
}

describe('a team manager gives a connected person temporary approval for a child', () => {
  it('checks the form, records it from the child’s page and keeps its deadline 16 weeks on', async () => {
    const db = t.database.db;
    const { household, child } = await connected('Aunton');
    const mainstream = await makeHousehold(db, { name: 'Mainstreamer Household', status: 'in_assessment' });
    const manager = await signedIn(t.app, 'manager');

    const page = await manager.get(`/children/${child.id}`);
    expect(page.body).toContain('Temporary approval of a connected person');
    expect(page.body).toContain(`href="${giveApprovalPath(child.id)}"`);
    const form = await manager.get(giveApprovalPath(child.id));
    expect(form.body).toContain('Aunton Household');
    expect(form.body).not.toContain('Mainstreamer Household');

    // Nothing chosen: every message at once, the officer's name kept.
    const empty = await manager.post(giveApprovalPath(child.id), { approvedBy: 'Nadia Officer' });
    expect(empty.statusCode).toBe(400);
    for (const message of [
      'Select the connected person’s household',
      'Enter the date of the temporary approval',
      'Confirm that this is the most appropriate placement for the child',
      'Confirm that the full assessment has been arranged',
    ]) {
      expect(empty.body).toContain(message);
    }
    expect(empty.body).toContain('value="Nadia Officer"');
    const future = await manager.post(giveApprovalPath(child.id), {
      householdId: household.id,
      ...dateBoxes('approvedOn', addDays(today, 1)),
      approvedBy: 'Nadia Officer',
      ...confirmations,
    });
    expect(future.body).toContain('Date of the temporary approval must be today or in the past');
    const beforeCare = await manager.post(giveApprovalPath(child.id), {
      householdId: household.id,
      ...dateBoxes('approvedOn', daysAgo(31)),
      approvedBy: 'Nadia Officer',
      ...confirmations,
    });
    expect(beforeCare.body).toContain(
      `Date of the temporary approval must be on or after the day Juno became looked after, ${formatDate(daysAgo(30))}`,
    );
    const notConnected = await manager.post(giveApprovalPath(child.id), {
      householdId: mainstream.id,
      ...dateBoxes('approvedOn', daysAgo(10)),
      approvedBy: 'Nadia Officer',
      ...confirmations,
    });
    expect(notConnected.body).toContain(
      'Mainstreamer Household cannot be given temporary approval: only a family and friends household not yet approved can',
    );

    const given = await manager.post(giveApprovalPath(child.id), {
      householdId: household.id,
      ...dateBoxes('approvedOn', daysAgo(10)),
      approvedBy: 'Nadia Officer',
      ...confirmations,
    });
    expect(given.statusCode).toBe(303);
    const [approval] = await db.select().from(temporaryApprovals).where(eq(temporaryApprovals.childId, child.id));
    expect(given.headers.location).toBe(`${approvalPath(approval!.id)}?done=given`);
    // 16 weeks in all: the last day is the day before 16 weeks on.
    const lastDay = addDays(addWeeks(daysAgo(10), 16), -1);
    expect(approval!.expiresOn).toBe(lastDay);
    const shown = await manager.get(given.headers.location as string);
    expect(shown.body).toContain('The temporary approval has been recorded');
    expect(shown.body).toContain(`Runs to ${formatDate(lastDay)} (in 101 days)`);
    expect(shown.body).toContain('Nadia Officer');
    expect(shown.body).toContain(`Place Juno Auntonchild with Aunton Household`);
    expect(await dueOf(approval!.id)).toEqual([
      { due_on: lastDay, detail: `Temporary approval for Juno Auntonchild (${child.reference})` },
    ]);
    // A second approval for the child while this one stands is refused; the form sends the manager to it.
    const again = await manager.get(giveApprovalPath(child.id));
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(approvalPath(approval!.id));

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.recordId, approval!.id));
    const words = audit.map((e) => auditWords(e.action, e.recordType, e.detail as Record<string, unknown>));
    expect(words).toContain('Created the temporary approval of a connected person');
    expect(words).toContain('Viewed the temporary approval of a connected person');
  });

  it('lets the child be placed with the household only while the approval stands', async () => {
    const db = t.database.db;
    const { household, child } = await connected('Granby');
    const manager = await signedIn(t.app, 'manager');
    const place = () =>
      manager.post(`/children/${child.id}/emergency-placement`, {
        householdId: household.id,
        ...dateBoxes('startDate', today),
        placementType: 'short_term',
        childSawProfile: 'no',
      });
    const refused = await place();
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      'Granby Household is not an approved household: give the connected person temporary approval for this child first, from the child’s record',
    );
    const [approval] = await db
      .insert(temporaryApprovals)
      .values({
        householdId: household.id,
        childId: child.id,
        approvedOn: today,
        expiresOn: addDays(today, 111),
        approvedBy: 'Nadia Officer',
      })
      .returning();
    const form = await manager.get(`/children/${child.id}/emergency-placement`);
    expect(form.body).toContain('Granby Household');
    expect(form.body).toContain('connected person with temporary approval for this child');
    // Another child is not placed there on this child's approval.
    const other = await makeChild(db, { lastName: 'Othergranby' });
    const otherForm = await manager.get(`/children/${other.id}/emergency-placement`);
    expect(otherForm.body).not.toContain('Granby Household');

    expect((await place()).statusCode).toBe(303);
    const [placed] = await db.select().from(placements).where(eq(placements.childId, child.id));
    expect(placed!.householdId).toBe(household.id);
    const page = await manager.get(approvalPath(approval!.id));
    expect(page.body).not.toContain('Place Juno Granbychild');

    // An approval that ran out yesterday, without a decision, places no one.
    const { household: lapsed, child: late } = await connected('Lapsby');
    await makeApproval(db, {
      householdId: lapsed.id,
      childId: late.id,
      approvedOn: daysAgo(112),
      expiresOn: daysAgo(1),
    });
    const lateForm = await manager.get(`/children/${late.id}/emergency-placement`);
    expect(lateForm.body).not.toContain('Lapsby Household');
    const tooLate = await manager.post(`/children/${late.id}/emergency-placement`, {
      householdId: lapsed.id,
      ...dateBoxes('startDate', today),
      placementType: 'short_term',
      childSawProfile: 'no',
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.body).toContain('Lapsby Household is not an approved household');
  });
});

describe('a team with no connected person waiting for approval', () => {
  it('says to record the household as an enquiry first, with a link to do it', async () => {
    const db = t.database.db;
    const [area] = await queryRows<{ id: string }>(db, sql`select id from areas where name = 'East Kent'`);
    await db.execute(sql`insert into teams (name, area_id) values ('Connectless Fostering Team', ${area!.id})`);
    const household = await makeHousehold(db, {
      name: 'Connectless Household',
      teamName: 'Connectless Fostering Team',
    });
    const child = await makeChild(db, { firstName: 'Ivo', lastName: 'Connectless' });
    await makePlacement(db, { childId: child.id, householdId: household.id, startDate: daysAgo(20) });
    const manager = await makeStaffUser(db, { role: 'team_manager', team: 'Connectless Fostering Team' });
    const page = await (await signedIn(t.app, manager.username)).get(giveApprovalPath(child.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('There is no family and friends household waiting for approval that you can see');
    expect(page.body).toContain('href="/recruitment/enquiries/new"');
    expect(page.body).toContain(`href="/children/${child.id}">Back to Ivo Connectless`);
  });
});

describe('extending, full approval and ending', () => {
  it('extends once by up to 8 weeks, moving the deadline, and gives way when the household is approved', async () => {
    const db = t.database.db;
    const { household, child } = await connected('Uncleby');
    const approvedOn = daysAgo(100);
    const expiresOn = addDays(approvedOn, 111);
    const [approval] = await db
      .insert(temporaryApprovals)
      .values({ householdId: household.id, childId: child.id, approvedOn, expiresOn, approvedBy: 'Nadia Officer' })
      .returning();
    await refreshDueItems(db, 'temporary-approval', [approval!.id]);
    expect((await dueOf(approval!.id)).map((d) => d.due_on)).toEqual([expiresOn]);
    const manager = await signedIn(t.app, 'manager');
    const base = {
      ...dateBoxes('extendedOn', daysAgo(1)),
      extendedBy: 'Omar Officer',
      ...dateBoxes('panelViewsSoughtOn', daysAgo(3)),
      stillMostAppropriate: 'yes',
      iroInformed: 'yes',
    };
    const latest = addWeeks(expiresOn, 8);
    const tooLong = await manager.post(extendApprovalPath(approval!.id), {
      ...base,
      extensionReason: 'assessment',
      ...dateBoxes('extendedUntil', addDays(latest, 1)),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain(
      `New last day must be after ${formatDate(expiresOn)} and no later than ${formatDate(latest)}, 8 weeks on`,
    );
    expect(tooLong.body).toContain('value="Omar Officer"');
    const noDay = await manager.post(extendApprovalPath(approval!.id), { ...base, extensionReason: 'assessment' });
    expect(noDay.body).toContain('Enter the new last day of the temporary approval');

    const extended = await manager.post(extendApprovalPath(approval!.id), {
      ...base,
      extensionReason: 'assessment',
      ...dateBoxes('extendedUntil', latest),
    });
    expect(extended.statusCode).toBe(303);
    expect((await dueOf(approval!.id)).map((d) => d.due_on)).toEqual([latest]);
    const page = await manager.get(approvalPath(approval!.id));
    expect(page.body).toContain(`Extended to ${formatDate(latest)}`);
    expect(page.body).toContain('Omar Officer');
    const twice = await manager.post(extendApprovalPath(approval!.id), {
      ...base,
      extensionReason: 'assessment',
      ...dateBoxes('extendedUntil', latest),
    });
    expect(twice.body).toContain(
      'A temporary approval may be extended only once while the full assessment is finished',
    );

    // Approved as foster carers (through the panel, recorded on the household): no longer due.
    await db.transaction(async (tx) => {
      await tx
        .update(households)
        .set({ status: 'approved', approvedOn: today, approvedPlaces: 1 })
        .where(eq(households.id, household.id));
      await refreshDueItems(tx, 'household', [household.id]);
    });
    expect(await dueOf(approval!.id)).toEqual([]);
    const after = await manager.get(approvalPath(approval!.id));
    expect(after.body).toContain(`Approved as foster carers on ${formatDate(today)}`);
    expect(after.body).not.toContain('Extend the temporary approval');
  });

  it('records an approval that ran out and then ended, with its reason', async () => {
    const db = t.database.db;
    const { household, child } = await connected('Cousinly');
    const approvedOn = daysAgo(130);
    const [approval] = await db
      .insert(temporaryApprovals)
      .values({
        householdId: household.id,
        childId: child.id,
        approvedOn,
        expiresOn: addDays(approvedOn, 111),
        approvedBy: 'Nadia Officer',
      })
      .returning();
    await refreshDueItems(db, 'temporary-approval', [approval!.id]);
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(approvalPath(approval!.id));
    expect(page.body).toContain(
      `Ran out on ${formatDate(addDays(approvedOn, 111))} without a decision: the placement must end once other arrangements are made`,
    );
    const list = await manager.get('/connected-persons');
    expect(list.body).toContain('Juno Cousinlychild');
    expect(list.body).toMatch(/\d+ temporary approvals? (has|have) run out without a decision/);

    const other = await manager.post(endApprovalPath(approval!.id), {
      ...dateBoxes('endedOn', daysAgo(2)),
      endReason: 'other',
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Enter why the temporary approval ended');
    const ended = await manager.post(endApprovalPath(approval!.id), {
      ...dateBoxes('endedOn', daysAgo(2)),
      endReason: 'not-approved',
    });
    expect(ended.statusCode).toBe(303);
    expect(await dueOf(approval!.id)).toEqual([]);
    const shown = await manager.get(approvalPath(approval!.id));
    expect(shown.body).toContain(
      `Ended on ${formatDate(daysAgo(2))}: not approved after the full assessment: the child has moved`,
    );
    expect((await manager.get('/connected-persons')).body).not.toContain('Juno Cousinlychild');
  });
});

describe('who may see and decide', () => {
  it('shows a family and friends household its temporary approvals on its page, and another household none', async () => {
    const db = t.database.db;
    const { household, child } = await connected('Pagely');
    const manager = await signedIn(t.app, 'manager');
    const before = await manager.get(`/households/${household.id}`);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('No temporary approval has been given to this household');
    await makeApproval(db, { householdId: household.id, childId: child.id, approvedOn: daysAgo(5) });
    const after = await manager.get(`/households/${household.id}`);
    expect(after.body).toContain(`For ${child.firstName} ${child.lastName}`);
    expect(after.body).not.toContain('No temporary approval has been given to this household');
    const mainstream = await makeHousehold(db, { name: 'Mainly Household' });
    const other = await manager.get(`/households/${mainstream.id}`);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Temporary approval</h2>');
  });

  it('shows the child’s social worker the approval without its decisions, and a carer nothing', async () => {
    const db = t.database.db;
    const { household, child } = await connected('Friendley');
    const [approval] = await db
      .insert(temporaryApprovals)
      .values({
        householdId: household.id,
        childId: child.id,
        approvedOn: daysAgo(5),
        expiresOn: addDays(daysAgo(5), 111),
        approvedBy: 'Nadia Officer',
      })
      .returning();
    const cicsw = await signedIn(t.app, 'cicsw');
    // Before the child is placed there, the household is not the social worker's to open: no link to it.
    const unplaced = await cicsw.get(approvalPath(approval!.id));
    expect(unplaced.statusCode).toBe(200);
    expect(unplaced.body).not.toContain(`href="/households/${household.id}`);
    await makePlacement(db, { childId: child.id, householdId: household.id, startDate: daysAgo(5) });
    const seen = await cicsw.get(approvalPath(approval!.id));
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('Extend the temporary approval');
    // The household they may open; its recruitment and assessment they may not, so it is not offered.
    expect(seen.body).toContain(`href="/households/${household.id}"`);
    expect((await cicsw.get(`/households/${household.id}`)).statusCode).toBe(200);
    expect(seen.body).not.toContain('The household’s assessment');
    expect((await cicsw.get(`/households/${household.id}/recruitment`)).statusCode).toBe(403);
    const assessing = await (await signedIn(t.app, 'manager')).get(approvalPath(approval!.id));
    expect(assessing.body).toContain(`href="/households/${household.id}/recruitment"`);
    expect((await cicsw.get(extendApprovalPath(approval!.id))).statusCode).toBe(403);
    expect((await cicsw.get(`/children/${child.id}`)).body).not.toContain(giveApprovalPath(child.id));
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(approvalPath(approval!.id))).statusCode).toBe(403);
    // A manager of another area does not find it.
    const westKent = await makeHousehold(db, {
      name: 'Westerly Household',
      status: 'in_assessment',
      householdType: 'family_and_friends',
      teamName: 'West Kent Fostering Team 1',
    });
    const westChild = await makeChild(db, { area: 'West Kent', socialWorker: null });
    const [west] = await db
      .insert(temporaryApprovals)
      .values({
        householdId: westKent.id,
        childId: westChild.id,
        approvedOn: daysAgo(5),
        expiresOn: addDays(daysAgo(5), 111),
        approvedBy: 'Nadia Officer',
      })
      .returning();
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(approvalPath(west!.id))).statusCode).toBe(404);
    expect((await manager.get(endApprovalPath(west!.id))).statusCode).toBe(404);
    const stillRunning = await db
      .select()
      .from(temporaryApprovals)
      .where(and(eq(temporaryApprovals.id, west!.id)));
    expect(stillRunning[0]!.endedOn).toBeNull();
  });
});
