/**
 * A skills level item, from the agenda to the agency decision: the level proposed is asked for and
 * checked, shown to the panel and the decision maker, and a decision that agrees pays the household
 * at that level (audited); one that does not changes nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedIn, type TestApp } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { households } from '../households/tables.ts';
import { auditTrail, dateFields } from '../placements/test-support.ts';
import { CANDIDATES_SHOWN } from './agenda.ts';
import { makeMeeting, recommendApproval } from './test-support.ts';
import { panelAttendance, panelItems, panelMembers } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const today = todayInLondon();

/** A meeting yesterday with a quorum: the demo's chair and four more members. */
async function quorateMeeting() {
  const db = t.database.db;
  const meeting = await makeMeeting(db, { meetsOn: addDays(today, -1) });
  const chairUser = await userIdByUsername(db, 'panel');
  const [chair] = await db.select().from(panelMembers).where(eq(panelMembers.userId, chairUser));
  const others = await db
    .insert(panelMembers)
    .values(
      ['social_worker', 'independent', 'independent', 'care_experienced'].map((role, i) => ({
        name: `Skills member ${i}`,
        role,
        joinedOn: '2024-01-01',
      })),
    )
    .returning();
  for (const m of [chair!, ...others])
    await db.insert(panelAttendance).values({ meetingId: meeting.id, memberId: m.id });
  return meeting;
}

async function itemOf(meetingId: string, householdId: string) {
  const [item] = await t.database.db.select().from(panelItems).where(eq(panelItems.meetingId, meetingId));
  expect(item).toMatchObject({ householdId, kind: 'skills_level' });
  return item!;
}

/** The panel recommends the level (the adviser), the chair signs the minutes: the item is ready for a decision. */
async function recommendAndSign(meetingId: string, itemId: string) {
  const adviser = await signedIn(t.app, 'adviser');
  const recommended = await recommendApproval(adviser, itemId, 'Evidence of the skills the level asks for');
  expect(recommended.statusCode).toBe(303);
  const chair = await signedIn(t.app, 'panel');
  await chair.get(`/panel/meetings/${meetingId}`);
  const signed = await chair.post(`/panel/meetings/${meetingId}/minutes`, { minutes: 'Recommended' });
  expect(signed.statusCode).toBe(303);
}

describe('a skills level item', () => {
  it('asks for the level proposed, and the decision that agrees pays the household at it', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { statusSince: addDays(today, -800) });
    const meeting = await quorateMeeting();
    const adviser = await signedIn(t.app, 'adviser');
    const form = await adviser.get(`/panel/meetings/${meeting.id}/items/new?kind=skills_level`);
    expect(form.body).toContain('Skills level proposed');
    expect(form.body).toContain(`${household.name} (${household.reference})`);
    expect(form.body).toContain('Paid at level 1');

    // No level chosen, or the level it is paid at already: refused, the household still chosen.
    const candidate = `h:${household.id}`;
    const none = await adviser.post(`/panel/meetings/${meeting.id}/items/new`, { kind: 'skills_level', candidate });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select the skills level proposed');
    expect(none.body).toMatch(new RegExp(`value="${candidate}"[^>]*checked`));
    const junk = await adviser.post(`/panel/meetings/${meeting.id}/items/new`, {
      kind: 'skills_level',
      candidate,
      skillLevel: '7',
    });
    expect(junk.statusCode).toBe(400);
    expect(junk.body).toContain('Select the skills level proposed: level 2 or level 3');
    await db.update(households).set({ skillLevel: 2 }).where(eq(households.id, household.id));
    const same = await adviser.post(`/panel/meetings/${meeting.id}/items/new`, {
      kind: 'skills_level',
      candidate,
      skillLevel: '2',
    });
    expect(same.body).toContain('The household is paid at level 2 (skilled) already: select another level');

    const added = await adviser.post(`/panel/meetings/${meeting.id}/items/new`, {
      kind: 'skills_level',
      candidate,
      skillLevel: '3',
    });
    expect(added.statusCode).toBe(303);
    const item = await itemOf(meeting.id, household.id);
    expect(item.skillLevel).toBe(3);
    expect((await adviser.get(`/panel/meetings/${meeting.id}`)).body).toContain(
      'Skills level proposed: level 3 (advanced).',
    );

    // The recommendation, the minutes signed, then the decision: paid at level 3 from it.
    await recommendAndSign(meeting.id, item.id);
    const decider = await signedIn(t.app, 'decider');
    const decisionPage = await decider.get(`/panel/items/${item.id}/decision`);
    expect(decisionPage.body).toContain('Level 3 (Advanced)');
    const decided = await decider.post(`/panel/items/${item.id}/decision`, {
      agrees: 'yes',
      reasons: 'Agreed',
      ...dateFields('decidedOn', today),
    });
    expect(decided.statusCode).toBe(303);
    const [after] = await db.select().from(households).where(eq(households.id, household.id));
    expect(after!.skillLevel).toBe(3);
    const audit = await auditTrail(t, 'household', household.id);
    expect(audit.find((e) => e.action === 'update')?.detail).toMatchObject({
      part: 'skill-level',
      by: 'agency-decision',
    });
    expect((await decider.get(`/panel/items/${item.id}/decision`)).body).toContain('Skills level changed');
  });

  it('changes nothing when the decision maker does not agree', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { statusSince: addDays(today, -800) });
    const meeting = await quorateMeeting();
    const adviser = await signedIn(t.app, 'adviser');
    await adviser.get(`/panel/meetings/${meeting.id}/items/new?kind=skills_level`);
    await adviser.post(`/panel/meetings/${meeting.id}/items/new`, {
      kind: 'skills_level',
      candidate: `h:${household.id}`,
      skillLevel: '2',
    });
    const item = await itemOf(meeting.id, household.id);
    await recommendAndSign(meeting.id, item.id);
    const decider = await signedIn(t.app, 'decider');
    await decider.get(`/panel/items/${item.id}/decision`);
    const decided = await decider.post(`/panel/items/${item.id}/decision`, {
      agrees: 'no',
      reasons: 'Not enough evidence yet',
      ...dateFields('decidedOn', today),
    });
    expect(decided.statusCode).toBe(303);
    const [after] = await db.select().from(households).where(eq(households.id, household.id));
    expect(after!.skillLevel).toBe(1);
  });

  // Last in the file: the households it adds come before any other in the list.
  it('shows the households waiting longest, finds any other by name or reference, and accepts it', async () => {
    const db = t.database.db;
    for (let i = 0; i < CANDIDATES_SHOWN + 1; i += 1) {
      await makeHousehold(db, { name: `Longwait ${i}`, statusSince: addDays(today, -5000 + i) });
    }
    const recent = await makeHousehold(db, { name: 'Newlyapproved', statusSince: addDays(today, -10) });
    const meeting = await quorateMeeting();
    const adviser = await signedIn(t.app, 'adviser');
    const listed = await adviser.get(`/panel/meetings/${meeting.id}/items/new?kind=skills_level`);
    expect(listed.body).toContain('Longwait 0');
    expect(listed.body).not.toContain(`Longwait ${CANDIDATES_SHOWN}`);
    expect(listed.body).not.toContain('Newlyapproved');
    expect(listed.body).toContain(
      `These are the ${CANDIDATES_SHOWN} households that have waited longest. To find another, search by name or reference.`,
    );

    const found = await adviser.get(
      `/panel/meetings/${meeting.id}/items/new?kind=skills_level&q=${encodeURIComponent(recent.reference)}`,
    );
    expect(found.body).toContain(`Newlyapproved (${recent.reference})`);
    expect(found.body).not.toContain('Longwait 0');
    const none = await adviser.get(`/panel/meetings/${meeting.id}/items/new?kind=skills_level&q=Nobody%25here`);
    expect(none.body).toContain('No household due for this kind of item matches “Nobody%here”.');

    // Refused for want of a level: the household found stays chosen, and the search stays.
    const candidate = `h:${recent.id}`;
    const refused = await adviser.post(`/panel/meetings/${meeting.id}/items/new`, {
      kind: 'skills_level',
      q: recent.reference,
      candidate,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(new RegExp(`value="${candidate}"[^>]*checked`));
    expect(refused.body).toContain(`name="q" value="${recent.reference}"`);
    const added = await adviser.post(`/panel/meetings/${meeting.id}/items/new`, {
      kind: 'skills_level',
      candidate,
      skillLevel: '2',
    });
    expect(added.statusCode).toBe(303);
    expect((await itemOf(meeting.id, recent.id)).skillLevel).toBe(2);
  });
});
