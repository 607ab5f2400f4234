/** The panel calendar and a meeting's page as the adviser and the chair read them. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { tableRowsAfter } from '../../../test/support/html.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { recruitmentAssessments } from '../recruitment/tables.ts';
import { makeMeeting, postPaper } from './test-support.ts';
import { panelAttendance, panelItems, panelMembers } from './tables.ts';

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
