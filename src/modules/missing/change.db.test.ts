/**
 * What a missing from care episode was opened with is corrected on the opening form, filled in, by
 * someone who answers for its placement: the rules of opening hold on the new days, the return
 * interview's deadline follows the return, the episode follows the placement of the new day, and
 * the audit trail says it was changed. Others in the team read it but are refused; other teams do
 * not find it.
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

async function placedChild(lastName: string) {
  const db = t.database.db;
  const household = await makeHousehold(db, { statusSince: '2024-01-08', allocatedSswUsername: 'ssw', name: lastName });
  const child = await makeChild(db, { firstName: 'Idris', lastName });
  await makePlacement(db, { childId: child.id, householdId: household.id, startDate: '2026-09-01' });
  return { household, child };
}

async function opened(childId: string, answers: Record<string, string>) {
  const ssw = await signedIn(t.app, 'ssw');
  const response = await ssw.post(`/children/${childId}/missing/new`, answers);
  expect(response.statusCode).toBe(303);
  return response.headers.location!.split('?')[0]!;
}

const dueOn = (episodeId: string) =>
  queryRows<{ due_on: string }>(
    t.database.db,
    sql`select due_on::text from due_items where record_type = 'missing-episode' and record_id = ${episodeId}`,
  ).then((rows) => rows.map((r) => r.due_on));

describe('changing what a record of going missing was opened with', () => {
  it('corrects the days, the police and what was known, keeping the rules of opening', async () => {
    const db = t.database.db;
    const { child } = await placedChild('Changedays');
    const episodePath = await opened(child.id, {
      ...boxes('missingOn', '2026-11-02'),
      reportedToPolice: 'yes',
      circumstances: 'Left after school',
      ...boxes('returnedOn', '2026-11-03'),
    });
    await opened(child.id, {
      ...boxes('missingOn', '2026-11-10'),
      reportedToPolice: 'no',
      ...boxes('returnedOn', '2026-11-12'),
    });
    const episodeId = episodePath.split('/').at(-1)!;
    expect(await dueOn(episodeId)).toEqual(['2026-11-06']);

    // Others in the team read it, are not offered the change and are refused it; other teams do not find it.
    const teammate = await signedIn(t.app, (await makeStaffUser(db, { team: 'East Kent Fostering Team 1' })).username);
    const read = await teammate.get(episodePath);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(`${episodePath}/change`);
    expect((await teammate.get(`${episodePath}/change`)).statusCode).toBe(403);
    expect((await teammate.post(`${episodePath}/change`, { reportedToPolice: 'no' })).statusCode).toBe(403);
    const otherTeam = await signedIn(t.app, 'ssw2');
    expect((await otherTeam.get(`${episodePath}/change`)).statusCode).toBe(404);
    expect((await otherTeam.post(`${episodePath}/change`, { reportedToPolice: 'no' })).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'carer')).get(`${episodePath}/change`)).statusCode).toBe(403);

    const ssw = await signedIn(t.app, 'ssw');
    const page = await ssw.get(episodePath);
    expect(page.body).toContain(`href="${episodePath}/change"`);
    const form = await ssw.get(`${episodePath}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change what was recorded when the child went missing');
    expect(form.body).toMatch(/name="missingOn-day"[^>]*value="2"/);
    expect(form.body).toMatch(/name="returnedOn-day"[^>]*value="3"/);
    expect(form.body).toMatch(/value="yes" checked/);
    expect(form.body).toContain('Left after school');

    const answers = (extra: Record<string, string>) => ({
      ...boxes('missingOn', '2026-11-01'),
      reportedToPolice: 'no',
      circumstances: 'Left after a row at home',
      ...boxes('returnedOn', '2026-11-04'),
      ...extra,
    });
    const unanswered = await ssw.post(`${episodePath}/change`, answers({ reportedToPolice: '' }));
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.body).toContain('Select whether the child was reported missing to the police');
    expect(unanswered.body).toContain('Left after a row at home');
    const notPlaced = await ssw.post(`${episodePath}/change`, answers(boxes('missingOn', '2026-08-20')));
    expect(notPlaced.statusCode).toBe(400);
    expect(notPlaced.body).toContain(
      'Idris was not placed with one of our foster households on 20 August 2026: enter a day they lived with one',
    );
    expect(notPlaced.body).toContain('Left after a row at home');
    const overlaps = await ssw.post(`${episodePath}/change`, answers(boxes('returnedOn', '2026-11-11')));
    expect(overlaps.statusCode).toBe(400);
    expect(overlaps.body).toContain(
      'Idris is also recorded as missing from 10 November 2026 to 12 November 2026: enter days that do not overlap it',
    );
    const stillMissing = await ssw.post(`${episodePath}/change`, {
      ...answers({}),
      'returnedOn-day': '',
      'returnedOn-month': '',
      'returnedOn-year': '',
    });
    expect(stillMissing.statusCode).toBe(400);
    expect(stillMissing.body).toContain('Idris is also recorded as missing from 10 November 2026');
    const backwards = await ssw.post(`${episodePath}/change`, answers(boxes('returnedOn', '2026-10-30')));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('Date the child came back must be on or after the date they went missing');
    expect(await dueOn(episodeId)).toEqual(['2026-11-06']);

    const saved = await ssw.post(`${episodePath}/change`, answers({}));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${episodePath}?done=changed`);
    const changed = await ssw.get(saved.headers.location!);
    expect(changed.body).toContain('The record of going missing has been changed');
    expect(changed.body).toContain('Missing from 1 November 2026 to 4 November 2026');
    expect(changed.body).toContain('Left after a row at home');
    expect(changed.body).toContain('Not offered yet (due by 7 November 2026)');
    expect(changed.body).toMatch(/Reported to the police\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*No/);
    expect(await dueOn(episodeId)).toEqual(['2026-11-07']);
    expect((await ssw.get(`/children/${child.id}/missing`)).body).toContain('1 November 2026');

    const [entry] = await db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, episodeId), eq(auditEvents.action, 'update')));
    expect(entry?.detail).toMatchObject({
      part: 'missing-details',
      missingOn: '2026-11-01',
      wasMissingOn: '2026-11-02',
      returnedOn: '2026-11-04',
      wasReturnedOn: '2026-11-03',
    });
    const trail = await (await signedIn(t.app, 'head')).get(`/records/missing-episode/${episodeId}/audit`);
    expect(trail.body).toContain(
      'Changed what was recorded when the child went missing on the record of the child going missing',
    );
  });

  it('keeps the return in order with the return interview, and follows the placement of the new day', async () => {
    const db = t.database.db;
    const first = await makeHousehold(db, {
      statusSince: '2024-01-08',
      allocatedSswUsername: 'ssw',
      name: 'Firsthome',
    });
    const { child, household } = await placedChild('Movedon');
    await db.execute(sql`update placements set start_date = '2026-10-16' where child_id = ${child.id}`);
    await makePlacement(db, {
      childId: child.id,
      householdId: first.id,
      startDate: '2026-09-01',
      endDate: '2026-10-16',
    });
    const elsewhere = await makeHousehold(db, { statusSince: '2024-01-08', teamName: 'West Kent Fostering Team 1' });
    await makePlacement(db, {
      childId: child.id,
      householdId: elsewhere.id,
      startDate: '2026-08-01',
      endDate: '2026-09-01',
    });
    const episodePath = await opened(child.id, {
      ...boxes('missingOn', '2026-11-02'),
      reportedToPolice: 'yes',
      ...boxes('returnedOn', '2026-11-03'),
    });
    const ssw = await signedIn(t.app, 'ssw');
    expect(
      (
        await ssw.post(`${episodePath}/interview`, {
          outcome: 'declined',
          ...boxes('interviewOfferedOn', '2026-11-05'),
        })
      ).statusCode,
    ).toBe(303);
    const answers = (missingOn: string, returnedOn: string | null) => ({
      ...boxes('missingOn', missingOn),
      reportedToPolice: 'yes',
      ...(returnedOn ? boxes('returnedOn', returnedOn) : {}),
    });

    const notBack = await ssw.post(`${episodePath}/change`, answers('2026-11-02', null));
    expect(notBack.statusCode).toBe(400);
    expect(notBack.body).toContain('The return interview is recorded: enter the date the child came back');
    const afterOffer = await ssw.post(`${episodePath}/change`, answers('2026-11-02', '2026-11-06'));
    expect(afterOffer.statusCode).toBe(400);
    expect(afterOffer.body).toContain(
      'Date the child came back must be on or before the date the return interview was offered, 5 November 2026',
    );
    // A day in the placement before, with another team's household: not one this worker answers for.
    const notTheirs = await ssw.post(`${episodePath}/change`, answers('2026-08-20', '2026-08-21'));
    expect(notTheirs.statusCode).toBe(400);
    expect(notTheirs.body).toContain('On 20 August 2026 Idris lived in a placement you do not answer for');

    const moved = await ssw.post(`${episodePath}/change`, answers('2026-10-10', '2026-10-12'));
    expect(moved.statusCode).toBe(303);
    const page = await ssw.get(episodePath);
    expect(page.body).toContain(`Missing from 10 October 2026 to 12 October 2026, from Firsthome (${first.reference})`);
    expect(page.body).not.toContain(household.reference);
    expect(page.body).toContain('Offered on 5 November 2026; the child declined it');
  });
});
