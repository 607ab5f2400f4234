/**
 * Temporary approval of a connected person given by a team manager from the child's record: every
 * message at once, what was typed kept; the deadline kept 16 weeks on; a second approval for the
 * child refused while one stands; the child then placed with the household it was given to, and
 * refused without it or once it has run out; a team with no connected person waiting told to record
 * one as an enquiry first. The giving and viewing in the audit trail, in words.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { auditWords } from '../../platform/audit/words.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays, addWeeks, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { placements } from '../placements/tables.ts';
import { approvalPath, giveApprovalPath } from './paths.ts';
import { temporaryApprovals } from './tables.ts';
import { approvalDueItems, connectedPerson, makeApproval } from './test-support.ts';
import { makeStaffUser } from '../staff/test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const daysAgo = (n: number) => addDays(today, -n);
const dueOf = (id: string) => approvalDueItems(t.database.db, id);

const confirmations = { assessed: 'yes', mostAppropriate: 'yes', assessmentArranged: 'yes' };

/** Looked after for 30 days (see connectedPerson). */
const connected = (name: string) => connectedPerson(t.database.db, name, daysAgo(30));

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
