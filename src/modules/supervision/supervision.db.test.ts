import { and, asc, eq } from 'drizzle-orm';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { formatDate } from '../../platform/views/format.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import { supervisionActions, supervisionAgreements, supervisionChildren, supervisions } from './tables.ts';
import { visitAnswers } from './test-support.ts';

const t = testAppForFile();

const today = todayInLondon();
const visit = (visitDate: string, extra: Record<string, string> = {}) => visitAnswers(visitDate, today, extra);
const idFrom = (location: unknown) => String(location).split('/')[2]!.split('?')[0]!;

async function auditActions(id: string) {
  const rows = await t.database.db
    .select({ action: auditEvents.action, username: auditEvents.username })
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, 'supervision'), eq(auditEvents.recordId, id)))
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => `${r.username} ${r.action}`);
}

describe('recording a supervision', () => {
  it('saves a draft with the children placed at the visit, then finalising locks it', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const placedChild = await makeChild(db, { firstName: 'Ellis' });
    const leftChild = await makeChild(db, { firstName: 'Morgan' });
    await makePlacement(db, { childId: placedChild.id, householdId: household.id, startDate: addDays(today, -100) });
    // Left the household before the visit: not kept with the record.
    await makePlacement(db, {
      childId: leftChild.id,
      householdId: household.id,
      startDate: addDays(today, -100),
      endDate: addDays(today, -20),
      ending: 'planned',
    });
    const ssw = await signedIn(t.app, 'ssw');
    const form = await ssw.get(`/households/${household.id}/supervision/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Ellis Testchild');

    const visitDate = addDays(today, -3);
    const saved = await ssw.post(
      `/households/${household.id}/supervision/new`,
      visit(visitDate, { [`seen-${placedChild.id}`]: 'seen_alone', [`seen-${leftChild.id}`]: 'seen' }),
    );
    expect(saved.statusCode).toBe(303);
    const id = idFrom(saved.headers.location);
    const [row] = await db.select().from(supervisions).where(eq(supervisions.id, id));
    expect(row).toMatchObject({ status: 'draft', visitDate, announced: false, scalingScore: 7, finalisedAt: null });
    const seen = await db.select().from(supervisionChildren).where(eq(supervisionChildren.supervisionId, id));
    expect(seen.map((s) => [s.childId, s.seen])).toEqual([[placedChild.id, 'seen_alone']]);
    const actions = await db.select().from(supervisionActions).where(eq(supervisionActions.supervisionId, id));
    expect(actions).toHaveLength(1);

    const page = await ssw.get(`/supervision/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Draft');
    expect(page.body).toContain('Seen alone');

    // A draft has no signed record yet.
    expect((await ssw.get(`/supervision/${id}/record.pdf`)).statusCode).toBe(404);
    const changed = await ssw.post(`/supervision/${id}/edit`, visit(visitDate, { scalingScore: '8' }));
    expect(changed.statusCode).toBe(303);

    expect((await ssw.get(`/supervision/${id}/finalise`)).statusCode).toBe(200);
    const finalised = await ssw.post(`/supervision/${id}/finalise`, {});
    expect(finalised.statusCode).toBe(303);
    const [after] = await db.select().from(supervisions).where(eq(supervisions.id, id));
    expect(after!.status).toBe('final');
    expect(after!.scalingScore).toBe(8);
    expect(after!.finalisedBy).toBe(await userIdByUsername(db, 'ssw'));
    expect(after!.finalisedAt).not.toBeNull();

    // Locked: neither the author nor the team manager can change it now.
    expect((await ssw.get(`/supervision/${id}/edit`)).statusCode).toBe(403);
    expect((await ssw.post(`/supervision/${id}/edit`, visit(visitDate, { scalingScore: '2' }))).statusCode).toBe(403);
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.post(`/supervision/${id}/finalise`, {})).statusCode).toBe(403);
    const [still] = await db.select().from(supervisions).where(eq(supervisions.id, id));
    expect(still!.scalingScore).toBe(8);

    // The signed record, for the carers.
    const pdf = await ssw.get(`/supervision/${id}/record.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const list = await ssw.get(`/households/${household.id}/supervision`);
    expect(list.body).toContain('Finalised');
    expect(list.body).toContain(`/supervision/${id}`);
    // The next supervision is due 6 weeks (42 days) after this visit.
    expect(list.body).toContain(`due by <strong>${formatDate(addDays(visitDate, 42))}</strong>`);

    // Created, viewed, changed, read again on the page that finalises it, finalised, its signed record
    // opened (the refused draft PDF is not a view).
    expect(await auditActions(id)).toEqual([
      'ssw create',
      'ssw view',
      'ssw update',
      'ssw view',
      'ssw finalise',
      'ssw view',
    ]);
  });

  it('asks what the children said, the training and PDP progress, and whether a new child saw the profile', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const form = await ssw.get(`/households/${household.id}/supervision/new`);
    expect(form.body).toContain('What did the children say?');
    expect(form.body).toContain('Did a child placed since the last visit see the carers’ profile before arriving?');
    const saved = await ssw.post(
      `/households/${household.id}/supervision/new`,
      visit(addDays(today, -2), {
        childrenVoice: 'Sam said the new bedroom feels like theirs now',
        trainingProgress: 'Booked onto the CSE and missing course; PDP goal 1 done',
        profileSeenBeforeArrival: 'no',
      }),
    );
    expect(saved.statusCode).toBe(303);
    const id = idFrom(saved.headers.location);
    const [row] = await db.select().from(supervisions).where(eq(supervisions.id, id));
    expect(row).toMatchObject({
      childrenVoice: 'Sam said the new bedroom feels like theirs now',
      trainingProgress: 'Booked onto the CSE and missing course; PDP goal 1 done',
      profileSeenBeforeArrival: 'no',
    });
    const page = await ssw.get(`/supervision/${id}`);
    expect(page.body).toContain('Sam said the new bedroom feels like theirs now');
    expect(page.body).toMatch(/see the carers’ profile before arriving\?<\/h2>\s*<p class="govuk-body">No<\/p>/);
    // Changing the draft shows the answers again; a made-up answer is refused with a message.
    const edit = await ssw.get(`/supervision/${id}/edit`);
    expect(edit.body).toContain('Booked onto the CSE and missing course');
    const wrong = await ssw.post(
      `/supervision/${id}/edit`,
      visit(addDays(today, -2), { profileSeenBeforeArrival: 'maybe' }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Select whether the child saw the carers’ profile before arriving');
  });

  it('refuses a visit date in the future and keeps what was typed', async () => {
    const household = await makeHousehold(t.database.db, { allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const response = await ssw.post(`/households/${household.id}/supervision/new`, visit(addDays(today, 1)));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The date of the visit must be today or in the past');
    expect(response.body).toContain('School attendance has dipped');
  });

  it('saves a draft with only some answers, and finalises it only once every answer is there', async () => {
    const household = await makeHousehold(t.database.db, { allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const partial = {
      ...dateBoxes('visitDate', addDays(today, -1)),
      announced: 'announced',
      workingWell: 'Bedtimes are calmer',
    };
    const saved = await ssw.post(`/households/${household.id}/supervision/new`, partial);
    expect(saved.statusCode).toBe(303);
    const id = idFrom(saved.headers.location);
    const draft = await ssw.get(`/supervision/${id}`);
    expect(draft.body).toContain('Bedtimes are calmer');
    expect(draft.body).toContain('Not recorded yet');
    // The finalise page says what is missing, linked to the answers on the form.
    const finalise = await ssw.get(`/supervision/${id}/finalise`);
    expect(finalise.body).toContain(`href="/supervision/${id}/edit#attendees">Enter who attended</a>`);
    expect(finalise.body).not.toContain(`action="/supervision/${id}/finalise"`);
    const refused = await ssw.post(`/supervision/${id}/finalise`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('Enter a score from 0 to 10');
    expect((await ssw.get(`/supervision/${id}`)).body).not.toMatch(/govuk-tag--green">\s*Finalised/);
    // Completed, it finalises.
    expect((await ssw.post(`/supervision/${id}/edit`, visit(addDays(today, -1)))).statusCode).toBe(303);
    expect((await ssw.get(`/supervision/${id}/finalise`)).body).toContain(`action="/supervision/${id}/finalise"`);
    expect((await ssw.post(`/supervision/${id}/finalise`, {})).statusCode).toBe(303);
  });

  it('names the answer that is too long, and keeps it', async () => {
    const household = await makeHousehold(t.database.db, { allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const long = 'x'.repeat(10_001);
    const response = await ssw.post(`/households/${household.id}/supervision/new`, visit(today, { worries: long }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter what we are worried about in 10,000 characters or fewer');
    expect(response.body).toContain(long);
    expect(response.body).toContain('govuk-character-count');
  });

  it('lets an SSW record only for their allocated households; others in the team may read', async () => {
    const db = t.database.db;
    const east = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const eastUnallocated = await makeHousehold(db);
    const ssw2 = await signedIn(t.app, 'ssw2');
    expect((await ssw2.get(`/households/${east.id}/supervision/new`)).statusCode).toBe(404);
    expect((await ssw2.post(`/households/${east.id}/supervision/new`, visit(today))).statusCode).toBe(404);
    expect((await ssw2.get(`/households/${east.id}/supervision`)).statusCode).toBe(404);

    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/households/${eastUnallocated.id}/supervision`)).statusCode).toBe(200);
    expect((await ssw.post(`/households/${eastUnallocated.id}/supervision/new`, visit(today))).statusCode).toBe(403);

    // The team manager records for the team; the director only reads.
    const manager = await signedIn(t.app, 'manager');
    expect((await manager.post(`/households/${eastUnallocated.id}/supervision/new`, visit(today))).statusCode).toBe(
      303,
    );
    const director = await signedIn(t.app, 'director');
    expect((await director.get(`/households/${eastUnallocated.id}/supervision`)).statusCode).toBe(200);
    expect((await director.get(`/households/${eastUnallocated.id}/supervision/new`)).statusCode).toBe(403);

    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(`/households/${east.id}/supervision`)).statusCode).toBe(403);
    expect((await carer.get(`/households/${east.id}/supervision/new`)).statusCode).toBe(403);
    expect(await db.select().from(supervisions).where(eq(supervisions.householdId, east.id))).toEqual([]);
  });

  it('lets the team manager change a draft another worker wrote', async () => {
    const household = await makeHousehold(t.database.db, { allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const id = idFrom((await ssw.post(`/households/${household.id}/supervision/new`, visit(today))).headers.location);
    const manager = await signedIn(t.app, 'manager');
    const changed = await manager.post(`/supervision/${id}/edit`, visit(today, { worries: 'None this month' }));
    expect(changed.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(supervisions).where(eq(supervisions.id, id));
    expect(row!.worries).toBe('None this month');
  });

  it('records the date the notes were sent, not before the visit', async () => {
    const household = await makeHousehold(t.database.db, { allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const visitDate = addDays(today, -2);
    const id = idFrom(
      (await ssw.post(`/households/${household.id}/supervision/new`, visit(visitDate))).headers.location,
    );
    await ssw.post(`/supervision/${id}/finalise`, {});
    const early = await ssw.post(`/supervision/${id}/notes-sent`, dateBoxes('notesSentOn', addDays(visitDate, -1)));
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The notes cannot be sent before the visit');
    const sent = await ssw.post(`/supervision/${id}/notes-sent`, dateBoxes('notesSentOn', today));
    expect(sent.statusCode).toBe(303);
    const [row] = await t.database.db.select().from(supervisions).where(eq(supervisions.id, id));
    expect(row!.notesSentOn).toBe(today);
  });
});

describe('the supervision agreement', () => {
  it('records the signed agreement with its review date 12 months on', async () => {
    const db = t.database.db;
    const household = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    const signedOn = addDays(today, -10);
    const saved = await ssw.post(`/households/${household.id}/supervision/agreement`, {
      ...dateBoxes('signedOn', signedOn),
      signedByCarers: 'Both carers',
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await db
      .select()
      .from(supervisionAgreements)
      .where(eq(supervisionAgreements.householdId, household.id));
    expect(row).toMatchObject({
      signedOn,
      reviewOn: addYears(signedOn, 1),
      signedBySswId: await userIdByUsername(db, 'ssw'),
    });
    const page = await ssw.get(`/households/${household.id}/supervision`);
    expect(page.body).toContain('Both carers');
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'supervision-agreement'), eq(auditEvents.recordId, row!.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });
});
