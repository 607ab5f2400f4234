import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makeReferral } from '../../../test/support/children.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { referralEvents, referrals } from './tables.ts';
import { auditTrail, dateFields, idFrom } from './test-support.ts';

const t = testAppForFile();

function referralForm(overrides: Record<string, string> = {}) {
  return {
    needs: 'Needs a calm home near her school; weekly contact with her grandmother.',
    placementType: 'long_term',
    urgency: 'planned',
    ...dateFields('neededFrom', addDays(todayInLondon(), 14)),
    siblingGroupSize: '1',
    ...overrides,
  };
}

async function referralRow(id: string) {
  const [row] = await t.database.db.select().from(referrals).where(eq(referrals.id, id));
  return row!;
}

describe('a referral returned, re-submitted and accepted', () => {
  it('goes from the social worker to the manager and back, counting each return', async () => {
    const child = await makeChild(t.database.db, { firstName: 'Poppy', lastName: 'Referred' });
    const cicsw = await signedIn(t.app, 'cicsw');
    const manager = await signedIn(t.app, 'manager');

    const sent = await cicsw.post(`/children/${child.id}/referral`, referralForm());
    expect(sent.statusCode).toBe(303);
    const id = idFrom(sent.headers.location, '/referrals');
    expect(await referralRow(id)).toMatchObject({ status: 'submitted', timesReturned: 0, placementType: 'long_term' });

    const queue = await manager.get('/referrals');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Poppy Referred');

    const noReasons = await manager.post(`/referrals/${id}/return`, { reasons: '   ' });
    expect(noReasons.statusCode).toBe(400);
    expect(noReasons.body).toContain('Enter the reasons for returning the referral');
    expect((await referralRow(id)).status).toBe('submitted');

    const returned = await manager.post(`/referrals/${id}/return`, {
      reasons: 'Say what contact arrangements are in place.',
    });
    expect(returned.statusCode).toBe(303);
    expect(await referralRow(id)).toMatchObject({ status: 'returned', timesReturned: 1 });

    const seen = await cicsw.get(`/referrals/${id}`);
    expect(seen.body).toContain('This referral was returned');
    expect(seen.body).toContain('Say what contact arrangements are in place.');
    const edit = await cicsw.get(`/referrals/${id}/edit`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('Say what contact arrangements are in place.');
    expect(edit.body).toContain('Needs a calm home near her school');

    const resent = await cicsw.post(
      `/referrals/${id}/edit`,
      referralForm({ needs: 'Needs a calm home near her school. Contact: grandmother every Saturday, supervised.' }),
    );
    expect(resent.statusCode).toBe(303);
    expect(await referralRow(id)).toMatchObject({ status: 'submitted', timesReturned: 1 });

    await manager.post(`/referrals/${id}/return`, { reasons: 'Add her school’s postcode to her record.' });
    expect(await referralRow(id)).toMatchObject({ status: 'returned', timesReturned: 2 });
    await cicsw.post(`/referrals/${id}/edit`, referralForm());

    const accepted = await manager.post(`/referrals/${id}/accept`, {});
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe(`/referrals/${id}/matching?done=accepted`);
    expect(await referralRow(id)).toMatchObject({ status: 'accepted', timesReturned: 2 });

    const events = await t.database.db
      .select({ kind: referralEvents.kind, reason: referralEvents.reason })
      .from(referralEvents)
      .where(eq(referralEvents.referralId, id))
      .orderBy(asc(referralEvents.at), asc(referralEvents.id));
    expect(events).toEqual([
      { kind: 'submitted', reason: null },
      { kind: 'returned', reason: 'Say what contact arrangements are in place.' },
      { kind: 'resubmitted', reason: null },
      { kind: 'returned', reason: 'Add her school’s postcode to her record.' },
      { kind: 'resubmitted', reason: null },
      { kind: 'accepted', reason: null },
    ]);
    const page = await manager.get(`/referrals/${id}`);
    expect(page.body).toContain('Changed and re-submitted');
    expect(page.body).toContain('Returned 2 times');

    const actions = (await auditTrail(t, 'referral', id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'return', 'resubmit', 'accept', 'view']));
    expect(actions.filter((a) => a === 'return')).toHaveLength(2);
  });

  it('refuses to accept or return a referral that is not waiting for review', async () => {
    const child = await makeChild(t.database.db);
    const referral = await makeReferral(t.database.db, { childId: child.id, status: 'accepted' });
    const manager = await signedIn(t.app, 'manager');
    const again = await manager.post(`/referrals/${referral.id}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Only a referral waiting for review can be accepted');
  });

  it('asks for the needs and a date needed from that is not in the past', async () => {
    const child = await makeChild(t.database.db);
    const cicsw = await signedIn(t.app, 'cicsw');
    const response = await cicsw.post(
      `/children/${child.id}/referral`,
      referralForm({ needs: '', ...dateFields('neededFrom', addDays(todayInLondon(), -1)) }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Describe the child’s needs');
    expect(response.body).toContain('Date needed from must be today or in the future');
  });

  it('names what is asked for in its heading, in good English: an emergency placement, a Staying Put arrangement', async () => {
    const cicsw = await signedIn(t.app, 'cicsw');
    for (const [placementType, heading] of [
      ['emergency', 'Referral for an emergency placement'],
      ['long_term', 'Referral for a long-term placement'],
      ['staying_put', 'Referral for a Staying Put arrangement'],
    ]) {
      const referral = await makeReferral(t.database.db, {
        childId: (await makeChild(t.database.db)).id,
        placementType,
      });
      expect((await cicsw.get(`/referrals/${referral.id}`)).body).toContain(
        `<h1 class="govuk-heading-l">${heading}</h1>`,
      );
    }
  });

  it('allows one open referral per child', async () => {
    const child = await makeChild(t.database.db);
    await makeReferral(t.database.db, { childId: child.id });
    const cicsw = await signedIn(t.app, 'cicsw');
    const response = await cicsw.post(`/children/${child.id}/referral`, referralForm());
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('already has an open referral');
  });
});

describe('who may refer and review', () => {
  it('lets a children’s social worker refer only their own allocated children (404 otherwise)', async () => {
    const other = await makeChild(t.database.db, { socialWorker: null });
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`/children/${other.id}/referral`)).statusCode).toBe(404);
    expect((await cicsw.post(`/children/${other.id}/referral`, referralForm())).statusCode).toBe(404);
  });

  it('shows a team manager the referrals of their own area only', async () => {
    const west = await makeChild(t.database.db, { area: 'West Kent', firstName: 'Wes', lastName: 'Westkent' });
    const referral = await makeReferral(t.database.db, { childId: west.id });
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/referrals/${referral.id}`)).statusCode).toBe(404);
    expect((await manager.get('/referrals')).body).not.toContain('Wes Westkent');
    const head = await signedIn(t.app, 'head');
    expect((await head.get(`/referrals/${referral.id}`)).statusCode).toBe(200);
  });

  it('lets a team manager open the record of a child referred in their area', async () => {
    const child = await makeChild(t.database.db, { firstName: 'Kit', lastName: 'Inthequeue' });
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/children/${child.id}`)).statusCode).toBe(404);
    await makeReferral(t.database.db, { childId: child.id });
    expect((await manager.get(`/children/${child.id}`)).statusCode).toBe(200);
  });

  it('keeps social workers and carers out of the review pages (403); a social worker lists their own referrals', async () => {
    const child = await makeChild(t.database.db);
    const referral = await makeReferral(t.database.db, { childId: child.id });
    const cicsw = await signedIn(t.app, 'cicsw');
    const own = await cicsw.get('/referrals');
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Your referrals');
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get('/referrals')).statusCode).toBe(403);
    expect((await cicsw.post(`/referrals/${referral.id}/accept`, {})).statusCode).toBe(403);
    expect((await cicsw.get(`/referrals/${referral.id}/matching`)).statusCode).toBe(403);
    const carer = await signedIn(t.app, 'carer');
    for (const url of ['/referrals', `/referrals/${referral.id}`, `/referrals/${referral.id}/matching`]) {
      expect((await carer.get(url)).statusCode).toBe(403);
    }
  });
});
