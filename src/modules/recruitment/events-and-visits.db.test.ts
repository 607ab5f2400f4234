/** Information events, initial visits and the mentor, through the pages; the road's deadlines in My work. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, userIdByUsername } from '../../../test/support/households.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { recruitmentAssessments } from './tables.ts';
import { makeRoad } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();

const boxes = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
};

describe('information events', () => {
  it('records who came, and asks for the place without losing the ticks', async () => {
    const came = await makeRoad(t.database.db, { enquiredOn: addDays(today, -5), household: { name: 'Thistlewood' } });
    const agent = await signedIn(t.app, 'recruitment');
    const form = await agent.get('/recruitment/events/new');
    expect(form.body).toContain('Thistlewood');
    const missing = await agent.post('/recruitment/events/new', {
      ...boxes('heldOn', today),
      online: 'no',
      attendees: came.id,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter where the event was held');
    expect(missing.body).toMatch(new RegExp(`value="${came.id}" checked`));
    const saved = await agent.post('/recruitment/events/new', {
      ...boxes('heldOn', today),
      place: 'Canterbury library',
      online: 'no',
      attendees: came.id,
    });
    expect(saved.statusCode).toBe(303);
    const list = (await agent.get('/recruitment/events')).body;
    expect(list).toContain('1: Thistlewood');
    expect((await agent.get(`/households/${came.id}/recruitment`)).body).toContain('Canterbury library');
  });
});

describe('the initial visit and the mentor', () => {
  it('records the worker’s recommendation with reasons', async () => {
    const h = await makeRoad(t.database.db, { enquiredOn: addDays(today, -10) });
    const assessor = await signedIn(t.app, 'assessor');
    const path = `/households/${h.id}/recruitment/initial-visit`;
    await assessor.get(path);
    const saved = await assessor.post(path, {
      ...boxes('visitedOn', addDays(today, -2)),
      workerId: await userIdByUsername(t.database.db, 'assessor'),
      proceed: 'yes',
      reasons: 'Settled home, a spare room and real warmth',
    });
    expect(saved.statusCode).toBe(303);
    const page = await assessor.get(`/households/${h.id}/recruitment`);
    expect(page.body).toContain('Proceed to application');
    expect(page.body).toContain('Amira Hussain');
  });

  /** An applicant in assessment, and the mentor form as the recruitment coordinator opens it. */
  async function mentorForm() {
    const h = await makeRoad(t.database.db, {
      enquiredOn: addDays(today, -60),
      appliedOn: addDays(today, -40),
      startedOn: addDays(today, -30),
      household: { status: 'in_assessment', statusSince: addDays(today, -30) },
    });
    return { h, coordinator: await signedIn(t.app, 'recruitment'), path: `/households/${h.id}/recruitment/mentor` };
  }

  it('allocates an approved carer household in the area as the mentor', async () => {
    const mentor = await makeHousehold(t.database.db, { name: 'Oakhurst' });
    const { coordinator, path, h } = await mentorForm();
    const form = await coordinator.get(path);
    expect(form.body).toContain('Oakhurst');
    expect(form.body).not.toContain(`value="${h.id}"`);
    const saved = await coordinator.post(path, { mentorHouseholdId: mentor.id, ...boxes('allocatedOn', today) });
    expect(saved.statusCode).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(recruitmentAssessments)
      .where(eq(recruitmentAssessments.householdId, h.id));
    expect(row).toMatchObject({ mentorHouseholdId: mentor.id, mentorAllocatedOn: today });
    expect((await coordinator.get(`/households/${h.id}/recruitment`)).body).toContain('Oakhurst household');
  });

  it('takes a mentor by their household’s reference, and says which reference is not on the register', async () => {
    const mentor = await makeHousehold(t.database.db, { name: 'Reeveshaw' });
    const { coordinator, path, h } = await mentorForm();
    await coordinator.get(path);
    const unknown = await coordinator.post(path, { mentorReference: 'NO-SUCH-1', ...boxes('allocatedOn', today) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('No approved household in the area has the reference NO-SUCH-1');
    expect(unknown.body).toContain('value="NO-SUCH-1"');
    const both = await coordinator.post(path, {
      mentorHouseholdId: mentor.id,
      mentorReference: mentor.reference,
      ...boxes('allocatedOn', today),
    });
    expect(both.body).toContain('Choose the mentor from the list or enter a reference, not both');
    const neither = await coordinator.post(path, boxes('allocatedOn', today));
    expect(neither.body).toContain('Select the mentor, or enter the reference of their household');

    const saved = await coordinator.post(path, {
      mentorReference: ` ${mentor.reference.toLowerCase()} `,
      ...boxes('allocatedOn', today),
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await t.database.db
      .select()
      .from(recruitmentAssessments)
      .where(eq(recruitmentAssessments.householdId, h.id));
    expect(row!.mentorHouseholdId).toBe(mentor.id);
    // Their household is on the list when the form is opened again, chosen.
    expect((await coordinator.get(path)).body).toMatch(new RegExp(`value="${mentor.id}"[^>]*selected`));
  });
});

describe('My work', () => {
  it('shows the recruitment coordinator an enquiry waiting for an answer', async () => {
    await makeRoad(t.database.db, { enquiredOn: addDays(today, -7), household: { name: 'Waitingford' } });
    const coordinator = await signedIn(t.app, 'recruitment');
    const page = await coordinator.get('/my-work?rule=recruitment.enquiry-response');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Waitingford');
  });
});

describe('the recruitment pipeline', () => {
  it('offers “Record an enquiry” only to those with a team to record it in', async () => {
    const coordinator = await signedIn(t.app, 'recruitment');
    expect((await coordinator.get('/recruitment')).body).toContain('href="/recruitment/enquiries/new"');
    // The assessing social worker works the assessments: the enquiry form is not theirs.
    const assessor = await signedIn(t.app, 'assessor');
    const pipeline = await assessor.get('/recruitment');
    expect(pipeline.statusCode).toBe(200);
    expect(pipeline.body).not.toContain('href="/recruitment/enquiries/new"');
    expect(pipeline.body).toContain('href="/recruitment/events"');
    expect((await assessor.get('/recruitment/enquiries/new')).statusCode).toBe(403);
  });
});
