/**
 * A connected person's temporary approval once given: extended once by up to 8 weeks and given way
 * to full approval, or run out and ended with its reason, the deadline moving with each change in
 * the same transaction. Who may see and decide: the household's page lists its approvals; the
 * child's social worker reads the approval without its decisions; a carer is refused, and a manager
 * of another area finds nothing.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { addDays, addWeeks, todayInLondon } from '../../platform/dates/index.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { households } from '../households/tables.ts';
import { approvalPath, endApprovalPath, extendApprovalPath, giveApprovalPath } from './paths.ts';
import { temporaryApprovals } from './tables.ts';
import { approvalDueItems, connectedPerson, makeApproval } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const daysAgo = (n: number) => addDays(today, -n);
const dueOf = (id: string) => approvalDueItems(t.database.db, id);

/** Looked after for 30 days (see connectedPerson). */
const connected = (name: string) => connectedPerson(t.database.db, name, daysAgo(30));

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
