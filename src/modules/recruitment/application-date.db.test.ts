/**
 * The date an application was received, put right through the pages by those who record it: the
 * 8-month clock and the household's move to applicant follow; what cannot be is refused in words.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { addDays, addMonths, todayInLondon } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { householdStatusEvents, households } from '../households/tables.ts';
import { dueOf, enquiryThroughPages, makeRoad } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const enquiredOn = addDays(today, -40);
const appliedOn = addDays(today, -20);

/** The household's 8-month deadline to the panel's recommendation. */
const panelClock = (householdId: string) => dueOf(t.database.db, householdId, 'recruitment.panel-clock');

describe('the date of the application put right', () => {
  const startedOn = addDays(today, -12);
  const on = (iso: string) => dateBoxes('appliedOn', iso);
  const dayBox = (body: string) => /<input[^>]*name="appliedOn-day"[^>]*>/.exec(body)?.[0];
  const said = async (id: string) =>
    (await t.database.db.select().from(auditEvents).where(eq(auditEvents.recordId, id)).orderBy(auditEvents.id))
      .map((e): Record<string, unknown> => ({ action: e.action, ...e.detail }))
      .filter((d) => d.page === 'recruitment-application-date' || d.part === 'recruitment-application-date');

  it('changes on the application form, filled in, refusing what cannot be, the 8-month deadline following', async () => {
    const road = await makeRoad(t.database.db, {
      household: { status: 'in_assessment', statusSince: startedOn, name: 'Dunmore' },
      ...{ enquiredOn, appliedOn, startedOn },
    });
    const path = `/households/${road.id}/recruitment`;
    const coordinator = await signedIn(t.app, 'recruitment');
    const page = (await coordinator.get(path)).body;
    expect(page.match(/\/application-date"/g)).toHaveLength(1);
    expect(page).toContain('Change<span class="govuk-visually-hidden"> the date the application was received');
    const form = await coordinator.get(`${path}/application-date`);
    expect(form.body).toContain('Change the date the application was received');
    expect(dayBox(form.body)).toContain(`value="${Number(appliedOn.slice(8))}"`);

    const refusals: [Record<string, string>, string][] = [
      [{ ...on(appliedOn), 'appliedOn-day': '31', 'appliedOn-month': '2' }, 'must be a real date'],
      [on(addDays(today, 1)), 'must be today or in the past'],
      [on(addDays(enquiredOn, -1)), `must be on or after ${formatDate(enquiredOn)}, the day of the enquiry`],
      [on(addDays(startedOn, 1)), `must be on or before ${formatDate(startedOn)}, the day the assessment started`],
      [on(appliedOn), `The application is already dated ${formatDate(appliedOn)}: enter the date it should have`],
    ];
    for (const [typed, message] of refusals) {
      const refused = await coordinator.post(`${path}/application-date`, typed);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(message);
      expect(dayBox(refused.body)).toContain(`value="${typed['appliedOn-day']}"`);
    }
    expect(await panelClock(road.id)).toEqual([addMonths(appliedOn, 8)]);

    const correct = addDays(enquiredOn, 5);
    const changed = await coordinator.post(`${path}/application-date`, on(correct));
    expect(changed.headers.location).toBe(`${path}?done=application-date`);
    const after = (await coordinator.get(changed.headers.location!)).body;
    expect(after).toContain('The date the application was received has been changed');
    expect(after).toContain(formatDate(correct));
    expect(after).toContain(formatDate(addMonths(correct, 8)));
    expect(await panelClock(road.id)).toEqual([addMonths(correct, 8)]);

    // The audit trail keeps the view of the form and the date it said before, in words.
    expect((await said(road.id)).slice(-2)).toEqual([
      { action: 'view', page: 'recruitment-application-date' },
      { action: 'update', part: 'recruitment-application-date', appliedOn: correct, was: appliedOn },
    ]);
    const trail = await (await signedIn(t.app, 'head')).get(`/records/household/${road.id}/audit`);
    expect(trail.body).toContain('Changed the date the application was received on the household record');

    // The assessing social worker (who does not record the application), a supervising social worker and a carer cannot.
    for (const username of ['assessor', 'ssw', 'carer']) {
      const agent = await signedIn(t.app, username);
      expect((await agent.get(`${path}/application-date`)).statusCode).toBe(403);
      expect((await agent.post(`${path}/application-date`, on(enquiredOn))).statusCode).toBe(403);
    }
    expect((await (await signedIn(t.app, 'assessor')).get(path)).body).not.toContain('/application-date');
    expect(await panelClock(road.id)).toEqual([addMonths(correct, 8)]);
  });

  it('moves the household’s move to applicant with it, never past the status change after it', async () => {
    const coordinator = await signedIn(t.app, 'recruitment');
    const id = await enquiryThroughPages(t, coordinator, 'Ashdown', enquiredOn);
    const path = `/households/${id}/recruitment`;
    expect((await coordinator.post(`${path}/application`, on(appliedOn))).statusCode).toBe(303);
    const history = async () =>
      (
        await t.database.db
          .select({ to: householdStatusEvents.toStatus, on: householdStatusEvents.onDate })
          .from(householdStatusEvents)
          .where(eq(householdStatusEvents.householdId, id))
      ).sort((a, b) => a.on.localeCompare(b.on));
    const statusSince = async () =>
      (await t.database.db.select().from(households).where(eq(households.id, id)))[0]!.statusSince;

    const earlier = addDays(appliedOn, -3);
    expect((await coordinator.post(`${path}/application-date`, on(earlier))).statusCode).toBe(303);
    expect(await history()).toEqual([
      { to: 'enquiry', on: enquiredOn },
      { to: 'applicant', on: earlier },
    ]);
    expect(await statusSince()).toBe(earlier);

    // Moved into assessment on the household's status page: the application cannot follow it.
    const manager = await signedIn(t.app, 'manager');
    const movedOn = addDays(appliedOn, 2);
    const moved = await manager.post(`/households/${id}/status`, {
      toStatus: 'in_assessment',
      ...dateBoxes('onDate', movedOn),
      reason: '',
    });
    expect(moved.statusCode).toBe(303);
    const late = await coordinator.post(`${path}/application-date`, on(addDays(movedOn, 1)));
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(
      `The date the application was received must be on or before ${formatDate(movedOn)}, when the household became in assessment`,
    );
    expect(await history()).toEqual([
      { to: 'enquiry', on: enquiredOn },
      { to: 'applicant', on: earlier },
      { to: 'in_assessment', on: movedOn },
    ]);
    expect((await coordinator.post(`${path}/application-date`, on(movedOn))).statusCode).toBe(303);
    expect((await history()).find((e) => e.to === 'applicant')).toEqual({ to: 'applicant', on: movedOn });
    expect(await statusSince()).toBe(movedOn); // in assessment since then, as before
  });

  it('is put right once the panel has decided, never after its recommendation', async () => {
    const recommendedOn = addDays(today, -5);
    const road = await makeRoad(t.database.db, {
      household: { status: 'approved', statusSince: today, approvedOn: today, name: 'Eastwell' },
      ...{ enquiredOn, appliedOn, recommendedOn },
    });
    const manager = await signedIn(t.app, 'manager');
    const path = `/households/${road.id}/recruitment/application-date`;
    await manager.get(path);
    expect((await manager.post(path, on(addDays(recommendedOn, 1)))).body).toContain(
      `received must be on or before ${formatDate(recommendedOn)}, the day the panel made its recommendation`,
    );
    expect((await manager.post(path, on(recommendedOn))).statusCode).toBe(303);
  });
});
