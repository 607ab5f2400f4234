/**
 * Putting a matter right, as the people who work it use the pages: its opening details changed on
 * the form it was recorded on (its deadlines, a complaint's stage 1 and an allegation's notification
 * following), never after what followed; or a matter recorded in error removed by a manager while
 * nothing after its opening is recorded; the audit trail keeping what it said, who and why.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { referralDueOn, supportDueOn } from './settings.ts';
import { stageDeadlines } from './complaint-deadlines.ts';
import { complaintStages, concernChildren, concerns, significantEvents } from './tables.ts';
import { dateFields, householdWithChild, makeMatter, makeStage, setThemes } from './test-support.ts';

const t = testAppForFile();
const daysAgo = (n: number) => addDays(todayInLondon(), -n);
const idFrom = (location: unknown) => String(location).split('/')[2]!.split('?')[0]!;

/** An allegation recorded by the SSW on the pages, with its notification; its id and the form's answers. */
async function recordAllegation() {
  const db = t.database.db;
  const { household, carer, child } = await householdWithChild(db);
  const ssw = await signedIn(t.app, 'ssw');
  const fields = {
    kind: 'allegation',
    about: `carer:${carer.id}`,
    raisedBy: 'professional',
    raisedByName: 'Ms Teacher',
    ...dateFields('knownOn', daysAgo(10)),
    knownAtTime: '09:15',
    category: 'physical',
    summary: 'Bruising on the arm, said to be from being grabbed.',
    childIds: child.id,
  };
  const recorded = await ssw.post(`/households/${household.id}/concerns/new`, fields);
  expect(recorded.statusCode).toBe(303);
  return { id: idFrom(recorded.headers.location), household, carer, child, ssw, fields };
}

const trailOf = (recordType: string, recordId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)));

describe('changing a matter’s opening details', () => {
  it('changes an allegation on its own form, filled in, its deadlines and notification following, audited with why', async () => {
    const db = t.database.db;
    const { id, ssw, fields } = await recordAllegation();

    const page = await ssw.get(`/concerns/${id}`);
    expect(page.body).toContain(`href="/concerns/${id}/change"`);
    // Removing is a manager's.
    expect(page.body).not.toContain(`/concerns/${id}/remove`);

    const form = await ssw.get(`/concerns/${id}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the details of the allegation');
    expect(form.body).toContain('Bruising on the arm');
    expect(form.body).toContain('value="09:15"');
    expect(form.body).toContain('Why is this being changed?');

    // No reason: refused, with what was typed kept.
    const noReason = await ssw.post(`/concerns/${id}/change`, { ...fields, summary: 'Bruising on both arms.' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the details are being changed');
    expect(noReason.body).toContain('Bruising on both arms.');

    const future = await ssw.post(`/concerns/${id}/change`, {
      ...fields,
      ...dateFields('knownOn', addDays(todayInLondon(), 2)),
      reason: 'Typed wrongly',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date it became known must be today or in the past');

    const changed = await ssw.post(`/concerns/${id}/change`, {
      ...fields,
      ...dateFields('knownOn', daysAgo(12)),
      knownAtTime: '10:30',
      summary: 'Bruising on both arms.',
      reason: 'The date was typed wrongly',
    });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(`/concerns/${id}?done=changed`);
    const after = await ssw.get(`/concerns/${id}?done=changed`);
    expect(after.body).toContain('The details were changed');
    expect(after.body).toContain(formatDate(daysAgo(12)));
    expect(after.body).toContain('Bruising on both arms.');

    const [row] = await db.select().from(concerns).where(eq(concerns.id, id));
    expect(row?.knownOn).toBe(daysAgo(12));
    const [referral] = await db
      .select({ dueOn: dueItems.dueOn })
      .from(dueItems)
      .where(and(eq(dueItems.recordId, id), eq(dueItems.ruleId, 'concerns.lado-referral')));
    expect(referral?.dueOn).toBe(referralDueOn(daysAgo(12)));
    const [event] = await db.select().from(significantEvents).where(eq(significantEvents.concernId, id));
    const [notification] = await db
      .select({ dueOn: dueItems.dueOn })
      .from(dueItems)
      .where(eq(dueItems.recordId, event!.id));
    expect(notification?.dueOn).toBe(addDays(daysAgo(12), 1));

    const trail = await trailOf('concern', id);
    const entry = trail.find((e) => e.action === 'update' && e.detail?.part === 'matter-details');
    expect(entry?.detail).toMatchObject({
      changed: expect.arrayContaining(['knownOn', 'summary', 'knownAt']),
      was: { knownOn: daysAgo(10), summary: 'Bruising on the arm, said to be from being grabbed.' },
      reason: 'The date was typed wrongly',
    });
    const history = await ssw.get(`/concerns/${id}`);
    expect(history.statusCode).toBe(200);
  });

  it('refuses a date after the first step recorded, or a child taken off once their outcome is recorded', async () => {
    const db = t.database.db;
    const { id, ssw, fields, child } = await recordAllegation();
    await db
      .update(concerns)
      .set({ referredToLadoOn: daysAgo(9), outcome: 'unfounded', outcomeOn: daysAgo(3) })
      .where(eq(concerns.id, id));
    await db
      .update(concernChildren)
      .set({ outcomeToldOn: daysAgo(2), outcomeToldBy: 'SSW', outcomeToldHow: 'At a visit' })
      .where(eq(concernChildren.concernId, id));

    const late = await ssw.post(`/concerns/${id}/change`, {
      ...fields,
      ...dateFields('knownOn', daysAgo(8)),
      summary: 'What I typed stays.',
      reason: 'Typed wrongly',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(
      `The date it became known cannot be after the referral to the LADO on ${formatDate(daysAgo(9))}`,
    );
    expect(late.body).toContain('What I typed stays.');

    const withoutChild = await ssw.post(`/concerns/${id}/change`, {
      ...fields,
      childIds: [],
      reason: 'Wrong child',
    });
    expect(withoutChild.statusCode).toBe(400);
    expect(withoutChild.body).toContain(
      'Casey Fixture cannot be taken off the matter once the outcome given to them has been recorded',
    );
    const [kept] = await db.select().from(concernChildren).where(eq(concernChildren.concernId, id));
    expect(kept?.childId).toBe(child.id);
    expect((await db.select().from(concerns).where(eq(concerns.id, id)))[0]?.knownOn).toBe(daysAgo(10));
  });

  it('refuses a time it became known after Ofsted was told of the allegation', async () => {
    const db = t.database.db;
    const { id, ssw, fields } = await recordAllegation();
    const [event] = await db.select().from(significantEvents).where(eq(significantEvents.concernId, id));
    expect(
      (
        await ssw.post(`/notifications/${event!.id}/told`, {
          recipient: 'ofsted',
          ...dateFields('toldOn', daysAgo(10)),
          toldAtTime: '11:00',
          method: 'online_form',
        })
      ).statusCode,
    ).toBe(303);
    const late = await ssw.post(`/concerns/${id}/change`, { ...fields, knownAtTime: '12:00', reason: 'Typed wrongly' });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('when Ofsted was told');
    expect(late.body).toContain('value="12:00"');
  });

  it('moves a complaint’s stage 1 and its response deadline with the day it was received', async () => {
    const db = t.database.db;
    const { household } = await householdWithChild(db);
    const matter = await makeMatter(db, {
      kind: 'complaint',
      householdId: household.id,
      againstKind: 'service',
      category: null,
      raisedBy: 'parent',
      knownOn: daysAgo(5),
      summary: 'Contact arrangements were changed without notice.',
    });
    await setThemes(db, matter.id, ['communication']);
    await makeStage(db, matter.id, { receivedOn: daysAgo(5) });
    const manager = await signedIn(t.app, 'manager');
    const form = await manager.get(`/concerns/${matter.id}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Date it was received');
    const changed = await manager.post(`/concerns/${matter.id}/change`, {
      kind: 'complaint',
      about: 'service',
      raisedBy: 'parent',
      ...dateFields('knownOn', daysAgo(7)),
      summary: 'Contact arrangements were changed without notice.',
      themes: ['communication'],
      reason: 'Received two days earlier',
    });
    expect(changed.statusCode).toBe(303);
    const [stage1] = await db.select().from(complaintStages).where(eq(complaintStages.concernId, matter.id));
    expect(stage1?.receivedOn).toBe(daysAgo(7));
    expect(stage1?.respondBy).toBe(stageDeadlines(1, daysAgo(7)).respondBy);
    const [due] = await db
      .select({ dueOn: dueItems.dueOn })
      .from(dueItems)
      .where(and(eq(dueItems.recordId, matter.id), eq(dueItems.ruleId, 'concerns.complaint-response')));
    expect(due?.dueOn).toBe(stageDeadlines(1, daysAgo(7)).respondBy);
  });

  it('is refused to those who may not record the matter', async () => {
    const { id, fields } = await recordAllegation();
    const cicsw = await signedIn(t.app, 'cicsw');
    expect((await cicsw.get(`/concerns/${id}/change`)).statusCode).toBe(403);
    const lado = await signedIn(t.app, 'lado');
    expect((await lado.get(`/concerns/${id}/change`)).statusCode).toBe(403);
    expect((await lado.get(`/concerns/${id}`)).body).not.toContain(`/concerns/${id}/change`);
    const post = await lado.post(`/concerns/${id}/change`, { ...fields, reason: 'Not mine' });
    expect(post.statusCode).toBe(403);
  });
});

describe('removing a matter recorded in error', () => {
  it('is a manager’s: the allegation, its notification and deadlines go, audited on the household', async () => {
    const db = t.database.db;
    const { id, ssw, household } = await recordAllegation();
    const [event] = await db.select().from(significantEvents).where(eq(significantEvents.concernId, id));
    expect((await ssw.get(`/concerns/${id}/remove`)).statusCode).toBe(403);

    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/concerns/${id}`)).body).toContain(`href="/concerns/${id}/remove"`);
    const page = await manager.get(`/concerns/${id}/remove`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Remove the allegation');
    expect(page.body).toContain('its notification to Ofsted');
    expect(page.body).toContain('Casey Fixture');

    const noReason = await manager.post(`/concerns/${id}/remove`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the allegation is being removed');

    const removed = await manager.post(`/concerns/${id}/remove`, { reason: 'Recorded on the wrong household' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/households/${household.id}/concerns?done=matter-removed`);
    const list = await manager.get(String(removed.headers.location));
    expect(list.body).toContain('The matter recorded in error has been removed');
    expect(list.body).not.toContain(`/concerns/${id}"`);
    expect((await manager.get(`/concerns/${id}`)).statusCode).toBe(404);
    expect(await db.select().from(significantEvents).where(eq(significantEvents.id, event!.id))).toEqual([]);
    expect(await db.select().from(dueItems).where(eq(dueItems.recordId, id))).toEqual([]);
    expect(await db.select().from(dueItems).where(eq(dueItems.recordId, event!.id))).toEqual([]);

    const trail = await trailOf('household', household.id);
    const entry = trail.find((e) => e.action === 'delete' && e.detail?.part === 'matter');
    expect(entry?.detail).toMatchObject({
      concernId: id,
      reason: 'Recorded on the wrong household',
      was: { kind: 'allegation', summary: 'Bruising on the arm, said to be from being grabbed.' },
    });
  });

  it('is refused once anything after its opening is recorded: change it instead', async () => {
    const db = t.database.db;
    const { id } = await recordAllegation();
    await db
      .update(concerns)
      .set({ referredToLadoOn: daysAgo(9) })
      .where(eq(concerns.id, id));
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/concerns/${id}`)).body).not.toContain(`/concerns/${id}/remove`);
    const page = await manager.get(`/concerns/${id}/remove`);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain(
      'The allegation cannot be removed once the referral to the LADO has been recorded; change it instead',
    );
    const post = await manager.post(`/concerns/${id}/remove`, { reason: 'Trying anyway' });
    expect(post.statusCode).toBe(403);
    expect(await db.select().from(concerns).where(eq(concerns.id, id))).toHaveLength(1);
  });
});

describe('changing the date of the referral to the LADO', () => {
  it('is changed on its own form, filled in, within the days around it, its deadlines following', async () => {
    const db = t.database.db;
    const { id, ssw } = await recordAllegation();
    expect(
      (
        await ssw.post(`/concerns/${id}/referral`, {
          ...dateFields('referredOn', daysAgo(8)),
          ladoName: 'Laura Adeyemi',
        })
      ).statusCode,
    ).toBe(303);
    await db
      .update(concerns)
      .set({ ladoDecisionOn: daysAgo(6), immediateAction: 'strategy_meeting' })
      .where(eq(concerns.id, id));

    const page = await ssw.get(`/concerns/${id}`);
    expect(page.body).toContain(`href="/concerns/${id}/referral/change"`);
    // A correction is not a next step.
    expect(page.body).not.toContain('>Change the referral to the LADO<');
    const form = await ssw.get(`/concerns/${id}/referral/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Laura Adeyemi');
    expect(form.body).toContain(`value="${Number(daysAgo(8).slice(8))}"`);

    const afterDecision = await ssw.post(`/concerns/${id}/referral/change`, {
      ...dateFields('referredOn', daysAgo(5)),
      ladoName: 'Laura Adeyemi',
      reason: 'Typed wrongly',
    });
    expect(afterDecision.statusCode).toBe(400);
    expect(afterDecision.body).toContain(
      `The date of the referral cannot be after the LADO’s decision on immediate action on ${formatDate(daysAgo(6))}`,
    );
    const beforeKnown = await ssw.post(`/concerns/${id}/referral/change`, {
      ...dateFields('referredOn', daysAgo(11)),
      ladoName: 'Laura Adeyemi',
      reason: 'Typed wrongly',
    });
    expect(beforeKnown.statusCode).toBe(400);
    expect(beforeKnown.body).toContain('The date of the referral must be on or after the day it became known');
    const noReason = await ssw.post(`/concerns/${id}/referral/change`, {
      ...dateFields('referredOn', daysAgo(9)),
      ladoName: 'Laura Adeyemi',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the referral is being changed');

    const changed = await ssw.post(`/concerns/${id}/referral/change`, {
      ...dateFields('referredOn', daysAgo(9)),
      ladoName: 'Laura Adeyemi',
      reason: 'Referred the day before',
    });
    expect(changed.statusCode).toBe(303);
    expect((await ssw.get(String(changed.headers.location))).body).toContain('Referral to the LADO changed');
    const [row] = await db.select().from(concerns).where(eq(concerns.id, id));
    expect(row?.referredToLadoOn).toBe(daysAgo(9));
    const [support] = await db
      .select({ dueOn: dueItems.dueOn })
      .from(dueItems)
      .where(and(eq(dueItems.recordId, id), eq(dueItems.ruleId, 'concerns.carer-support')));
    expect(support?.dueOn).toBe(supportDueOn(daysAgo(9)));
    const entry = (await trailOf('concern', id)).find((e) => e.detail?.part === 'lado-referral');
    expect(entry?.detail).toMatchObject({
      step: 'referral-change',
      was: { referredToLadoOn: daysAgo(8), ladoName: 'Laura Adeyemi' },
      reason: 'Referred the day before',
    });

    // The LADO does not record the referral, so does not change it.
    const lado = await signedIn(t.app, 'lado');
    expect((await lado.get(`/concerns/${id}/referral/change`)).statusCode).toBe(403);
  });
});
