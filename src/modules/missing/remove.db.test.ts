/**
 * A missing from care episode recorded in error is removed by someone who answers for its placement,
 * with why: its return interview deadline goes, the child's episodes no longer list it, and the
 * child's audit trail keeps who removed it and why. Others in the team read it but may not remove it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { dateBoxes as boxes } from '../../platform/views/date-input.ts';
import { makeStaffUser } from '../staff/test-support.ts';

const t = testAppForFile();

describe('removing a record of a child going missing', () => {
  it('asks why, keeps what was typed, then removes it with its deadline, audited on the child', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { statusSince: '2024-01-08', allocatedSswUsername: 'ssw' });
    const child = await makeChild(db, { firstName: 'Osian', lastName: 'Wrongchild' });
    await makePlacement(db, { childId: child.id, householdId: household.id, startDate: '2026-09-01' });
    const ssw = await signedIn(t.app, 'ssw');
    const opened = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-11-02'),
      reportedToPolice: 'yes',
      ...boxes('returnedOn', '2026-11-03'),
    });
    expect(opened.statusCode).toBe(303);
    const episodePath = opened.headers.location!.split('?')[0]!;
    const episodeId = episodePath.split('/').at(-1)!;
    const dueItems = () =>
      queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from due_items where record_type = 'missing-episode' and record_id = ${episodeId}`,
      ).then((rows) => rows[0]!.n);
    expect(await dueItems()).toBe(1);

    // Another in the team reads it, but is not offered the removal and is refused it.
    const teammate = await signedIn(t.app, (await makeStaffUser(db, { team: 'East Kent Fostering Team 1' })).username);
    expect((await teammate.get(episodePath)).body).not.toContain(`${episodePath}/remove`);
    expect((await teammate.get(`${episodePath}/remove`)).statusCode).toBe(403);
    expect((await teammate.post(`${episodePath}/remove`, { reason: 'Not mine' })).statusCode).toBe(403);
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(`${episodePath}/remove`)).statusCode).toBe(403);

    const page = await ssw.get(episodePath);
    expect(page.body).toContain(`href="${episodePath}/remove"`);
    const form = await ssw.get(`${episodePath}/remove`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Remove the record of going missing on 2 November 2026');

    const blank = await ssw.post(`${episodePath}/remove`, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter why the record is being removed');
    expect(await dueItems()).toBe(1);
    const tooLong = await ssw.post(`${episodePath}/remove`, {
      reason: `Recorded for the wrong child ${'x'.repeat(500)}`,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Recorded for the wrong child');

    const removed = await ssw.post(`${episodePath}/remove`, { reason: 'Recorded for the wrong child' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/children/${child.id}/missing?done=removed`);
    const list = await ssw.get(removed.headers.location!);
    expect(list.body).toContain('The record of going missing has been removed');
    expect(list.body).not.toContain(episodePath);
    expect((await ssw.get(episodePath)).statusCode).toBe(404);
    expect(await dueItems()).toBe(0);

    const [entry] = await db
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.recordType, 'child'), eq(auditEvents.recordId, child.id), eq(auditEvents.action, 'delete')),
      );
    expect(entry?.detail).toMatchObject({
      part: 'missing-episode',
      missingOn: '2026-11-02',
      reason: 'Recorded for the wrong child',
    });
  });
});
