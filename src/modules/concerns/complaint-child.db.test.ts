/**
 * The outcome of a complaint given to the child it names (plan action 1.2: "outcomes of allegations
 * and complaints given to children"): offered once the complaint has its first response, dated on
 * or after it, shown on the complaint's page and counted in the scorecard's measure.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { currentMonth, measureRecords, periodOf } from '../../platform/measures/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { outcomeGivenToChild } from './measures.ts';
import { concernChildren } from './tables.ts';
import { dateFields, householdWithChild, makeMatter, makeStage } from './test-support.ts';

const t = testAppForFile();
const daysAgo = (n: number) => addDays(todayInLondon(), -n);

describe('a complaint naming a child', () => {
  it('records the outcome given to the child once the complaint is answered, and counts it', async () => {
    const db = t.database.db;
    const { household, child } = await householdWithChild(db);
    const complaint = await makeMatter(db, {
      kind: 'complaint',
      againstKind: 'carer',
      raisedBy: 'child',
      category: 'other',
      knownOn: daysAgo(12),
      householdId: household.id,
      childIds: [child.id],
    });
    await makeStage(db, complaint.id, { receivedOn: daysAgo(12) });
    const ssw = await signedIn(t.app, 'ssw');
    const page = () => ssw.get(`/concerns/${complaint.id}`);
    // Not answered yet: there is no outcome to give the child.
    expect((await page()).body).not.toContain('Record the outcome given to Casey Fixture');

    await ssw.get(`/concerns/${complaint.id}/response`);
    const answered = await ssw.post(`/concerns/${complaint.id}/response`, {
      ...dateFields('respondedOn', daysAgo(5)),
      finding: 'partly_upheld',
      response: 'An apology, and a change to how pocket money is given.',
    });
    expect(answered.statusCode).toBe(303);
    expect((await page()).body).toContain('Record the outcome given to Casey Fixture');

    const told = (toldOn: string) =>
      ssw.post(`/concerns/${complaint.id}/child-told?child=${child.id}`, {
        childId: child.id,
        ...dateFields('toldOn', toldOn),
        toldBy: 'Sam Sutherland, supervising social worker',
        toldHow: 'At a visit, with the carer there.',
      });
    const early = await told(daysAgo(6));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain(
      `The date the child was told must be on or after the response to the complaint on ${formatDate(daysAgo(5))}`,
    );
    expect((await told(daysAgo(3))).statusCode).toBe(303);
    const [row] = await db.select().from(concernChildren).where(eq(concernChildren.concernId, complaint.id));
    expect(row!.outcomeToldOn).toBe(daysAgo(3));
    expect((await page()).body).toContain('At a visit, with the carer there.');

    // The measure counts the child, told, under the complaint.
    const month = periodOf(currentMonth());
    const rows = await measureRecords(db, outcomeGivenToChild, month);
    const ours = rows.filter((r) => r.recordId === complaint.id);
    expect(ours.map((r) => [r.label.startsWith('Casey Fixture, Complaint: '), r.met])).toEqual([[true, true]]);
  });
});
