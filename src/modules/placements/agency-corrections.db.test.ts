/**
 * An agency placement recorded wrongly is put right on its recording form, filled in, reached by a
 * Change link beside its start on the child's page: the agency, the start date and the type. The
 * start stays after the child's birth, clear of the child's other placements, before the first visit
 * made during it, not in the future once begun and not after its ending once ended; the child's visit
 * deadline and the kept placement facts follow, and the audit trail keeps the view of the form and
 * what the placement said before. Others are refused as the ending is: a 403 for a role that changes
 * no placement, a 404 for a worker the child is not theirs.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeAgencyPlacement, makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { auditWords } from '../../platform/audit/words.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { FIRST_VISIT_DAYS } from '../child-visits/rule.ts';
import { childVisits } from '../child-visits/tables.ts';
import { agencyPlacements } from './tables.ts';
import { auditTrail, dateFields, movedFromAgency } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const day = (n: number) => addDays(today, n);

/** The day the child's next visit is due, as My work keeps it. */
async function visitDue(childId: string) {
  const [row] = await queryRows<{ due_on: string }>(
    t.database.db,
    sql`select due_on::text from due_items where rule_id = 'child-visits.statutory-visit' and record_id = ${childId}`,
  );
  return row?.due_on;
}

const startForm = (agencyName: string, startDate: string, placementType = 'long_term') => ({
  agencyName,
  ...dateFields('startDate', startDate),
  placementType,
});

describe('changing what an agency placement was recorded with', () => {
  it('is offered beside its start, on the form filled in, and saved with the visit deadline and the audit trail', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { firstName: 'Ada', lastName: 'Agencystart' });
    const agency = await makeAgencyPlacement(db, {
      childId: child.id,
      agencyName: 'Kestrel Family Placments',
      placementType: 'short_term',
      startDate: day(-10),
    });
    const path = `/agency-placements/${agency.id}/start`;
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`/children/${child.id}`)).body).toContain(`href="${path}"`);
    const form = await cicsw.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the agency placement');
    expect(form.body).toContain('value="Kestrel Family Placments"');
    expect(form.body).toMatch(/value="short_term" checked/);
    expect(form.body).toMatch(new RegExp(`name="startDate-day"[^>]*value="${Number(day(-10).slice(8))}"`));
    expect(await visitDue(child.id)).toBe(addDays(day(-10), FIRST_VISIT_DAYS));

    const saved = await cicsw.post(path, startForm('Kestrel Family Placements', day(-20)));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/children/${child.id}?done=agency-start-changed`);
    const page = await cicsw.get(saved.headers.location!);
    expect(page.body).toContain('The agency placement has been changed');
    expect(page.body).toContain('Placed with Kestrel Family Placements, an independent fostering agency, since');
    expect(page.body).toContain(formatDate(day(-20)));
    expect(page.body).not.toContain('Placments');
    expect(await visitDue(child.id)).toBe(addDays(day(-20), FIRST_VISIT_DAYS));
    const [kept] = await queryRows<{ start_date: string; placed_with: string; placement_type: string }>(
      db,
      sql`select start_date::text, placed_with, placement_type from kept_placements where id = ${agency.id}`,
    );
    expect(kept).toEqual({
      start_date: day(-20),
      placed_with: 'Kestrel Family Placements',
      placement_type: 'long_term',
    });

    const trail = await auditTrail(t, 'child', child.id);
    const viewed = trail.find((e) => e.action === 'view' && e.detail?.part === 'agency-placement-start');
    expect(viewed?.detail).toEqual({ part: 'agency-placement-start', agencyPlacementId: agency.id });
    const updates = trail.filter((e) => e.action === 'update').map((e) => e.detail);
    expect(updates).toEqual([
      {
        part: 'agency-placement-start',
        agencyPlacementId: agency.id,
        agencyName: 'Kestrel Family Placements',
        startDate: day(-20),
        placementType: 'long_term',
        was: { agencyName: 'Kestrel Family Placments', startDate: day(-10), placementType: 'short_term' },
      },
    ]);
    expect(auditWords('update', 'child', updates[0]!)).toBe(
      'Changed the agency, start date or type of an agency placement on the child’s record',
    );
  });

  it('refuses a start before birth, over the last placement, after a visit or to come, keeping what was typed', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { name: 'Startbad Oakleigh' });
    const child = await makeChild(db, { firstName: 'Nell', lastName: 'Agencybad', dateOfBirth: day(-60) });
    await makePlacement(db, {
      childId: child.id,
      householdId: household.id,
      startDate: day(-50),
      endDate: day(-30),
      ending: 'planned',
    });
    const agency = await makeAgencyPlacement(db, { childId: child.id, startDate: day(-30) });
    const cicsw = await userIdByUsername(db, 'cicsw');
    await db.insert(childVisits).values({
      childId: child.id,
      agencyPlacementId: agency.id,
      visitedOn: day(-15),
      visitedBy: cicsw,
      childSeen: true,
      seenAlone: true,
      place: 'placement',
      recordedBy: cicsw,
    });
    const manager = await signedIn(t.app, 'manager');
    const post = (startDate: string, typed: Record<string, string> = {}) =>
      manager.post(`/agency-placements/${agency.id}/start`, {
        ...startForm('Typed Fostering Ltd', startDate),
        ...typed,
      });
    const refusals: [string, string][] = [
      [day(-70), 'Start date must be on or after the child’s date of birth'],
      [
        day(-40),
        `Start date must be on or after ${formatDate(day(-30))}, when Nell’s placement with Startbad Oakleigh ended: if that ending is wrong too, correct it first`,
      ],
      [
        day(-10),
        `Start date must be on or before ${formatDate(day(-15))}: the visit on ${formatDate(day(-15))} was during this placement`,
      ],
      [day(3), 'Start date must be today or in the past: Nell lives there already'],
    ];
    for (const [startDate, message] of refusals) {
      const refused = await post(startDate);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(message);
      expect(refused.body).toContain('href="#startDate-day"');
      expect(refused.body).toContain('value="Typed Fostering Ltd"');
      expect(refused.body).toMatch(new RegExp(`name="startDate-day"[^>]*value="${Number(startDate.slice(8))}"`));
    }
    // 31 February 2026, and no agency.
    const unreal = await post('2026-02-28', { agencyName: ' ', 'startDate-day': '31', placementType: 'short_term' });
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('Start date must be a real date');
    expect(unreal.body).toContain('Enter the name of the fostering agency');
    expect(unreal.body).toMatch(/value="short_term" checked/);
    const [row] = await db.select().from(agencyPlacements).where(eq(agencyPlacements.id, agency.id));
    expect(row).toMatchObject({ startDate: day(-30), agencyName: 'Kestrel Family Placements' });
    expect((await auditTrail(t, 'child', child.id)).filter((e) => e.action === 'update')).toEqual([]);
  });

  it('puts an ended placement right too, never starting after its ending', async () => {
    const db = t.database.db;
    const { child, agency } = await movedFromAgency(t, 'Ola', 'Agencyended', day(-100), day(-20));
    const manager = await signedIn(t.app, 'manager');
    const path = `/agency-placements/${agency.id}/start`;
    expect((await manager.get(`/children/${child.id}`)).body).toContain(`href="${path}"`);
    expect((await manager.get(path)).body).toContain(`It ended on ${formatDate(day(-20))}`);
    const late = await manager.post(path, startForm('Harbourside Foster Care', day(-10)));
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(
      `Start date must be on or before ${formatDate(day(-20))}, when the placement ended: if its ending is wrong too, correct it first`,
    );
    expect(late.body).toContain('value="Harbourside Foster Care"');
    const saved = await manager.post(path, startForm('Harbourside Foster Care', day(-90)));
    expect(saved.statusCode).toBe(303);
    const [row] = await db.select().from(agencyPlacements).where(eq(agencyPlacements.id, agency.id));
    expect(row).toMatchObject({ agencyName: 'Harbourside Foster Care', startDate: day(-90), endDate: day(-20) });
    expect((await manager.get(`/children/${child.id}`)).body).toContain('Harbourside Foster Care');
  });

  it('is for those who may end the placement: 403 for a carer or another role, 404 for a worker it is not theirs', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { lastName: 'Agencywho' });
    const agency = await makeAgencyPlacement(db, { childId: child.id, startDate: day(-10) });
    const path = `/agency-placements/${agency.id}/start`;
    const body = startForm('Someone Else Fostering', day(-12));
    for (const username of ['carer', 'lado']) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get(path)).statusCode).toBe(403);
      expect((await agent.post(path, body)).statusCode).toBe(403);
    }
    const other = await signedIn(t.app, 'ssw2');
    expect((await other.get(path)).statusCode).toBe(404);
    expect((await other.post(path, body)).statusCode).toBe(404);
    // The assistant director reads the child's record but is offered no change.
    const read = await (await signedIn(t.app, 'director')).get(`/children/${child.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(path);
    const [row] = await db.select().from(agencyPlacements).where(eq(agencyPlacements.id, agency.id));
    expect(row).toMatchObject({ agencyName: 'Kestrel Family Placements', startDate: day(-10) });
  });
});
