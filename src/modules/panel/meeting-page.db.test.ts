/**
 * The panel calendar and a meeting's page as the adviser and the chair read them, and the meeting's
 * date put right by the adviser (its papers due date and deadlines following, each refusal with its
 * message and what was typed kept, who may not, and the audit trail's words).
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { refreshDueItems } from '../../platform/due/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { concerns } from '../concerns/tables.ts';
import { makeMatter } from '../concerns/test-support.ts';
import { recruitmentAssessments } from '../recruitment/tables.ts';
import { annualReviews } from '../reviews/tables.ts';
import { makeReview } from '../reviews/test-support.ts';
import { papersDueFor } from './dates.ts';
import { makeMeeting, postPaper } from './test-support.ts';
import { panelAttendance, panelItems, panelMeetings, panelMembers } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();

/** A meeting the demo's chair (the `panel` user) sits on with four others: quorate. */
async function chairedMeeting(meetsOn: string) {
  const db = t.database.db;
  const meeting = await makeMeeting(db, { meetsOn });
  const [chair] = await db
    .select()
    .from(panelMembers)
    .where(eq(panelMembers.userId, await userIdByUsername(db, 'panel')));
  const others = await db
    .insert(panelMembers)
    .values(
      ['social_worker', 'independent', 'independent', 'care_experienced'].map((role) => ({
        name: `Member ${role}`,
        role,
        joinedOn: '2024-01-01',
      })),
    )
    .returning();
  await db.insert(panelAttendance).values([chair!, ...others].map((m) => ({ meetingId: meeting.id, memberId: m.id })));
  return meeting;
}

async function item(meetingId: string, values: Partial<typeof panelItems.$inferInsert> = {}) {
  const h = await makeHousehold(t.database.db, { status: 'in_assessment', approvedOn: null });
  const [row] = await t.database.db
    .insert(panelItems)
    .values({ meetingId, householdId: h.id, kind: 'approval', places: 1, ageMin: 0, ageMax: 17, ...values })
    .returning();
  return row!;
}

describe('the panel calendar', () => {
  it('counts the items on each meeting’s agenda', async () => {
    const meetsOn = addDays(today, 900);
    const meeting = await makeMeeting(t.database.db, { meetsOn });
    await item(meeting.id);
    await item(meeting.id);
    const adviser = await signedIn(t.app, 'adviser');
    const rows = tableRowsAfter((await adviser.get('/panel')).body, 'the latest first');
    const row = rows.find((r) => r.startsWith(formatDate(meetsOn)));
    expect(row).toBe(`${formatDate(meetsOn)} County Hall, Room 2 2 Not yet met`);
  });

  it('says a meeting is online once: not again when its place says so', async () => {
    const db = t.database.db;
    const [call, hall] = [addDays(today, 901), addDays(today, 902)];
    await makeMeeting(db, { meetsOn: call, place: 'Online (video call)', online: true });
    await makeMeeting(db, { meetsOn: hall, place: 'County Hall, Room 3', online: true });
    const adviser = await signedIn(t.app, 'adviser');
    const rows = tableRowsAfter((await adviser.get('/panel')).body, 'the latest first');
    expect(rows.find((r) => r.startsWith(formatDate(call)))).toContain('Online (video call) 0');
    expect(rows.find((r) => r.startsWith(formatDate(hall)))).toContain('County Hall, Room 3 (online)');
  });
});

describe('a meeting’s page', () => {
  it('writes the terms in words, and leads to each household’s record', async () => {
    const meeting = await makeMeeting(t.database.db, { meetsOn: addDays(today, 30) });
    const one = await item(meeting.id);
    await item(meeting.id, { places: 3, ageMin: 5, ageMax: 11 });
    const adviser = await signedIn(t.app, 'adviser');
    const page = (await adviser.get(`/panel/meetings/${meeting.id}`)).body;
    expect(page).toContain('Terms proposed: 1 child aged 0 to 17');
    expect(page).toContain('Terms proposed: 3 children aged 5 to 11');
    expect(page).not.toContain('1 children');
    // Each household on the agenda leads to its record, for those who may read it.
    expect(page).toContain(`href="/households/${one.householdId}"`);
    const decision = (await adviser.get(`/panel/items/${one.id}/decision`)).body;
    expect(decision).toContain('1 child aged 0 to 17');
  });

  it('offers the chair the minutes to sign only once the meeting has met and every item has a recommendation', async () => {
    const chair = await signedIn(t.app, 'panel');
    const coming = await chairedMeeting(addDays(today, 20));
    await item(coming.id);
    const before = (await chair.get(`/panel/meetings/${coming.id}`)).body;
    expect(before).not.toContain('Sign the minutes');
    expect(before).toContain('you sign the minutes here after the meeting');
    // A panel member reads the papers, not the households' records.
    expect(before).not.toContain('href="/households/');

    const met = await chairedMeeting(addDays(today, -1));
    const open = await item(met.id);
    const waiting = (await chair.get(`/panel/meetings/${met.id}`)).body;
    expect(waiting).not.toContain('Sign the minutes');
    expect(waiting).toContain(
      'Every item needs the panel’s recommendation before you sign the minutes: 1 item has none yet',
    );

    await t.database.db
      .update(panelItems)
      .set({
        recommendation: 'approve',
        reasons: 'Met the standards',
        votesFor: 5,
        votesAgainst: 0,
        votesAbstaining: 0,
      })
      .where(eq(panelItems.id, open.id));
    const ready = (await chair.get(`/panel/meetings/${met.id}`)).body;
    expect(ready).toContain('Sign the minutes');
  });
});

describe('the actions on an agenda item', () => {
  it('are offered only to those who may take them', async () => {
    const db = t.database.db;
    const meeting = await makeMeeting(db, { meetsOn: addDays(today, 25) });
    const inAssessment = { status: 'in_assessment', approvedOn: null };
    const own = await makeHousehold(db, { ...inAssessment, name: 'Ownfield', allocatedSswUsername: 'ssw' });
    const assessed = await makeHousehold(db, { ...inAssessment, name: 'Assessfield' });
    const west = await makeHousehold(db, {
      ...inAssessment,
      name: 'Westfield',
      teamName: 'West Kent Fostering Team 1',
    });
    await db.insert(recruitmentAssessments).values({
      householdId: assessed.id,
      appliedOn: addDays(today, -120),
      assessorId: await userIdByUsername(db, 'assessor'),
    });
    const items = await db
      .insert(panelItems)
      .values([own, assessed, west].map((h) => ({ meetingId: meeting.id, householdId: h.id, kind: 'approval' })))
      .returning();
    const [ownItem, assessedItem, westItem] = items;
    const uploadLink = (name: string) => `Upload a paper<span class="govuk-visually-hidden"> for ${name}</span>`;
    const pdf = (name: string) => ({ name, type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 a made-up report') });

    // The supervising social worker uploads for the household allocated to them, and no other.
    const ssw = await signedIn(t.app, 'ssw');
    const sswPage = (await ssw.get(`/panel/meetings/${meeting.id}`)).body;
    expect(sswPage).toContain(uploadLink('Ownfield'));
    expect(sswPage).not.toContain(uploadLink('Assessfield'));
    expect(sswPage).not.toContain(uploadLink('Westfield'));
    expect((await ssw.get(`/panel/items/${westItem!.id}/papers/new`)).statusCode).toBe(403);
    expect((await postPaper(t.app, ssw, ownItem!.id, 'Ownfield Form F', pdf('own.pdf'))).statusCode).toBe(303);

    // The assessing social worker named on the assessment uploads its Form F.
    const assessor = await signedIn(t.app, 'assessor');
    expect((await assessor.get(`/panel/meetings/${meeting.id}`)).body).toContain(uploadLink('Assessfield'));
    const form = await postPaper(t.app, assessor, assessedItem!.id, 'Assessfield Form F', pdf('form-f.pdf'));
    expect(form.statusCode).toBe(303);

    const adviser = await signedIn(t.app, 'adviser');
    expect((await postPaper(t.app, adviser, westItem!.id, 'Westfield Form F', pdf('west.pdf'))).statusCode).toBe(303);

    // The team manager quality-assures their own team's papers, not another team's.
    const manager = await signedIn(t.app, 'manager');
    const managerPage = (await manager.get(`/panel/meetings/${meeting.id}`)).body;
    expect(managerPage).toContain('Quality assurance of Ownfield Form F');
    expect(managerPage).toContain('Quality assurance of Assessfield Form F');
    expect(managerPage).not.toContain('Quality assurance of Westfield Form F');
  });
});

describe('the panel’s recommendation', () => {
  it('is offered once the meeting is quorate, and shown again to be changed until the minutes are signed', async () => {
    const adviser = await signedIn(t.app, 'adviser');
    const inquorate = await makeMeeting(t.database.db, { meetsOn: addDays(today, -2) });
    await item(inquorate.id);
    const waiting = (await adviser.get(`/panel/meetings/${inquorate.id}`)).body;
    expect(waiting).toContain('No recommendation can be recorded until the meeting is quorate');
    expect(waiting).not.toContain('Record the recommendation');

    const met = await chairedMeeting(addDays(today, -2));
    const recommended = await item(met.id);
    expect((await adviser.get(`/panel/meetings/${met.id}`)).body).toContain('Record the recommendation');
    await t.database.db
      .update(panelItems)
      .set({ recommendation: 'approve', reasons: 'Warm and stable', votesFor: 4, votesAgainst: 1, votesAbstaining: 0 })
      .where(eq(panelItems.id, recommended.id));
    expect((await adviser.get(`/panel/meetings/${met.id}`)).body).toContain('Change the recommendation');
    const form = (await adviser.get(`/panel/items/${recommended.id}/recommendation`)).body;
    expect(form).toContain('Change the panel’s recommendation');
    expect(form).toContain('Warm and stable</textarea>');
    expect(form).toMatch(/name="recommendation" type="radio" value="approve" checked/);
    expect(form).toContain('id="votesAgainst" name="votesAgainst" type="text" value="1"');
  });
});

describe('a meeting’s date put right', () => {
  const datePath = (id: string) => `/panel/meetings/${id}/date`;
  const dayBox = (body: string) => /<input[^>]*name="meetsOn-day"[^>]*>/.exec(body)?.[0];
  const meetsOnOf = async (id: string) =>
    (await t.database.db.select().from(panelMeetings).where(eq(panelMeetings.id, id)))[0]!.meetsOn;
  const recommended = { recommendation: 'approve', reasons: 'Met the standards', votesFor: 5, votesAgainst: 0 };

  it('is changed on the add form, filled in: the papers due date and deadlines follow, the old date kept in the audit trail', async () => {
    const db = t.database.db;
    const meetsOn = addDays(today, 40);
    const meeting = await makeMeeting(db, { meetsOn });
    const agenda = await item(meeting.id);
    await refreshDueItems(db, 'panel-meeting', [meeting.id]);
    const [leaving] = await db
      .insert(panelMembers)
      .values({ name: 'Lee Leaving', role: 'independent', joinedOn: '2024-01-01', noticeOn: today })
      .returning();
    await db
      .update(panelMembers)
      .set({ leavesOn: addDays(today, 50) })
      .where(eq(panelMembers.id, leaving!.id));
    await db.insert(panelAttendance).values({ meetingId: meeting.id, memberId: leaving!.id });

    const adviser = await signedIn(t.app, 'adviser');
    const path = datePath(meeting.id);
    expect((await adviser.get(`/panel/meetings/${meeting.id}`)).body).toContain(`href="${path}"`);
    const form = await adviser.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change the date of the meeting');
    expect(dayBox(form.body)).toContain(`value="${dateBoxes('meetsOn', meetsOn)['meetsOn-day']}"`);

    const unreal = await adviser.post(path, { 'meetsOn-day': '31', 'meetsOn-month': '2', 'meetsOn-year': '2027' });
    expect(unreal.statusCode).toBe(400);
    expect(unreal.body).toContain('Date of the meeting must be a real date');
    expect(dayBox(unreal.body)).toContain('value="31"');
    const afterLeaving = addDays(today, 60);
    const off = await adviser.post(path, dateBoxes('meetsOn', afterLeaving));
    expect(off.statusCode).toBe(400);
    expect(off.body).toContain(
      `Date of the meeting must be a day when everyone sitting on it is on the central list: Lee Leaving (independent member) is not on it on ${formatDate(afterLeaving)}`,
    );
    expect(dayBox(off.body)).toContain(`value="${dateBoxes('meetsOn', afterLeaving)['meetsOn-day']}"`);
    expect(await meetsOnOf(meeting.id)).toBe(meetsOn);

    const moved = addDays(today, 45);
    const changed = await adviser.post(path, dateBoxes('meetsOn', moved));
    expect(changed.headers.location).toBe(`/panel/meetings/${meeting.id}?done=date`);
    const page = (await adviser.get(String(changed.headers.location))).body;
    expect(page).toContain('The date of the meeting has been changed');
    expect(page).toContain(`Panel meeting, ${formatDate(moved)}`);
    expect(page).toContain(formatDate(papersDueFor(moved)));
    expect(page).not.toContain(formatDate(meetsOn));
    const deadlines = await queryRows<{ dueOn: string; detail: string }>(
      db,
      sql`select due_on::text as "dueOn", detail from due_items where rule_id = 'panel.papers-due' and record_id = ${agenda.id}`,
    );
    expect(deadlines).toEqual([
      { dueOn: papersDueFor(moved), detail: `No papers yet for the panel of ${formatDate(moved)}` },
    ]);
    const updates = await queryRows<{ detail: unknown }>(
      db,
      sql`select detail from audit_events where record_id = ${meeting.id} and action = 'update'`,
    );
    expect(updates.map((u) => u.detail)).toEqual([{ part: 'meeting-date', meetsOn: moved, was: meetsOn }]);
    const trail = (await (await signedIn(t.app, 'head')).get(`/records/panel-meeting/${meeting.id}/audit`)).body;
    expect(trail).toContain('Viewed the date of the meeting on the panel meeting');
    expect(trail).toContain('Changed the date of the meeting on the panel meeting');
  });

  it('keeps a meeting that has met on or before today and the day its minutes were signed', async () => {
    const db = t.database.db;
    const adviser = await signedIn(t.app, 'adviser');
    const met = await chairedMeeting(addDays(today, -10));
    await item(met.id, recommended);
    const path = datePath(met.id);
    const coming = await adviser.post(path, dateBoxes('meetsOn', addDays(today, 3)));
    expect(coming.statusCode).toBe(400);
    expect(coming.body).toContain(
      'Date of the meeting must be today or in the past: the panel’s recommendation is recorded, so it has met',
    );
    expect(dayBox(coming.body)).toContain(`value="${dateBoxes('meetsOn', addDays(today, 3))['meetsOn-day']}"`);
    expect((await adviser.post(path, dateBoxes('meetsOn', addDays(today, -12)))).statusCode).toBe(303);

    const signedOn = addDays(today, -5);
    await db
      .update(panelMeetings)
      .set({ minutesSignedOn: signedOn, minutes: 'Minutes' })
      .where(eq(panelMeetings.id, met.id));
    const afterMinutes = await adviser.post(path, dateBoxes('meetsOn', addDays(today, -4)));
    expect(afterMinutes.statusCode).toBe(400);
    expect(afterMinutes.body).toContain(
      `Date of the meeting must be on or before ${formatDate(signedOn)}, when its minutes were signed`,
    );
    expect(await meetsOnOf(met.id)).toBe(addDays(today, -12));
  });

  it('moves the day the annual review and the allegation it considered say they were presented, never before them', async () => {
    const db = t.database.db;
    const adviser = await signedIn(t.app, 'adviser');
    const met = addDays(today, -8);
    const meeting = await chairedMeeting(met);
    const reviewed = await makeHousehold(db, { name: 'Reviewfield' });
    const review = await makeReview(db, {
      householdId: reviewed.id,
      startedOn: addDays(today, -40),
      reviewedOn: addDays(today, -12),
      firstReview: true,
      presentedToPanelOn: met,
    });
    const alleged = await makeHousehold(db, { name: 'Allegedton' });
    const allegation = await makeMatter(db, {
      householdId: alleged.id,
      outcome: 'unfounded',
      outcomeOn: addDays(today, -10),
    });
    await db.update(concerns).set({ presentedToPanelOn: met }).where(eq(concerns.id, allegation.id));
    const items = [
      { householdId: reviewed.id, kind: 'first_review', sourceType: 'annual-review', sourceId: review.id },
      { householdId: alleged.id, kind: 'standards_of_care', sourceType: 'concern', sourceId: allegation.id },
    ];
    await db.insert(panelItems).values(items.map((i) => ({ ...i, ...recommended, meetingId: meeting.id })));
    const presentedOn = async () => [
      (await db.select().from(annualReviews).where(eq(annualReviews.id, review.id)))[0]!.presentedToPanelOn,
      (await db.select().from(concerns).where(eq(concerns.id, allegation.id)))[0]!.presentedToPanelOn,
    ];

    const path = datePath(meeting.id);
    const beforeReview = await adviser.post(path, dateBoxes('meetsOn', addDays(today, -13)));
    expect(beforeReview.statusCode).toBe(400);
    expect(beforeReview.body).toContain(
      `Date of the meeting must be on or after ${formatDate(addDays(today, -12))}, when Reviewfield’s annual review it considered was held`,
    );
    const beforeOutcome = await adviser.post(path, dateBoxes('meetsOn', addDays(today, -11)));
    expect(beforeOutcome.statusCode).toBe(400);
    expect(beforeOutcome.body).toContain(
      `Date of the meeting must be on or after ${formatDate(addDays(today, -10))}, when the outcome of the allegation about Allegedton it considered was recorded`,
    );
    expect(dayBox(beforeOutcome.body)).toContain(`value="${dateBoxes('meetsOn', addDays(today, -11))['meetsOn-day']}"`);
    expect(await meetsOnOf(meeting.id)).toBe(met);
    expect(await presentedOn()).toEqual([met, met]);

    const moved = addDays(today, -9);
    expect((await adviser.post(path, dateBoxes('meetsOn', moved))).statusCode).toBe(303);
    expect(await meetsOnOf(meeting.id)).toBe(moved);
    expect(await presentedOn()).toEqual([moved, moved]);
    const matter = (await (await signedIn(t.app, 'head')).get(`/concerns/${allegation.id}`)).body;
    expect(matter).toContain('Presented to the fostering panel');
    expect(matter).toContain(formatDate(moved));
    const updates = await queryRows<{ recordId: string; detail: unknown }>(
      db,
      sql`select record_id as "recordId", detail from audit_events
          where action = 'update' and record_id in (${review.id}, ${allegation.id}) order by record_type`,
    );
    expect(updates).toEqual([
      { recordId: review.id, detail: { fields: ['presentedToPanelOn'], was: met } },
      { recordId: allegation.id, detail: { step: 'panel', fields: ['presentedToPanelOn'], was: met } },
    ]);
  });

  it('is changed only by those who run the panel', async () => {
    const meeting = await makeMeeting(t.database.db, { meetsOn: addDays(today, 35) });
    const path = datePath(meeting.id);
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.get(`/panel/meetings/${meeting.id}`)).body).not.toContain(path);
    expect((await ssw.get(path)).statusCode).toBe(403);
    expect((await ssw.post(path, dateBoxes('meetsOn', addDays(today, 36)))).statusCode).toBe(403);
    const carer = await signedIn(t.app, 'carer');
    expect((await carer.get(path)).statusCode).toBe(403);
    expect((await carer.post(path, dateBoxes('meetsOn', addDays(today, 36)))).statusCode).toBe(403);
    expect(await meetsOnOf(meeting.id)).toBe(addDays(today, 35));
    // The head of fostering runs the panel too.
    const head = await signedIn(t.app, 'head');
    expect((await head.post(path, dateBoxes('meetsOn', addDays(today, 36)))).statusCode).toBe(303);
  });
});
