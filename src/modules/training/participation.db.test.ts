/**
 * Who sees whom at a participation event: a supervising social worker sees the carers and children
 * of their team's households (never another team's, only a count of them) and records attendance
 * only for those; a carer sees their own household's events in the portal and no event page.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { users } from '../../platform/auth/tables.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { carers } from '../households/tables.ts';
import { participationEvents } from './tables.ts';
import { attendEvent, makeEvent } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

/** A household of a team with a carer and a child placed, all named. */
async function family(teamName: string, carerName: string, childName: string) {
  const db = t.database.db;
  const household = await makeHousehold(db, { teamName });
  const carer = await makeCarer(db, household.id, { firstName: carerName });
  const child = await makeChild(db, { firstName: childName });
  await makePlacement(db, { childId: child.id, householdId: household.id });
  return { household, carer, child };
}

async function namedEvent(title: string, heldOn: string) {
  const event = await makeEvent(t.database.db, heldOn);
  await t.database.db.update(participationEvents).set({ title }).where(eq(participationEvents.id, event.id));
  return event;
}

describe('participation events: who sees whom', () => {
  it('shows an SSW the carers and children of their team’s households only, and lets them record only those', async () => {
    const db = t.database.db;
    const east = await family('East Kent Fostering Team 1', 'Ottoline', 'Marigold');
    const west = await family('West Kent Fostering Team 1', 'Peregrine', 'Barnaby');
    const event = await makeEvent(db, addDays(today, -7));
    for (const who of [east, west]) {
      await attendEvent(db, event.id, { carerId: who.carer.id });
      await attendEvent(db, event.id, { childId: who.child.id });
    }

    const ssw = await signedIn(t.app, 'ssw'); // East Kent Fostering Team 1
    const page = await ssw.get(`/participation/${event.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ottoline');
    expect(page.body).toContain('Marigold');
    expect(page.body).not.toContain('Peregrine');
    expect(page.body).not.toContain('Barnaby');
    expect(page.body).toContain('And 1 carer on records you cannot see.');
    expect(page.body).toContain('And 1 child you cannot see.');

    const ssw2 = await signedIn(t.app, 'ssw2'); // West Kent Fostering Team 1
    const other = await ssw2.get(`/participation/${event.id}`);
    expect(other.body).toContain('Peregrine');
    expect(other.body).toContain('Barnaby');
    expect(other.body).not.toContain('Ottoline');
    expect(other.body).not.toContain('Marigold');

    // The east SSW cannot take the west carer or child off the event, nor find them to add.
    for (const form of [{ carerId: west.carer.id }, { childId: west.child.id }] as Record<string, string>[]) {
      const removed = await ssw.post(`/participation/${event.id}/attendance/remove`, form);
      expect(removed.statusCode).toBe(404);
    }
    expect((await ssw2.get(`/participation/${event.id}`)).body).toContain('Peregrine');
    const found = await ssw.get(`/participation/${event.id}?q=Peregrine`);
    expect(found.body).toContain('No one found for “Peregrine”');
  });

  it('shows a carer their own household’s events in the portal, and no event page', async () => {
    const db = t.database.db;
    const [user] = await db.select().from(users).where(eq(users.username, 'carer'));
    const [own] = await db.select().from(carers).where(eq(carers.householdId, user!.householdId!));
    const stranger = await family('East Kent Fostering Team 1', 'Wilhelmina', 'Cosmo');
    const together = await namedEvent('Picnic at Kearsney Abbey', addDays(today, -20));
    await attendEvent(db, together.id, { carerId: own!.id });
    await attendEvent(db, together.id, { carerId: stranger.carer.id });
    const theirs = await namedEvent('Coffee morning in Deal', addDays(today, -15));
    await attendEvent(db, theirs.id, { carerId: stranger.carer.id });

    const carer = await signedIn(t.app, 'carer');
    const portal = await carer.get('/portal/training');
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('Picnic at Kearsney Abbey');
    expect(portal.body).not.toContain('Coffee morning in Deal');
    expect(portal.body).not.toContain('Wilhelmina');
    expect((await carer.get(`/participation/${together.id}`)).statusCode).toBe(403);
    expect((await carer.get('/participation')).statusCode).toBe(403);
  });
});
