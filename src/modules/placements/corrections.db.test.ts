/**
 * A placement recorded wrongly is put right from its page by those who may end it: the start date
 * and type of a current placement, the ending of an ended one (or the ending undone), and an
 * agency placement's ending. The child's placements stay one after another, records made during
 * a placement stay inside it, deadlines follow, and the audit trail keeps what was there before.
 * Others are refused as the ending is: a 403 for a role that changes no placement, a 404 for a
 * worker the placement is not theirs to change.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { workingDaysAfter } from '../../platform/due/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { childVisits } from '../child-visits/tables.ts';
import { agencyPlacements, placements } from './tables.ts';
import { auditTrail, dateFields, movedFromAgency } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const day = (n: number) => addDays(today, n);

/** A child who lived with one household (ended `leftOn`) and now lives with another (from `startDate`). */
async function childMoved(lastName: string, leftOn: string, startDate: string) {
  const db = t.database.db;
  const before = await makeHousehold(db, { name: `${lastName} Fairfield` });
  const now = await makeHousehold(db, { name: `${lastName} Oakleigh`, allocatedSswUsername: 'ssw' });
  const child = await makeChild(db, { firstName: 'Nell', lastName });
  const previous = await makePlacement(db, {
    childId: child.id,
    householdId: before.id,
    startDate: day(-200),
    endDate: leftOn,
    ending: 'planned',
  });
  const current = await makePlacement(db, {
    childId: child.id,
    householdId: now.id,
    startDate,
    placementType: 'short_term',
  });
  return { child, previous, current, before, now };
}

async function visitOn(childId: string, placementId: string, visitedOn: string) {
  const cicsw = await userIdByUsername(t.database.db, 'cicsw');
  await t.database.db.insert(childVisits).values({
    childId,
    placementId,
    visitedOn,
    visitedBy: cicsw,
    childSeen: true,
    seenAlone: true,
    place: 'placement',
    recordedBy: cicsw,
  });
}

const dueOn = async (ruleId: string, recordId: string) =>
  (
    await queryRows<{ due_on: string }>(
      t.database.db,
      sql`select due_on::text from due_items where rule_id = ${ruleId} and record_id = ${recordId}`,
    )
  ).map((r) => r.due_on);

describe('changing the start of a current placement', () => {
  it('is offered on the form filled in, and saved with its deadlines and an audit entry', async () => {
    const db = t.database.db;
    const { child, current } = await childMoved('Startfix', day(-40), day(-30));
    const manager = await signedIn(t.app, 'manager');
    const page = await manager.get(`/placements/${current.id}`);
    expect(page.body).toContain(`href="/placements/${current.id}/start"`);
    expect(page.body).toContain(`href="/placements/${current.id}/remove"`);
    expect(page.body).not.toContain(`/placements/${current.id}/ending`);

    const form = await manager.get(`/placements/${current.id}/start`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the start of the placement');
    expect(form.body).toMatch(new RegExp(`name="startDate-day"[^>]*value="${Number(day(-30).slice(8))}"`));
    expect(form.body).toMatch(/value="short_term" checked/);

    const saved = await manager.post(`/placements/${current.id}/start`, {
      ...dateFields('startDate', day(-20)),
      placementType: 'long_term',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/placements/${current.id}?done=start-changed`);
    const after = await manager.get(saved.headers.location!);
    expect(after.body).toContain('The start of the placement has been changed');
    expect(after.body).toContain(formatDate(day(-20)));
    expect(after.body).toContain('Long-term');
    expect((await manager.get(`/children/${child.id}`)).body).toContain(formatDate(day(-20)));
    expect(await dueOn('placements.placement-plan', current.id)).toEqual([workingDaysAfter(day(-20), 5)]);
    const [kept] = await queryRows<{ start_date: string }>(
      db,
      sql`select start_date::text from kept_placements where id = ${current.id}`,
    );
    expect(kept?.start_date).toBe(day(-20));
    const entry = (await auditTrail(t, 'placement', current.id)).find((e) => e.action === 'update');
    expect(entry?.detail).toMatchObject({
      part: 'placement-start',
      changed: {
        startDate: { from: day(-30), to: day(-20) },
        placementType: { from: 'short_term', to: 'long_term' },
      },
    });
  });

  it('refuses a day overlapping the last placement, to come, or after a visit, keeping what was typed', async () => {
    const db = t.database.db;
    const { child, current } = await childMoved('Startbad', day(-40), day(-30));
    const manager = await signedIn(t.app, 'manager');
    const post = (startDate: string) =>
      manager.post(`/placements/${current.id}/start`, {
        ...dateFields('startDate', startDate),
        placementType: 'long_term',
      });

    const overlapping = await post(day(-45));
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.body).toContain(
      `Start date must be on or after ${formatDate(day(-40))}, when Nell’s placement with Startbad Fairfield ended`,
    );
    expect(overlapping.body).toMatch(new RegExp(`name="startDate-day"[^>]*value="${Number(day(-45).slice(8))}"`));
    expect(overlapping.body).toMatch(/value="long_term" checked/);

    const ahead = await post(day(1));
    expect(ahead.statusCode).toBe(400);
    expect(ahead.body).toContain('Start date must be today or in the past: Nell lives there already');

    await visitOn(child.id, current.id, day(-25));
    const afterVisit = await post(day(-24));
    expect(afterVisit.statusCode).toBe(400);
    expect(afterVisit.body).toContain(
      `Start date must be on or before ${formatDate(day(-25))}: the visit on ${formatDate(day(-25))} was during this placement`,
    );

    const wrong = await manager.post(`/placements/${current.id}/start`, {
      'startDate-day': '31',
      'startDate-month': '2',
      'startDate-year': '2026',
      placementType: 'long_term',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Start date must be a real date');
    expect(wrong.body).toMatch(/name="startDate-day"[^>]*value="31"/);
    const [row] = await db.select().from(placements).where(eq(placements.id, current.id));
    expect(row).toMatchObject({ startDate: day(-30), placementType: 'short_term' });
  });

  it('is refused to a role that changes no placement (403) and to another team’s worker (404)', async () => {
    const { current } = await childMoved('Startwho', day(-40), day(-30));
    const director = await signedIn(t.app, 'director');
    expect((await director.get(`/placements/${current.id}`)).body).not.toContain(`/placements/${current.id}/start`);
    expect((await director.get(`/placements/${current.id}/start`)).statusCode).toBe(403);
    const other = await signedIn(t.app, 'ssw2');
    expect((await other.get(`/placements/${current.id}/start`)).statusCode).toBe(404);
    const posted = await other.post(`/placements/${current.id}/start`, {
      ...dateFields('startDate', day(-20)),
      placementType: 'long_term',
    });
    expect(posted.statusCode).toBe(404);
    expect((await other.get(`/placements/${current.id}/remove`)).statusCode).toBe(404);
  });
});

describe('correcting the ending of a placement', () => {
  it('changes the date, the kind and the reason, with an audit entry of what it was', async () => {
    const { child, previous } = await childMoved('Endfix', day(-10), day(-10));
    await t.database.db
      .update(placements)
      .set({ ending: 'unplanned', endReason: 'Broke down' })
      .where(eq(placements.id, previous.id));
    const ssw = await signedIn(t.app, 'manager');
    const page = await ssw.get(`/placements/${previous.id}`);
    expect(page.body).toContain(`href="/placements/${previous.id}/ending"`);
    expect(page.body).not.toContain(`/placements/${previous.id}/start"`);
    const form = await ssw.get(`/placements/${previous.id}/ending`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Broke down');
    expect(form.body).toMatch(/value="unplanned" checked/);

    // Not after the next placement began, nor after today, nor before the start.
    const late = await ssw.post(`/placements/${previous.id}/ending`, {
      ...dateFields('endDate', day(-5)),
      ending: 'planned',
      endReason: 'Moved as planned',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(
      `End date must be on or before ${formatDate(day(-10))}, when Nell moved to Endfix Oakleigh`,
    );
    expect(late.body).toContain('Moved as planned');
    const early = await ssw.post(`/placements/${previous.id}/ending`, {
      ...dateFields('endDate', day(-201)),
      ending: 'planned',
    });
    expect(early.body).toContain(`End date must be on or after the start date, ${formatDate(day(-200))}`);
    const ahead = await ssw.post(`/placements/${previous.id}/ending`, {
      ...dateFields('endDate', day(2)),
      ending: 'planned',
    });
    expect(ahead.statusCode).toBe(400);
    await visitOn(child.id, previous.id, day(-14));
    const beforeVisit = await ssw.post(`/placements/${previous.id}/ending`, {
      ...dateFields('endDate', day(-15)),
      ending: 'planned',
    });
    expect(beforeVisit.body).toContain(
      `End date must be on or after ${formatDate(day(-14))}: the visit on ${formatDate(day(-14))} was during this placement`,
    );

    const saved = await ssw.post(`/placements/${previous.id}/ending`, {
      ...dateFields('endDate', day(-12)),
      ending: 'planned',
      endReason: 'Moved as planned',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/placements/${previous.id}?done=ending-corrected`);
    const after = await ssw.get(saved.headers.location!);
    expect(after.body).toContain('The ending has been corrected');
    expect(after.body).toContain(formatDate(day(-12)));
    const childPage = await ssw.get(`/children/${child.id}`);
    expect(childPage.body).toContain('Planned: Moved as planned');
    const entry = (await auditTrail(t, 'placement', previous.id)).find((e) => e.action === 'update');
    expect(entry?.detail).toMatchObject({
      part: 'placement-ending',
      changed: ['endDate', 'ending', 'endReason'],
      before: { endDate: day(-10), ending: 'unplanned', endReason: 'Broke down' },
    });
  });

  it('undoes an ending only for the child’s latest placement, bringing its deadlines back', async () => {
    const db = t.database.db;
    const { previous, current } = await childMoved('Reopen', day(-10), day(-10));
    const manager = await signedIn(t.app, 'manager');
    const refused = await manager.get(`/placements/${previous.id}/reopen`);
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toContain('The ending cannot be undone');
    expect(refused.body).toContain(`Nell is placed with Reopen Oakleigh now, since ${formatDate(day(-10))}`);
    expect(refused.body).not.toContain(`action="/placements/${previous.id}/reopen"`);
    const posted = await manager.post(`/placements/${previous.id}/reopen`, {});
    expect(posted.statusCode).toBe(400);
    expect((await db.select().from(placements).where(eq(placements.id, previous.id)))[0]!.endDate).toBe(day(-10));

    // The current one ended in error: it is the latest, so its ending can be undone.
    const ended = await manager.post(`/placements/${current.id}/end`, {
      ...dateFields('endDate', today),
      ending: 'planned',
    });
    expect(ended.statusCode).toBe(303);
    expect(await dueOn('placements.placement-plan', current.id)).toEqual([]);
    const confirm = await manager.get(`/placements/${current.id}/reopen`);
    expect(confirm.body).toContain(`action="/placements/${current.id}/reopen"`);
    expect(confirm.body).not.toContain('The ending cannot be undone');
    const reopened = await manager.post(`/placements/${current.id}/reopen`, {});
    expect(reopened.statusCode).toBe(303);
    const page = await manager.get(reopened.headers.location!);
    expect(page.body).toContain('The ending has been undone: the placement is current again');
    expect(page.body).toContain('Current');
    expect(await dueOn('placements.placement-plan', current.id)).toEqual([workingDaysAfter(day(-10), 5)]);
    const entry = (await auditTrail(t, 'placement', current.id)).find((e) => e.action === 'reopen');
    expect(entry?.detail).toMatchObject({ endDate: today, ending: 'planned' });
  });
});

describe('correcting the ending of an agency placement', () => {
  it('is offered on the child’s page and refuses an end after the next placement began', async () => {
    const db = t.database.db;
    const { child, agency } = await movedFromAgency(t, 'Ada', 'Agencyfix', day(-100), day(-20));
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`/children/${child.id}`)).body).toContain(`href="/agency-placements/${agency.id}/ending"`);
    const form = await cicsw.get(`/agency-placements/${agency.id}/ending`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Correct the ending of the agency placement');
    const late = await cicsw.post(`/agency-placements/${agency.id}/ending`, {
      ...dateFields('endDate', day(-19)),
      endReason: 'Moved in-house',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(
      `End date must be on or before ${formatDate(day(-20))}, when Ada moved to Agencyfix Home`,
    );
    const saved = await cicsw.post(`/agency-placements/${agency.id}/ending`, {
      ...dateFields('endDate', day(-25)),
      endReason: 'Came home to her grandmother first',
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await db.select().from(agencyPlacements).where(eq(agencyPlacements.id, agency.id));
    expect(row).toMatchObject({ endDate: day(-25), endReason: 'Came home to her grandmother first' });
    expect(saved.headers.location).toBe(`/children/${child.id}?done=agency-ending-corrected`);
    const childPage = await cicsw.get(saved.headers.location!);
    expect(childPage.body).toContain('The ending of the agency placement has been corrected');
    expect(childPage.body).toContain('Came home to her grandmother first');
    const entry = (await auditTrail(t, 'child', child.id)).find(
      (e) => e.action === 'update' && (e.detail as { part?: string } | null)?.part === 'agency-placement-ending',
    );
    expect(entry?.detail).toMatchObject({ agencyPlacementId: agency.id, before: { endDate: day(-20) } });
    // Ada lives with the service's carers now: the agency placement's ending cannot be undone.
    expect((await cicsw.get(`/agency-placements/${agency.id}/ending`)).body).toContain(
      `href="/agency-placements/${agency.id}/reopen"`,
    );
    const reopen = await cicsw.get(`/agency-placements/${agency.id}/reopen`);
    expect(reopen.body).toContain(`Ada is placed with Agencyfix Home now, since ${formatDate(day(-20))}`);
    expect((await cicsw.post(`/agency-placements/${agency.id}/reopen`, {})).statusCode).toBe(400);
    const other = await signedIn(t.app, 'ssw2');
    expect((await other.get(`/agency-placements/${agency.id}/ending`)).statusCode).toBe(404);
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(`/agency-placements/${agency.id}/ending`)).statusCode).toBe(403);
  });
});
