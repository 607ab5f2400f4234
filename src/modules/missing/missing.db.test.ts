/**
 * Recording a child missing from their foster placement through the pages: the episode, the
 * return, the return interview within 72 hours (its deadline in My work), the child's page, the
 * list, who may see it, and what the audit trail says.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { dateBoxes as boxes } from '../../platform/views/date-input.ts';
import { dueFor } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { viewer } from '../home/test-support.ts';
import { makeStaffUser } from '../staff/test-support.ts';
import { missingEpisodes } from './tables.ts';

let t: TestApp;
let db: Db;
let cicsw: SignedInUser;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  cicsw = await viewer(db, 'cicsw');
});
afterAll(async () => {
  await t.close();
});

async function placedChild(lastName: string) {
  const household = await makeHousehold(db, { statusSince: '2024-01-08', allocatedSswUsername: 'ssw', name: lastName });
  const child = await makeChild(db, { firstName: 'Rhian', lastName });
  const placement = await makePlacement(db, {
    childId: child.id,
    householdId: household.id,
    startDate: '2026-09-01',
  });
  return { household, child, placement };
}

const returnInterviewDue = async (episodeId: string, today: string) =>
  (await dueFor(db, cicsw, { today, horizonDays: 60, ruleIds: ['missing.return-interview'] }))
    .filter((e) => e.recordId === episodeId)
    .map((e) => [e.dueOn, e.detail, e.overdue]);

describe('a child missing from their foster placement', () => {
  it('is recorded from the child’s record, refused with clear messages and what was typed kept', async () => {
    const { child } = await placedChild('Missingform');
    const ssw = await signedIn(t.app, 'ssw');
    const childPage = await ssw.get(`/children/${child.id}`);
    expect(childPage.body).toContain('Not recorded as missing from a foster placement.');
    expect(childPage.body).toContain(`href="/children/${child.id}/missing/new">Record that Rhian went missing</a>`);

    const tomorrow = addDays(todayInLondon(), 1);
    const unanswered = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-11-02'),
      circumstances: 'Left after school with friends',
    });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.body).toContain('Select whether the child was reported missing to the police');
    expect(unanswered.body).toContain('Left after school with friends');
    const refused = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', tomorrow),
      reportedToPolice: 'yes',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Date the child went missing must be today or in the past');

    // Before the placement began: not placed with one of our households that day.
    const notPlaced = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-08-20'),
      reportedToPolice: 'yes',
    });
    expect(notPlaced.statusCode).toBe(400);
    expect(notPlaced.body).toContain(
      'Rhian was not placed with one of our foster households on 20 August 2026: enter a day they lived with one',
    );

    // Where the child was found, with no day they came back.
    const noReturn = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-11-02'),
      reportedToPolice: 'yes',
      returnNote: 'Found at the station',
    });
    expect(noReturn.body).toContain('Enter the date the child came back, or leave where they were found blank');
    expect(noReturn.body).toContain('Found at the station');

    const back = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-11-02'),
      reportedToPolice: 'yes',
      ...boxes('returnedOn', '2026-11-01'),
    });
    expect(back.body).toContain('Date the child came back must be on or after the date they went missing');
  });

  it('goes from missing, to back with a return interview due in 72 hours, to the interview held', async () => {
    const { child, household } = await placedChild('Missingjourney');
    const ssw = await signedIn(t.app, 'ssw');
    const opened = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-11-02'),
      reportedToPolice: 'yes',
      circumstances: 'Did not come home from school',
    });
    expect(opened.statusCode).toBe(303);
    const episodePath = opened.headers.location!.split('?')[0]!;
    let page = await ssw.get(opened.headers.location!);
    expect(page.body).toContain('The child has been recorded as missing');
    expect(page.body).toContain('Missing now');
    expect(page.body).toContain(
      `Missing from 2 November 2026, not back yet, from Missingjourney (${household.reference})`,
    );
    expect(page.body).toContain('Did not come home from school');

    // One open episode at a time.
    const twice = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-11-03'),
      reportedToPolice: 'no',
    });
    expect(twice.body).toContain(
      'Rhian is already recorded as missing since 2 November 2026 and is not recorded as back: enter days that do not overlap it',
    );

    // The interview cannot be recorded before the return.
    expect((await ssw.get(`${episodePath}/interview`)).headers.location).toBe(episodePath);

    const early = await ssw.post(`${episodePath}/return`, { ...boxes('returnedOn', '2026-11-01') });
    expect(early.body).toContain(
      'Date the child came back must be on or after the date they went missing, 2 November 2026',
    );
    const returned = await ssw.post(`${episodePath}/return`, {
      ...boxes('returnedOn', '2026-11-04'),
      returnNote: 'Found at a friend’s house',
    });
    expect(returned.statusCode).toBe(303);
    // Back on 4 November: the interview is due by 7 November, overdue on 8 November.
    expect(await returnInterviewDue(episodePath.split('/').pop()!, '2026-11-06')).toEqual([
      ['2026-11-07', 'Missing from 2 November 2026, came back on 4 November 2026', false],
    ]);
    expect((await returnInterviewDue(episodePath.split('/').pop()!, '2026-11-08'))[0]?.[2]).toBe(true);
    page = await ssw.get(episodePath);
    expect(page.body).toContain('Not offered yet (due by 7 November 2026)');
    expect(page.body).toContain('Found at a friend’s house');

    const unanswered = await ssw.post(`${episodePath}/interview`, {});
    expect(unanswered.body).toContain('Select whether a return interview was offered');
    const heldNoDate = await ssw.post(`${episodePath}/interview`, {
      ...boxes('interviewOfferedOn', '2026-11-05'),
      outcome: 'held',
    });
    expect(heldNoDate.body).toContain('Enter the date of the return interview');
    const beforeReturn = await ssw.post(`${episodePath}/interview`, {
      ...boxes('interviewOfferedOn', '2026-11-03'),
      outcome: 'declined',
    });
    expect(beforeReturn.body).toContain(
      'Date the return interview was offered must be on or after the date the child came back, 4 November 2026',
    );
    const held = await ssw.post(`${episodePath}/interview`, {
      ...boxes('interviewOfferedOn', '2026-11-05'),
      outcome: 'held',
      ...boxes('interviewHeldOn', '2026-11-06'),
    });
    expect(held.statusCode).toBe(303);
    expect(await returnInterviewDue(episodePath.split('/').pop()!, '2026-11-08')).toEqual([]);
    page = await ssw.get(episodePath);
    expect(page.body).toContain('Offered on 5 November 2026; held on 6 November 2026');
    // Its state says what happened: "Came back", never a bare "Back" that reads as a back link.
    expect(page.body).toMatch(/class="govuk-tag govuk-tag--grey">\s*Came back\s*</);

    // The child's page lists it; the audit trail says what was done in words.
    const childPage = await ssw.get(`/children/${child.id}`);
    expect(childPage.body).toContain('Missing from 2 November 2026 to 4 November 2026');
    const trail = await (
      await signedIn(t.app, 'head')
    ).get(`/records/missing-episode/${episodePath.split('/').pop()}/audit`);
    expect(trail.statusCode).toBe(200);
    for (const words of [
      'Created the record of the child going missing',
      'Recorded the child’s return on the record of the child going missing',
      'Recorded the return interview on the record of the child going missing',
      'Viewed the record of the child going missing',
    ]) {
      expect(trail.body).toContain(words);
    }
  });

  it('is seen only by those who may read the child, and never by a foster carer', async () => {
    const { child } = await placedChild('Missingscope');
    const ssw = await signedIn(t.app, 'ssw');
    const opened = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-11-10'),
      reportedToPolice: 'no',
    });
    const episodePath = opened.headers.location!.split('?')[0]!;
    // The child's allocated social worker sees it, in the list of children missing now.
    const list = await (await signedIn(t.app, 'cicsw')).get('/missing');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${episodePath}">Rhian Missingscope`);
    // Listing the episode is a view of it, on its trail.
    const [listed] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events where record_id = ${episodePath.split('/').at(-1)!}
        and action = 'view' and detail->>'page' = 'list'`,
    );
    expect(listed!.n).toBe(1);
    // A West supervising social worker does not: not found, and not listed.
    const west = await signedIn(t.app, 'ssw2');
    expect((await west.get(episodePath)).statusCode).toBe(404);
    expect((await west.get('/missing')).body).not.toContain('Missingscope');
    expect((await west.post(`${episodePath}/return`, boxes('returnedOn', '2026-11-11'))).statusCode).toBe(404);
    // A foster carer's role never opens it.
    expect((await (await signedIn(t.app, 'carer')).get(episodePath)).statusCode).toBe(403);
    // Every episode, the latest first, on the list's second view.
    const all = await (await signedIn(t.app, 'head')).get('/missing?show=all');
    expect(all.body).toContain(`${formatDate('2026-11-10')}`);
  });

  it('is recorded and changed only by those who answer for the placement; others in the team read it', async () => {
    const { child } = await placedChild('Missingparty');
    const ssw = await signedIn(t.app, 'ssw');
    const opened = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-11-10'),
      reportedToPolice: 'yes',
    });
    const episodePath = opened.headers.location!.split('?')[0]!;
    const teammate = await signedIn(t.app, (await makeStaffUser(db, { team: 'East Kent Fostering Team 1' })).username);
    const seen = await teammate.get(episodePath);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(`href="${episodePath}/return"`);
    expect(seen.body).toContain('Missing now');
    expect((await teammate.post(`${episodePath}/return`, boxes('returnedOn', '2026-11-11'))).statusCode).toBe(403);
    expect((await teammate.get(`/children/${child.id}`)).body).not.toContain('went missing</a>');
    expect(
      (
        await teammate.post(`/children/${child.id}/missing/new`, {
          ...boxes('missingOn', '2026-10-01'),
          reportedToPolice: 'no',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('keeps one child’s episodes apart, and ends the interview’s deadline when none is offered, saying why', async () => {
    const { child } = await placedChild('Missingapart');
    const ssw = await signedIn(t.app, 'ssw');
    const opened = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-11-10'),
      reportedToPolice: 'yes',
    });
    const episodePath = opened.headers.location!.split('?')[0]!;
    // An earlier episode, already over, may be recorded while this one is open; one overlapping it may not.
    const earlier = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-10-01'),
      reportedToPolice: 'yes',
      ...boxes('returnedOn', '2026-10-02'),
    });
    expect(earlier.statusCode).toBe(303);
    const overlap = await ssw.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-09-30'),
      reportedToPolice: 'yes',
      ...boxes('returnedOn', '2026-10-01'),
    });
    expect(overlap.body).toContain(
      'Rhian is already recorded as missing from 1 October 2026 to 2 October 2026: enter days that do not overlap it',
    );

    await ssw.post(`${episodePath}/return`, boxes('returnedOn', '2026-11-11'));
    const id = episodePath.split('/').pop()!;
    expect(await returnInterviewDue(id, '2026-11-12')).toHaveLength(1);
    const noReason = await ssw.post(`${episodePath}/interview`, { outcome: 'not-offered' });
    expect(noReason.body).toContain('Enter why no return interview was offered');
    const notOffered = await ssw.post(`${episodePath}/interview`, {
      outcome: 'not-offered',
      notOfferedReason: 'Moved to a placement out of the county the next day',
    });
    expect(notOffered.statusCode).toBe(303);
    expect(await returnInterviewDue(id, '2026-11-12')).toEqual([]);
    const page = await ssw.get(episodePath);
    expect(page.body).toContain('Not offered: Moved to a placement out of the county the next day');
  });

  it('refuses the form to record a child missing to a teammate who reads the child but does not answer for the placement', async () => {
    const { child } = await placedChild('Missingformparty');
    const teammate = await signedIn(t.app, (await makeStaffUser(db, { team: 'East Kent Fostering Team 1' })).username);
    expect((await teammate.get(`/children/${child.id}`)).statusCode).toBe(200);
    const form = await teammate.get(`/children/${child.id}/missing/new`);
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain('You cannot make this change');
    expect(form.body).not.toContain('Date the child went missing');
    // The save is refused with the same page.
    const save = await teammate.post(`/children/${child.id}/missing/new`, {
      ...boxes('missingOn', '2026-10-01'),
      reportedToPolice: 'no',
    });
    expect(save.statusCode).toBe(403);
    expect(save.body).toContain('You cannot make this change');
    // The household's supervising social worker answers for the placement: the form opens.
    expect((await (await signedIn(t.app, 'ssw')).get(`/children/${child.id}/missing/new`)).statusCode).toBe(200);
    // A child never placed with our carers has no placement to go missing from, whoever asks.
    const unplaced = await makeChild(db, { firstName: 'Nia', lastName: 'Missingunplaced' });
    const head = await (await signedIn(t.app, 'head')).get(`/children/${unplaced.id}/missing/new`);
    expect(head.statusCode).toBe(403);
    expect(head.body).toContain(
      'Nia has not been placed with one of our foster households, so there is no placement to record them missing from.',
    );
  });

  it('shows the latest five episodes on the child’s page, and every one on the child’s own list', async () => {
    const { child } = await placedChild('Missingmany');
    const ssw = await signedIn(t.app, 'ssw');
    const days = ['2026-09-02', '2026-09-04', '2026-09-06', '2026-09-08', '2026-09-10', '2026-09-12', '2026-09-14'];
    const episodeOn = (day: string) =>
      ssw.post(`/children/${child.id}/missing/new`, {
        ...boxes('missingOn', day),
        reportedToPolice: 'yes',
        ...boxes('returnedOn', day),
      });
    for (const day of days.slice(0, 5)) expect((await episodeOn(day)).statusCode).toBe(303);
    // Five: all on the page, no link to more.
    let page = await ssw.get(`/children/${child.id}`);
    expect(page.body).not.toContain('data-all-episodes');
    for (const day of days.slice(5)) expect((await episodeOn(day)).statusCode).toBe(303);

    page = await ssw.get(`/children/${child.id}`);
    const section = /<ul class="govuk-list" data-missing-episodes>([\s\S]*?)<\/ul>/.exec(page.body)![1]!;
    const shown = [...section.matchAll(/Missing from (\d+ \w+ 2026) to/g)].map((m) => m[1]);
    expect(shown).toEqual([
      '14 September 2026',
      '12 September 2026',
      '10 September 2026',
      '8 September 2026',
      '6 September 2026',
    ]);
    expect(page.body).toContain(
      `href="/children/${child.id}/missing" data-all-episodes>View all 7 episodes for Rhian</a>`,
    );

    const all = await ssw.get(`/children/${child.id}/missing`);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Every time Rhian went missing from care');
    expect(all.body).toContain('Showing 1 to 7 of 7 episodes');
    const listed = [...all.body.matchAll(/href="\/missing\/[0-9a-f-]{36}">(\d+ \w+ 2026)</g)].map((m) => m[1]);
    expect(listed).toEqual(days.map((d) => formatDate(d)).reverse());
    // Each episode listed is audited as seen on the child's list.
    const [audited] = await queryRows<{ n: number }>(
      db,
      sql`select count(distinct a.record_id)::int as n from audit_events a
        join missing_episodes e on e.id::text = a.record_id
        where e.child_id = ${child.id} and a.action = 'view' and a.detail->>'page' = 'child-episodes'`,
    );
    expect(audited!.n).toBe(7);
  });

  it('pages a child’s list of episodes, and opens it only to those who read the child', async () => {
    const { child, household, placement } = await placedChild('Missingpaged');
    // 52 episodes, a day each, from 1 October 2026 back.
    await db.insert(missingEpisodes).values(
      Array.from({ length: 52 }, (_, i) => {
        const day = addDays('2026-10-01', -i);
        return {
          childId: child.id,
          placementId: placement.id,
          householdId: household.id,
          missingOn: day,
          returnedOn: day,
          reportedToPolice: true,
        };
      }),
    );
    const cicswAgent = await signedIn(t.app, 'cicsw');
    const first = await cicswAgent.get(`/children/${child.id}/missing`);
    expect(first.body).toContain('Showing 1 to 50 of 52 episodes');
    expect(first.body).toContain(formatDate('2026-10-01'));
    expect(first.body).not.toContain(`>${formatDate(addDays('2026-10-01', -51))}<`);
    expect((await cicswAgent.get(`/children/${child.id}`)).body).toContain('View all 52 episodes for Rhian');
    const second = await cicswAgent.get(`/children/${child.id}/missing?page=2`);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('Showing 51 to 52 of 52 episodes');
    expect(second.body).toContain(`>${formatDate(addDays('2026-10-01', -51))}<`);
    expect(second.body).toContain('Every time Rhian Missingpaged went missing from care (page 2)');
    const past = await cicswAgent.get(`/children/${child.id}/missing?page=9`);
    expect(past.statusCode).toBe(200);
    expect(past.body).toContain('There are no more episodes');

    // A West supervising social worker does not read the child: not found, as the child's page is.
    const west = await signedIn(t.app, 'ssw2');
    expect((await west.get(`/children/${child.id}`)).statusCode).toBe(404);
    expect((await west.get(`/children/${child.id}/missing`)).statusCode).toBe(404);
    // An id that is not one, or no child's, is not found; a foster carer's role never opens it.
    expect((await cicswAgent.get('/children/not-an-id/missing')).statusCode).toBe(404);
    expect((await cicswAgent.get('/children/00000000-0000-4000-8000-000000000000/missing')).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'carer')).get(`/children/${child.id}/missing`)).statusCode).toBe(403);
  });
});
