/**
 * The carers tell the service of a change in their household from their portal: the form refuses
 * what is missing and keeps what was typed; the change is owed to their supervising social worker
 * within 5 working days (kept with the other deadlines) and shown on the household's page, where it
 * is marked dealt with; the carers see that it was. Only the carers' own household, and only those
 * who may change the household mark it; each step audited.
 */
import { expectDueItemsInStep } from '../../../test/support/due.ts';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeHousehold, teamIdByName, userIdByUsername } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { users } from '../../platform/auth/tables.ts';
import { addDays, addWorkingDays, todayInLondon } from '../../platform/dates/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { householdChangeNotices, households } from './tables.ts';

const t = testAppForFile();
const today = todayInLondon();
const RULE = 'households.change-notice';

/** The demo carer's household, supervised by `ssw` in East Kent Fostering Team 1. */
async function carersHousehold() {
  const db = t.database.db;
  const [carer] = await db.select().from(users).where(eq(users.username, 'carer'));
  await db
    .update(households)
    .set({
      allocatedSswId: await userIdByUsername(db, 'ssw'),
      teamId: await teamIdByName(db, 'East Kent Fostering Team 1'),
    })
    .where(eq(households.id, carer!.householdId!));
  return carer!.householdId!;
}

const itemsOf = (householdId: string) =>
  t.database.db
    .select({ dueOn: dueItems.dueOn, detail: dueItems.detail })
    .from(dueItems)
    .where(and(eq(dueItems.recordId, householdId), eq(dueItems.ruleId, RULE)));

const expectInStep = () => expectDueItemsInStep(t.database.db);

describe('a change the carers tell us about', () => {
  it('is told from the portal, owed to the supervising social worker within 5 working days, and marked dealt with on the household’s page', async () => {
    const db = t.database.db;
    const householdId = await carersHousehold();
    // What the household has told us before (the demo's, dealt with weeks ago).
    const before = await db
      .select()
      .from(householdChangeNotices)
      .where(eq(householdChangeNotices.householdId, householdId));
    const carer = await signedIn(t.app, 'carer');
    const home = await carer.get('/portal');
    expect(home.body).toContain('href="/portal/household-change">Tell us about a change in your household</a>');
    expect((await carer.get('/portal/household-change')).statusCode).toBe(200);

    const nothing = await carer.post('/portal/household-change', {});
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Select what has changed');
    const nameless = await carer.post('/portal/household-change', {
      kind: 'moved_in',
      details: 'My nephew, born 2 March 2004',
    });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.body).toContain('Enter the name of the person coming to live with you');
    expect(nameless.body).toContain('My nephew, born 2 March 2004');
    const vague = await carer.post('/portal/household-change', { kind: 'other' });
    expect(vague.body).toContain('Tell us what has changed');
    expect(
      await db.select().from(householdChangeNotices).where(eq(householdChangeNotices.householdId, householdId)),
    ).toEqual(before);

    const movesIn = addDays(today, 10);
    const told = await carer.post('/portal/household-change', {
      kind: 'moved_in',
      personName: 'Ash Newby',
      ...dateBoxes('onDate', movesIn),
      details: 'My nephew, born 2 March 2004',
    });
    expect(told.statusCode).toBe(303);
    expect(told.headers.location).toBe('/portal?done=change-told');
    const after = await carer.get(told.headers.location!);
    expect(after.body).toContain('Thank you for telling us');
    expect(after.body).toContain(`Ash Newby coming to live in the household on ${formatDate(movesIn)}`);
    expect(after.body).toContain('waiting for your supervising social worker');
    // Their supervising social worker owes it within 5 working days; the carers' own words stay off My work.
    expect(await itemsOf(householdId)).toEqual([
      {
        dueOn: addWorkingDays(today, 5),
        detail: `The carers told us on ${formatDate(today)}: Ash Newby coming to live in the household on ${formatDate(movesIn)}`,
      },
    ]);
    await expectInStep();

    const ssw = await signedIn(t.app, 'ssw');
    const work = await ssw.get('/my-work');
    expect(work.body).toContain('The carers told us on');
    const page = await ssw.get(`/households/${householdId}`);
    expect(page.body).toContain('Changes the carers told us about');
    expect(page.body).toContain('My nephew, born 2 March 2004');
    expect(page.body).toContain('To deal with');
    const [notice] = await db
      .select()
      .from(householdChangeNotices)
      .where(eq(householdChangeNotices.personName, 'Ash Newby'));
    const dealtWith = `/households/${householdId}/change-notices/${notice!.id}/dealt-with`;
    expect(page.body).toContain(`action="${dealtWith}"`);
    // Nobody else marks it: the carers themselves, or a children's social worker.
    expect((await carer.post(dealtWith, {})).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'cicsw')).post(dealtWith, {})).statusCode).toBe(403);
    expect(await itemsOf(householdId)).toHaveLength(1);

    const done = await ssw.post(dealtWith, {});
    expect(done.statusCode).toBe(303);
    const shown = await ssw.get(done.headers.location!);
    expect(shown.body).toContain('The change the carers told us about is marked as dealt with');
    expect(shown.body).toContain(`Dealt with on ${formatDate(today)} by Sam Sutherland`);
    expect(shown.body).not.toContain('To deal with');
    expect(await itemsOf(householdId)).toEqual([]);
    await expectInStep();
    // Once only.
    expect((await ssw.post(dealtWith, {})).statusCode).toBe(404);
    expect((await carer.get('/portal')).body).toContain(
      `your supervising social worker dealt with it on ${formatDate(today)}`,
    );

    // Marked in error: to deal with again, owed from the day the carers told us, then dealt with.
    const reopen = `/households/${householdId}/change-notices/${notice!.id}/reopen`;
    expect(shown.body).toContain(`action="${reopen}"`);
    expect((await carer.post(reopen, {})).statusCode).toBe(403);
    const reopened = await ssw.post(reopen, {});
    expect(reopened.headers.location).toBe(`/households/${householdId}?done=change-reopened#changes-told`);
    const again = await ssw.get(reopened.headers.location!);
    expect(again.body).toContain('The change the carers told us about is to deal with again');
    expect(again.body).toContain('To deal with');
    expect(await itemsOf(householdId)).toHaveLength(1);
    await expectInStep();
    expect((await ssw.post(reopen, {})).statusCode).toBe(404);
    expect((await ssw.post(dealtWith, {})).statusCode).toBe(303);
    expect(await itemsOf(householdId)).toEqual([]);

    const trail = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, householdId), eq(auditEvents.recordType, 'household')));
    const steps = trail
      .filter((e) => (e.detail as { part?: string } | null)?.part === 'change-notice')
      .map((e) => `${e.username} ${e.action}`);
    expect(steps).toEqual(['carer record', 'ssw deal-with', 'ssw reopen', 'ssw deal-with']);
  });

  it('is marked only on the household it was told about, by those who may change that household', async () => {
    const db = t.database.db;
    const householdId = await carersHousehold();
    const carer = await signedIn(t.app, 'carer');
    const told = await carer.post('/portal/household-change', {
      kind: 'other',
      details: 'We are moving house in the spring',
    });
    expect(told.statusCode).toBe(303);
    const [notice] = await db
      .select()
      .from(householdChangeNotices)
      .where(and(eq(householdChangeNotices.householdId, householdId), eq(householdChangeNotices.kind, 'other')));
    // Another household's address for it finds nothing; a worker in another area cannot see the household.
    const other = await makeHousehold(db, { allocatedSswUsername: 'ssw' });
    const ssw = await signedIn(t.app, 'ssw');
    expect((await ssw.post(`/households/${other.id}/change-notices/${notice!.id}/dealt-with`, {})).statusCode).toBe(
      404,
    );
    const west = await makeHousehold(db, { teamName: 'West Kent Fostering Team 1' });
    expect((await ssw.post(`/households/${west.id}/change-notices/${notice!.id}/dealt-with`, {})).statusCode).toBe(404);
    expect(await itemsOf(householdId)).toHaveLength(1);
    expect((await ssw.get(`/households/${householdId}`)).body).toContain('We are moving house in the spring');
  });
});
