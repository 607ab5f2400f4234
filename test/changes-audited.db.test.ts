/**
 * A change that touches several records writes an entry on each record's own trail, not only on the
 * record the form belongs to: a cancelled session on each carer's booking, a month's pick on each file
 * picked, a swap on the file picked in its place, the panel's agenda item, recommendation and papers
 * on the item and each paper, an enquiry on its carer, an emailed feedback link on the annual review.
 * Each change is made through the pages by the person who makes it; the entry is checked in the
 * record's trail (who made it) and on its "Who has seen or changed this record" page, in words, as
 * the head of fostering reads it.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from './support/app.ts';
import { makeChild, makePlacement } from './support/children.ts';
import { makeCarer, makeHousehold, teamIdByName } from './support/households.ts';
import { tableRowsAfter } from './support/html.ts';
import { auditEvents } from '../src/platform/audit/tables.ts';
import { addDays, addYears, todayInLondon } from '../src/platform/dates/index.ts';
import { dateBoxes } from '../src/platform/views/date-input.ts';
import { caseAudits } from '../src/modules/audits/tables.ts';
import { carers } from '../src/modules/households/tables.ts';
import { panelItems, panelPapers } from '../src/modules/panel/tables.ts';
import { makeQuorateMeeting, recommendApproval } from '../src/modules/panel/test-support.ts';
import { trainingBookings } from '../src/modules/training/tables.ts';
import { courseIn, makeSession } from '../src/modules/training/test-support.ts';

const t = testAppForFile();
const db = () => t.database.db;
const today = todayInLondon();
const idFrom = (location: unknown) => String(location).split('?')[0]!.split('/').pop()!;

/** One record's own trail: what was done, by whom, with what detail, oldest first. */
async function trailOf(recordType: string, recordId: string) {
  return db()
    .select({ action: auditEvents.action, username: auditEvents.username, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
    .orderBy(auditEvents.id);
}

/** The rows of the record's "Who has seen or changed this record" page, as the head reads them. */
async function trailPage(recordType: string, recordId: string) {
  const page = await (await signedIn(t.app, 'head')).get(`/records/${recordType}/${recordId}/audit`);
  expect(page.statusCode).toBe(200);
  return tableRowsAfter(page.body, 'Audit trail');
}

/** A row of the page: the person by name (and role), then what they did in words. */
const row = (name: string, words: string) => expect.stringMatching(new RegExp(`${name} \\([^)]+\\) ${words}$`));

describe('a change that touches several records', () => {
  it('cancelling a training session writes the cancellation on each booking it cancels', async () => {
    const session = await makeSession(db(), (await courseIn(db(), 'first_aid')).id, addDays(today, 10));
    const carerIn = async (firstName: string) => makeCarer(db(), (await makeHousehold(db())).id, { firstName });
    const booked = [await carerIn('Ainsley'), await carerIn('Bryony'), await carerIn('Cato')];
    const coordinator = await signedIn(t.app, 'training');
    await coordinator.get(`/training/sessions/${session.id}`);
    for (const { id } of booked) {
      const response = await coordinator.post(`/training/sessions/${session.id}/bookings`, { carerId: id });
      expect(response.statusCode).toBe(303);
    }
    const bookings = await db().select().from(trainingBookings).where(eq(trainingBookings.sessionId, session.id));
    const [a, b, c] = booked.map((carer) => bookings.find((booking) => booking.carerId === carer.id)!);
    // Cato's booking is cancelled first, on its own.
    expect((await coordinator.post(`/training/bookings/${c!.id}/cancel`, {})).statusCode).toBe(303);

    await coordinator.get(`/training/sessions/${session.id}/cancel`);
    const cancelled = await coordinator.post(`/training/sessions/${session.id}/cancel`, {
      reason: 'The trainer is ill',
    });
    expect(cancelled.statusCode).toBe(303);
    const bySession = { action: 'cancel', username: 'training', detail: { via: 'session cancelled' } };
    expect(await trailOf('training-booking', a!.id)).toContainEqual(bySession);
    expect(await trailOf('training-booking', b!.id)).toContainEqual(bySession);
    // Cato's, cancelled already, is not cancelled again.
    expect(await trailOf('training-booking', c!.id)).not.toContainEqual(bySession);
    expect(await trailPage('training-booking', a!.id)).toContainEqual(
      row('Tara Quinn', 'Cancelled the training booking'),
    );
  });

  it('picking a month’s files starts each file’s trail, and a swap starts the trail of the file picked in its place', async () => {
    // The small demo's team has few households not audited within 12 months: eleven more fill the
    // sample of ten and leave one to swap in.
    for (let i = 0; i < 11; i++) await makeHousehold(db());
    const manager = await signedIn(t.app, 'manager');
    await manager.get('/audits');
    const team = await teamIdByName(db(), 'East Kent Fostering Team 1');
    const picked = await manager.post('/audits/pick', { month: today.slice(0, 7), team });
    expect(picked.statusCode).toBe(303);
    const files = await db()
      .select()
      .from(caseAudits)
      .where(eq(caseAudits.monthId, idFrom(picked.headers.location)));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      expect(await trailOf('case-audit', file.id)).toContainEqual({
        action: 'create',
        username: 'manager',
        detail: { picked: true },
      });
    }
    expect(await trailPage('case-audit', files[0]!.id)).toContainEqual(
      row('Maya Mensah', 'Created the case-file audit'),
    );

    const out = files[1]!;
    await manager.get(`/audits/${out.id}/swap`);
    const swapped = await manager.post(`/audits/${out.id}/swap`, { reason: 'The carers are abroad this month' });
    expect(swapped.statusCode).toBe(303);
    const [after] = await db().select().from(caseAudits).where(eq(caseAudits.id, out.id));
    const replacement = after!.replacedBy!;
    expect(await trailOf('case-audit', replacement)).toEqual([
      { action: 'create', username: 'manager', detail: { pickedBecause: 'swap', inPlaceOf: out.id } },
    ]);
    expect(await trailPage('case-audit', replacement)).toContainEqual(
      row('Maya Mensah', 'Created the case-file audit'),
    );
  });

  it('the panel’s agenda item, its recommendation and its published papers each go on their own trail', async () => {
    const household = await makeHousehold(db(), { statusSince: addDays(today, -800) });
    const meeting = await quorateMeeting(addDays(today, -1));
    const adviser = await signedIn(t.app, 'adviser');
    await adviser.get(`/panel/meetings/${meeting}/items/new?kind=skills_level`);
    const added = await adviser.post(`/panel/meetings/${meeting}/items/new`, {
      kind: 'skills_level',
      candidate: `h:${household.id}`,
      skillLevel: '3',
    });
    expect(added.statusCode).toBe(303);
    const [item] = await db().select().from(panelItems).where(eq(panelItems.meetingId, meeting));
    expect(await trailOf('panel-item', item!.id)).toContainEqual({
      action: 'create',
      username: 'adviser',
      detail: { kind: 'skills_level' },
    });

    const recommended = await recommendApproval(adviser, item!.id, 'Evidence of the skills the level asks for');
    expect(recommended.statusCode).toBe(303);
    expect(await trailOf('panel-item', item!.id)).toContainEqual({
      action: 'update',
      username: 'adviser',
      detail: { part: 'recommendation' },
    });
    const itemPage = await trailPage('panel-item', item!.id);
    expect(itemPage).toContainEqual(row('Nadia Brooks', 'Created the panel agenda item'));
    expect(itemPage).toContainEqual(row('Nadia Brooks', 'Changed the recommendation on the panel agenda item'));

    // Two papers quality-assured and one not: only the two are published.
    const pdf = Buffer.from('%PDF-1.4 a made-up panel paper');
    const papers = await db()
      .insert(panelPapers)
      .values(
        ['accepted', 'accepted', null].map((qaOutcome, i) => ({
          itemId: item!.id,
          title: `Skills level report ${i + 1}`,
          fileName: 'report.pdf',
          contentType: 'application/pdf',
          bytes: pdf,
          size: pdf.length,
          qaOutcome,
          qaOn: qaOutcome ? today : null,
        })),
      )
      .returning();
    await adviser.get(`/panel/meetings/${meeting}`);
    // Its skills level item has no evidence checklist: the adviser confirms publishing without it.
    const publish = { asked: 'yes', evidenceIncomplete: 'publish' };
    expect((await adviser.post(`/panel/meetings/${meeting}/publish`, publish)).statusCode).toBe(303);
    const published = { action: 'publish', username: 'adviser', detail: null };
    expect(await trailOf('panel-paper', papers[0]!.id)).toContainEqual(published);
    expect(await trailOf('panel-paper', papers[1]!.id)).toContainEqual(published);
    expect(await trailOf('panel-paper', papers[2]!.id)).toEqual([]);
    expect(await trailPage('panel-paper', papers[1]!.id)).toContainEqual(
      row('Nadia Brooks', 'Published the panel paper'),
    );
  });

  it('an enquiry starts the carer’s own trail beside the household’s', async () => {
    const recruitment = await signedIn(t.app, 'recruitment');
    await recruitment.get('/recruitment/enquiries/new');
    const response = await recruitment.post('/recruitment/enquiries/new', {
      ...dateBoxes('enquiredOn', today),
      carerFirstName: 'Adaeze',
      carerLastName: 'Okonkwo-Reid',
      addressLine1: '14 Harbour View',
      town: 'Folkestone',
      postcode: 'CT20 1AA',
      teamId: await teamIdByName(db(), 'East Kent Fostering Team 1'),
      source: 'website',
      interests: 'mainstream',
    });
    expect(response.statusCode).toBe(303);
    const householdId = /\/households\/([0-9a-f-]{36})\//.exec(String(response.headers.location))![1]!;
    const [carer] = await db().select().from(carers).where(eq(carers.householdId, householdId));
    expect(await trailOf('carer', carer!.id)).toEqual([{ action: 'create', username: 'recruitment', detail: null }]);
    expect(await trailPage('carer', carer!.id)).toContainEqual(row('Ravi Patel', 'Created the carer’s record'));
  });

  it('a feedback link sent by email goes on the annual review’s trail', async () => {
    const household = await makeHousehold(db(), { statusSince: addDays(today, -300) });
    await makeCarer(db(), household.id, { firstName: 'Morgan' });
    const child = await makeChild(db(), { dateOfBirth: addYears(today, -10) });
    await makePlacement(db(), { childId: child.id, householdId: household.id, startDate: addDays(today, -200) });
    const reviewer = await signedIn(t.app, 'reviewer');
    await reviewer.get(`/households/${household.id}/reviews`);
    const started = await reviewer.post(`/households/${household.id}/reviews/new`, { kind: 'annual' });
    expect(started.statusCode).toBe(303);
    const reviewId = idFrom(started.headers.location);

    const kind = 'social_worker_feedback';
    await reviewer.get(`/reviews/${reviewId}/links/new?kind=${kind}&childId=${child.id}`);
    const made = await reviewer.post(`/reviews/${reviewId}/links/new`, {
      kind,
      childId: child.id,
      delivery: 'email',
      email: 'childs.worker@example.com',
    });
    expect(made.statusCode).toBe(200);
    // No mail server in tests: the message is held in the outbox, and the trail says so.
    expect(await trailOf('annual-review', reviewId)).toContainEqual({
      action: 'email-link-held',
      username: 'reviewer',
      detail: { link: kind, status: 'held' },
    });
    expect(await trailPage('annual-review', reviewId)).toContainEqual(
      row('Rob Fenwick', 'Put in the outbox an email with a feedback link for the annual review'),
    );
  });
});

/** A panel meeting on the day with five voting members sitting (quorate); its id. */
async function quorateMeeting(meetsOn: string): Promise<string> {
  return (await makeQuorateMeeting(db(), meetsOn)).id;
}
