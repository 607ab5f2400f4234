/** Putting a supervision right, through the pages: correcting a finalised one with why, removing one recorded in error. */
import { and, desc, eq } from 'drizzle-orm';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeCarer, makeHousehold } from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { addDays, addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import {
  childSeenFacts,
  householdSupervisionFacts,
  supervisionActions,
  supervisionChildren,
  supervisionNotesMessages,
  supervisions,
} from './tables.ts';
import { makeSupervision, visitAnswers } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

const visit = (visitDate: string, extra: Record<string, string> = {}) => visitAnswers(visitDate, today, extra);
const idFrom = (location: unknown) => String(location).split('/')[2]!.split('?')[0]!;

async function dueOn(ruleId: string, recordId: string) {
  const rows = await t.database.db
    .select({ dueOn: dueItems.dueOn })
    .from(dueItems)
    .where(and(eq(dueItems.ruleId, ruleId), eq(dueItems.recordId, recordId)));
  return rows.map((r) => r.dueOn);
}

async function facts(householdId: string) {
  const [row] = await t.database.db
    .select()
    .from(householdSupervisionFacts)
    .where(eq(householdSupervisionFacts.householdId, householdId));
  return row;
}

/** A household allocated to ssw with a child placed, and a finalised unannounced visit 10 days ago at which the child was seen alone. */
async function finalisedVisit() {
  const db = t.database.db;
  const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
  await makeCarer(db, household.id, { email: 'carer@example.invalid' });
  const child = await makeChild(db, { firstName: 'Ellis' });
  await makePlacement(db, { childId: child.id, householdId: household.id, startDate: addDays(today, -100) });
  const ssw = await signedIn(t.app, 'ssw');
  const visitDate = addDays(today, -10);
  const saved = await ssw.post(
    `/households/${household.id}/supervision/new`,
    visit(visitDate, { [`seen-${child.id}`]: 'seen_alone' }),
  );
  const id = idFrom(saved.headers.location);
  expect((await ssw.post(`/supervision/${id}/finalise`, {})).statusCode).toBe(303);
  return { household, child, ssw, id, visitDate };
}

describe('correcting a finalised supervision', () => {
  it('changes the date, announced and children seen on the form filled in; deadlines, facts and audit follow', async () => {
    const db = t.database.db;
    const { household, child, ssw, id, visitDate } = await finalisedVisit();
    expect(await dueOn('supervision.next-visit', household.id)).toEqual([addDays(visitDate, 42)]);
    expect((await facts(household.id))?.lastUnannouncedVisitOn).toBe(visitDate);

    const page = await ssw.get(`/supervision/${id}`);
    expect(page.body).toContain('Correct this supervision');
    expect(page.body).toContain('Remove this supervision');

    const form = await ssw.get(`/supervision/${id}/correct`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`Correct the supervision on ${formatDate(visitDate)}`);
    expect(form.body).toContain('School attendance has dipped');
    expect(form.body).toContain('Why is the supervision being corrected?');
    expect(form.body).toContain(`name="visitDate-day" type="text" value="${Number(visitDate.slice(8))}"`);

    const corrected = addDays(today, -5);
    const saved = await ssw.post(
      `/supervision/${id}/correct`,
      visit(corrected, {
        announced: 'announced',
        [`seen-${child.id}`]: 'not_seen',
        reason: 'The date and the visit type were typed wrongly; Ellis was at school',
      }),
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/supervision/${id}?done=corrected`);

    const [row] = await db.select().from(supervisions).where(eq(supervisions.id, id));
    expect(row).toMatchObject({ visitDate: corrected, announced: true, status: 'final' });
    const seen = await db.select().from(supervisionChildren).where(eq(supervisionChildren.supervisionId, id));
    expect(seen.map((s) => s.seen)).toEqual(['not_seen']);

    // The next visit moves with the date; the unannounced visit and the child seen are no longer counted.
    expect(await dueOn('supervision.next-visit', household.id)).toEqual([addDays(corrected, 42)]);
    expect((await facts(household.id))?.lastUnannouncedVisitOn).toBeNull();
    expect((await facts(household.id))?.lastVisitOn).toBe(corrected);
    expect(await db.select().from(childSeenFacts).where(eq(childSeenFacts.childId, child.id))).toEqual([]);

    const after = await ssw.get(`/supervision/${id}?done=corrected`);
    expect(after.body).toContain('Supervision corrected');
    expect(after.body).toContain(`Supervision on ${formatDate(corrected)}`);
    expect(after.body).toContain('Corrected');
    expect(after.body).toContain('by Sam Sutherland on');
    expect(after.body).toContain('The date and the visit type were typed wrongly; Ellis was at school');
    // The notes were not yet sent (held in the outbox): nothing to say about earlier notes.
    expect(after.body).not.toContain('the carers have the earlier notes');

    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.recordType, 'supervision'), eq(auditEvents.recordId, id), eq(auditEvents.action, 'update')),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit).toMatchObject({ action: 'update', username: 'ssw' });
    expect(audit!.detail).toMatchObject({
      part: 'supervision-details',
      reason: 'The date and the visit type were typed wrongly; Ellis was at school',
      before: { visitDate, announced: false, childrenSeen: [{ childId: child.id, seen: 'seen_alone' }] },
    });
    expect((audit!.detail as { fields: string[] }).fields).toEqual(
      expect.arrayContaining(['visitDate', 'announced', 'childrenSeen']),
    );
  });

  it('refuses a correction without a reason, or to a future date, keeping what was typed', async () => {
    const db = t.database.db;
    const { ssw, id, visitDate } = await finalisedVisit();
    const noReason = await ssw.post(
      `/supervision/${id}/correct`,
      visit(addDays(today, -3), { worries: 'Typed but not saved' }),
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the supervision is being corrected');
    expect(noReason.body).toContain('href="#reason"');
    expect(noReason.body).toContain('Typed but not saved');

    const future = await ssw.post(
      `/supervision/${id}/correct`,
      visit(addDays(today, 1), { reason: 'Wrong date typed' }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date of the visit must be today or in the past');
    expect(future.body).toContain('Wrong date typed');

    // A finalised record keeps every answer of the template.
    const blank = await ssw.post(`/supervision/${id}/correct`, visit(visitDate, { worries: '', reason: 'Tidying' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter what we are worried about');

    const [row] = await db.select().from(supervisions).where(eq(supervisions.id, id));
    expect(row).toMatchObject({ visitDate, worries: 'School attendance has dipped' });
  });

  it('says the carers have the earlier notes when they were sent before the correction', async () => {
    const { ssw, id } = await finalisedVisit();
    expect(
      (await ssw.post(`/supervision/${id}/notes-sent`, dateBoxes('notesSentOn', addDays(today, -8)))).statusCode,
    ).toBe(303);
    const saved = await ssw.post(
      `/supervision/${id}/correct`,
      visit(addDays(today, -10), { announced: 'announced', reason: 'It was announced' }),
    );
    expect(saved.statusCode).toBe(303);
    const page = await ssw.get(`/supervision/${id}`);
    expect(page.body).toContain('the carers have the earlier notes');
    // The visit cannot be moved after the day its notes were sent.
    const late = await ssw.post(`/supervision/${id}/correct`, visit(addDays(today, -5), { reason: 'Later' }));
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('when the notes were sent');
  });

  it('is for those who may change it: the team manager may; another team gets a 404, the director a 403', async () => {
    const { household, id } = await finalisedVisit();
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.get(`/supervision/${id}/correct`)).statusCode).toBe(200);
    expect(
      (await manager.post(`/supervision/${id}/correct`, visit(addDays(today, -9), { reason: 'Date typed wrongly' })))
        .statusCode,
    ).toBe(303);

    const ssw2 = await signedIn(t.app, 'ssw2');
    for (const path of ['correct', 'remove']) {
      expect((await ssw2.get(`/supervision/${id}/${path}`)).statusCode).toBe(404);
      expect((await ssw2.post(`/supervision/${id}/${path}`, { reason: 'x' })).statusCode).toBe(404);
    }
    const director = await signedIn(t.app, 'director');
    expect((await director.get(`/supervision/${id}`)).body).not.toContain('Correct this supervision');
    for (const path of ['correct', 'remove']) {
      expect((await director.get(`/supervision/${id}/${path}`)).statusCode).toBe(403);
      expect((await director.post(`/supervision/${id}/${path}`, { reason: 'x' })).statusCode).toBe(403);
    }
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(`/supervision/${id}/correct`)).statusCode).toBe(403);

    // A draft is changed, not corrected.
    const ssw = await signedIn(t.app, 'ssw');
    const draft = idFrom(
      (await ssw.post(`/households/${household.id}/supervision/new`, visit(today))).headers.location,
    );
    expect((await ssw.get(`/supervision/${draft}/correct`)).statusCode).toBe(403);
    const [row] = await t.database.db.select().from(supervisions).where(eq(supervisions.id, id));
    expect(row!.visitDate).toBe(addDays(today, -9));
  });
});

describe('removing a supervision recorded in error', () => {
  it('removes it with its children seen, actions and notes message; the deadlines are worked out without it', async () => {
    const db = t.database.db;
    const { household, child, ssw, id } = await finalisedVisit();
    const older = await makeSupervision(db, {
      householdId: household.id,
      visitDate: addDays(today, -60),
      announced: false,
      seen: { [child.id]: 'seen' },
    });
    expect(await dueOn('supervision.next-visit', household.id)).toEqual([addDays(today, -10 + 42)]);
    expect(await dueOn('supervision.child-seen', child.id)).toEqual([addMonths(addDays(today, -10), 3)]);
    expect(
      await db.select().from(supervisionNotesMessages).where(eq(supervisionNotesMessages.supervisionId, id)),
    ).toHaveLength(1);

    const page = await ssw.get(`/supervision/${id}/remove`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Remove the supervision on ${formatDate(addDays(today, -10))}`);
    expect(page.body).toContain('Ellis Testchild: seen alone');

    const noReason = await ssw.post(`/supervision/${id}/remove`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the supervision is being removed');

    const removed = await ssw.post(`/supervision/${id}/remove`, { reason: 'Recorded on the wrong household' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/households/${household.id}/supervision?done=removed`);
    expect(await db.select().from(supervisions).where(eq(supervisions.id, id))).toEqual([]);
    expect(await db.select().from(supervisionChildren).where(eq(supervisionChildren.supervisionId, id))).toEqual([]);
    expect(await db.select().from(supervisionActions).where(eq(supervisionActions.supervisionId, id))).toEqual([]);
    expect(
      await db.select().from(supervisionNotesMessages).where(eq(supervisionNotesMessages.supervisionId, id)),
    ).toEqual([]);

    // The older visit counts again: next visit, unannounced visit and the child seen.
    expect(await dueOn('supervision.next-visit', household.id)).toEqual([addDays(today, -60 + 42)]);
    expect((await facts(household.id))?.lastVisitOn).toBe(older.visitDate);
    expect((await facts(household.id))?.lastUnannouncedVisitOn).toBe(older.visitDate);
    expect(await dueOn('supervision.child-seen', child.id)).toEqual([addMonths(addDays(today, -60), 3)]);
    expect(await dueOn('supervision.notes-sent', id)).toEqual([]);

    const list = await ssw.get(`/households/${household.id}/supervision?done=removed`);
    expect(list.body).toContain('Supervision removed');
    expect((await ssw.get(`/supervision/${id}`)).statusCode).toBe(404);

    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.recordType, 'household'),
          eq(auditEvents.recordId, household.id),
          eq(auditEvents.action, 'delete'),
        ),
      );
    expect(audit!.detail).toMatchObject({
      part: 'supervision',
      supervisionId: id,
      reason: 'Recorded on the wrong household',
      childrenSeen: [{ childId: child.id, seen: 'seen_alone' }],
    });
  });
});
