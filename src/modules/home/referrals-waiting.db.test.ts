/**
 * Referrals on My work: a manager's referrals waiting for review, with the days waiting, and a
 * children's social worker's returned referrals; the social worker's own referrals list.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makeReferral } from '../../../test/support/children.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { referrals } from '../placements/tables.ts';

const t = testAppForFile();

/** Moves a referral's last change back `days` days (as if it had waited that long). */
async function waitedSince(id: string, days: number) {
  await t.database.db
    .update(referrals)
    .set({ updatedAt: new Date(`${addDays(todayInLondon(), -days)}T10:00:00Z`) })
    .where(eq(referrals.id, id));
}

describe('referrals on My work', () => {
  it('shows a manager the referrals waiting for review with the days waiting, and the social worker those returned', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { firstName: 'Wren', lastName: 'Waitinglong' });
    // Emergency and long waiting: first in the list, whatever else the demo has waiting.
    const referral = await makeReferral(db, { childId: child.id, urgency: 'emergency' });
    await waitedSince(referral.id, 400);
    const otherWorkers = await makeChild(db, { firstName: 'Otto', lastName: 'Notmine', socialWorker: null });
    const notMine = await makeReferral(db, { childId: otherWorkers.id, urgency: 'emergency', status: 'returned' });
    await waitedSince(notMine.id, 500);

    const manager = await signedIn(t.app, 'manager');
    const work = (await manager.get('/my-work')).body;
    expect(work).toContain('Referrals waiting for your review');
    const rows = tableRowsAfter(work, 'Referrals waiting for your review');
    expect(rows[0]).toContain('Wren Waitinglong');
    expect(rows[0]).toContain('400 days');
    expect(work).toContain(`href="/referrals/${referral.id}"`);

    expect(
      (await manager.post(`/referrals/${referral.id}/return`, { reasons: 'Add the contact plan.' })).statusCode,
    ).toBe(303);
    const after = (await manager.get('/my-work')).body;
    const section = after.slice(after.indexOf('Referrals waiting for your review'), after.indexOf('Due and overdue'));
    expect(section).not.toContain('Wren Waitinglong');
    await waitedSince(referral.id, 450);

    const cicsw = await signedIn(t.app, 'cicsw');
    const own = (await cicsw.get('/my-work')).body;
    expect(own).toContain('Referrals returned to you');
    const returned = tableRowsAfter(own, 'Referrals returned to you');
    expect(returned[0]).toContain('Wren Waitinglong');
    expect(returned[0]).toContain('450 days');
    expect(own).not.toContain('Otto Notmine');
  });

  it('gives a children’s social worker a Referrals link to their own open referrals', async () => {
    const db = t.database.db;
    const child = await makeChild(db, { firstName: 'Ivy', lastName: 'Ownreferral' });
    await makeReferral(db, { childId: child.id, status: 'accepted' });
    const other = await makeChild(db, { firstName: 'Abe', lastName: 'Elsewhere', socialWorker: null });
    await makeReferral(db, { childId: other.id, status: 'accepted' });

    const cicsw = await signedIn(t.app, 'cicsw');
    const home = (await cicsw.get('/my-work')).body;
    expect(home).toMatch(/href="\/referrals"[^>]*>\s*Referrals\s*</);
    const list = await cicsw.get('/referrals');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<h1 class="govuk-heading-l">Your referrals</h1>');
    expect(list.body).toContain('Ivy Ownreferral');
    expect(list.body).not.toContain('Abe Elsewhere');
    const placed = await cicsw.get('/referrals?status=placed');
    expect(placed.body).not.toContain('Ivy Ownreferral');
  });
});
