/**
 * A temporary approval put right by a team manager, through the pages: the day it was given and the
 * nominated officer changed on the giving form, filled in (the last day of the 16 weeks and the
 * deadline following; refused, what was typed kept, when the day would not fit the child's time in
 * care, the ending, the extension or the placement made under it), and an ending recorded in error
 * undone with why (refused while the child has another approval running, or once it would have run
 * out), and the extension changed on the extending form, filled in (refused, what was typed kept,
 * outside regulation 25's bounds, after the ending or before the placement made under it). Who may
 * not, and the audit trail's words.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signedIn, testAppForFile } from '../../../test/support/app.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { makeHousehold } from '../../../test/support/households.ts';
import { auditEvents } from '../../platform/audit/tables.ts';
import { auditWords } from '../../platform/audit/words.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { addDays, todayInLondon } from '../../platform/dates/index.ts';
import { dateBoxes } from '../../platform/views/date-input.ts';
import { formatDate } from '../../platform/views/format.ts';
import { extensionValues } from './form-page.ts';
import { expiresOnFor, latestExtensionFor } from './labels.ts';
import { approvalPath, changeApprovalPath, changeExtensionPath, undoEndingPath } from './paths.ts';
import { temporaryApprovals } from './tables.ts';
import { makeApproval, type ApprovalValues } from './test-support.ts';

const t = testAppForFile();
const today = todayInLondon();
const daysAgo = (n: number) => addDays(today, -n);

/** The due dates kept for an approval. */
const dueOn = async (id: string) =>
  (
    await queryRows<{ due_on: string }>(
      t.database.db,
      sql`select due_on::text from due_items where rule_id = 'connected-persons.assessment-decided' and record_id = ${id}`,
    )
  ).map((r) => r.due_on);

const rowOf = async (id: string) =>
  (await t.database.db.select().from(temporaryApprovals).where(eq(temporaryApprovals.id, id)))[0]!;

/** What the audit trail says of an approval, in words, and the details of its changes. */
async function trailOf(id: string) {
  const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.recordId, id));
  return {
    words: events.map((e) => auditWords(e.action, e.recordType, e.detail as Record<string, unknown>)),
    changes: events.filter((e) => e.action !== 'view').map((e) => e.detail),
  };
}

/**
 * A family and friends household in assessment in the manager's team, a child in care for
 * `inCare` days, and a temporary approval of the one for the other (`values` over its defaults).
 */
async function approvalFor(surname: string, inCare: number, values: Partial<ApprovalValues> = {}) {
  const db = t.database.db;
  const household = await makeHousehold(db, {
    name: `${surname} Household`,
    status: 'in_assessment',
    householdType: 'family_and_friends',
  });
  const child = await makeChild(db, { firstName: 'Juno', lastName: surname, lookedAfterSince: daysAgo(inCare) });
  const approval = await makeApproval(db, {
    householdId: household.id,
    childId: child.id,
    approvedOn: daysAgo(20),
    ...values,
  });
  return { household, child, approval };
}

/** A correction's form, opened from its Change link on the approval's page: it says what it changes. */
async function formFrom(user: Awaited<ReturnType<typeof signedIn>>, id: string, path: string, heading: string) {
  expect((await user.get(approvalPath(id))).body).toContain(`href="${path}"`);
  const form = await user.get(path);
  expect(form.statusCode).toBe(200);
  expect(form.body).toContain(heading);
  return form;
}

const dayBox = (body: string) => /<input[^>]*name="approvedOn-day"[^>]*>/.exec(body)?.[0];
const change = (approvedOn: string, approvedBy = 'Nadia Officer') => ({
  ...dateBoxes('approvedOn', approvedOn),
  approvedBy,
});

describe('the day of a temporary approval and its nominated officer put right', () => {
  it('changes them on the giving form, filled in: the 16 weeks and the deadline follow, the audit trail keeps what they said', async () => {
    const { approval } = await approvalFor('Daybury', 30);
    const manager = await signedIn(t.app, 'manager');
    const path = changeApprovalPath(approval.id);
    const form = await formFrom(
      manager,
      approval.id,
      path,
      'Change the date of the temporary approval or the nominated officer',
    );
    expect(dayBox(form.body)).toContain(`value="${dateBoxes('approvedOn', daysAgo(20))['approvedOn-day']}"`);
    expect(form.body).toContain('value="Nadia Officer"');

    const future = await manager.post(path, change(addDays(today, 1), 'Nadia Officerson'));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date of the temporary approval must be today or in the past');
    expect(future.body).toContain('value="Nadia Officerson"');
    const noOfficer = await manager.post(path, change(daysAgo(25), ''));
    expect(noOfficer.body).toContain('Enter the name of the nominated officer who approved it');
    const beforeCare = await manager.post(path, change(daysAgo(31), 'Nadia Officerson'));
    expect(beforeCare.statusCode).toBe(400);
    expect(beforeCare.body).toContain(
      `Date of the temporary approval must be on or after the day Juno became looked after, ${formatDate(daysAgo(30))}`,
    );
    expect(dayBox(beforeCare.body)).toContain(`value="${dateBoxes('approvedOn', daysAgo(31))['approvedOn-day']}"`);
    expect(beforeCare.body).toContain('value="Nadia Officerson"');
    expect((await rowOf(approval.id)).approvedOn).toBe(daysAgo(20));

    const changed = await manager.post(path, change(daysAgo(25), 'Nadia Officerson'));
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(`${approvalPath(approval.id)}?done=approval`);
    const lastDay = expiresOnFor(daysAgo(25));
    expect((await rowOf(approval.id)).expiresOn).toBe(lastDay);
    expect(await dueOn(approval.id)).toEqual([lastDay]);
    const page = (await manager.get(String(changed.headers.location))).body;
    expect(page).toContain('The date of the temporary approval and the nominated officer have been saved');
    expect(page).toContain(formatDate(daysAgo(25)));
    expect(page).toContain(`Runs to ${formatDate(lastDay)}`);
    expect(page).toContain('Nadia Officerson');
    expect(page).not.toContain(formatDate(daysAgo(20)));

    const trail = await trailOf(approval.id);
    expect(trail.changes).toEqual([
      {
        part: 'approval-given',
        approvedOn: daysAgo(25),
        approvedBy: 'Nadia Officerson',
        was: { approvedOn: daysAgo(20), approvedBy: 'Nadia Officer' },
      },
    ]);
    expect(trail.words).toContain(
      'Viewed the date of the temporary approval and the nominated officer on the temporary approval of a connected person',
    );
    expect(trail.words).toContain(
      'Changed the date of the temporary approval and the nominated officer on the temporary approval of a connected person',
    );
  });

  it('keeps it in order with its extension, the placement made under it and its ending', async () => {
    const expiresOn = expiresOnFor(daysAgo(100));
    const extendedUntil = latestExtensionFor(expiresOn);
    const { household, child, approval } = await approvalFor('Extenby', 200, {
      approvedOn: daysAgo(100),
      extendedOn: daysAgo(2),
      extendedBy: 'Omar Officer',
      extensionReason: 'assessment',
      extendedUntil,
      panelViewsSoughtOn: daysAgo(4),
      iroInformed: true,
    });
    await makePlacement(t.database.db, { childId: child.id, householdId: household.id, startDate: daysAgo(95) });
    const manager = await signedIn(t.app, 'manager');
    const path = changeApprovalPath(approval.id);

    const afterExtension = await manager.post(path, change(daysAgo(1)));
    expect(afterExtension.statusCode).toBe(400);
    expect(afterExtension.body).toContain(
      `Date of the temporary approval must be on or before ${formatDate(daysAgo(2))}, when it was extended`,
    );
    const tooEarly = await manager.post(path, change(daysAgo(110)));
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.body).toContain(
      `Date of the temporary approval cannot be ${formatDate(daysAgo(110))}: its 16 weeks would end on ${formatDate(expiresOnFor(daysAgo(110)))}, and its extension to ${formatDate(extendedUntil)} must end after that and no later than ${formatDate(latestExtensionFor(expiresOnFor(daysAgo(110))))}, 8 weeks on`,
    );
    expect(dayBox(tooEarly.body)).toContain(`value="${dateBoxes('approvedOn', daysAgo(110))['approvedOn-day']}"`);
    const afterPlacement = await manager.post(path, change(daysAgo(90)));
    expect(afterPlacement.statusCode).toBe(400);
    expect(afterPlacement.body).toContain(
      `Date of the temporary approval must be on or before ${formatDate(daysAgo(95))}, when Juno Extenby was placed with Extenby Household`,
    );
    expect((await rowOf(approval.id)).approvedOn).toBe(daysAgo(100));

    // Within both: the extension's last day stays, the 16 weeks move.
    expect((await manager.post(path, change(daysAgo(97)))).statusCode).toBe(303);
    const moved = await rowOf(approval.id);
    expect([moved.approvedOn, moved.expiresOn, moved.extendedUntil]).toEqual([
      daysAgo(97),
      expiresOnFor(daysAgo(97)),
      extendedUntil,
    ]);
    expect(await dueOn(approval.id)).toEqual([extendedUntil]);

    const { approval: ended } = await approvalFor('Endham', 60, {
      endedOn: daysAgo(5),
      endReason: 'withdrew',
    });
    const afterEnd = await manager.post(changeApprovalPath(ended.id), change(daysAgo(3)));
    expect(afterEnd.statusCode).toBe(400);
    expect(afterEnd.body).toContain(
      `Date of the temporary approval must be on or before ${formatDate(daysAgo(5))}, when it ended`,
    );
    expect((await manager.post(changeApprovalPath(ended.id), change(daysAgo(40)))).statusCode).toBe(303);
  });

  it('is put right only by those who record its decisions', async () => {
    const { approval } = await approvalFor('Guardley', 30);
    const path = changeApprovalPath(approval.id);
    for (const username of ['cicsw', 'carer']) {
      const user = await signedIn(t.app, username);
      expect((await user.get(path)).statusCode).toBe(403);
      expect((await user.post(path, change(daysAgo(25)))).statusCode).toBe(403);
      expect((await user.post(undoEndingPath(approval.id), { reason: 'Typed wrongly' })).statusCode).toBe(403);
    }
    expect((await (await signedIn(t.app, 'cicsw')).get(approvalPath(approval.id))).body).not.toContain(path);
    expect((await rowOf(approval.id)).approvedOn).toBe(daysAgo(20));
    // The head records them too.
    expect((await (await signedIn(t.app, 'head')).post(path, change(daysAgo(21)))).statusCode).toBe(303);
  });
});

describe('the extension of a temporary approval put right', () => {
  // Given 130 days ago: its 16 weeks ended 19 days ago; extended 25 days ago to 9 days on.
  const expiresOn = expiresOnFor(daysAgo(130));
  const extended = {
    approvedOn: daysAgo(130),
    extendedOn: daysAgo(25),
    extendedBy: 'Omar Officer',
    extensionReason: 'assessment',
    extendedUntil: addDays(today, 9),
    panelViewsSoughtOn: daysAgo(27),
    iroInformed: true,
  };
  const extension = (e: Partial<typeof extended>) => extensionValues({ ...extended, ...e });
  const untilBox = (body: string) => /<input[^>]*name="extendedUntil-day"[^>]*>/.exec(body)?.[0];

  it('changes it on the extending form, filled in: the last day and the deadline follow; refused, what was typed kept', async () => {
    const { household, child, approval } = await approvalFor('Stretton', 200, extended);
    await makePlacement(t.database.db, { childId: child.id, householdId: household.id, startDate: daysAgo(10) });
    const manager = await signedIn(t.app, 'manager');
    const path = changeExtensionPath(approval.id);
    const form = await formFrom(manager, approval.id, path, 'Change the extension of the temporary approval');
    expect(untilBox(form.body)).toContain(
      `value="${dateBoxes('extendedUntil', addDays(today, 9))['extendedUntil-day']}"`,
    );
    expect(form.body).toContain('value="Omar Officer"');
    expect(form.body).toMatch(/<input[^>]*value="assessment" checked/);

    const late = await manager.post(path, extension({ extendedOn: daysAgo(18), extendedBy: 'Omar Officerson' }));
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain(
      `Date of the decision to extend must be from ${formatDate(daysAgo(130))} to ${formatDate(expiresOn)}, while the temporary approval runs`,
    );
    expect(late.body).toContain('value="Omar Officerson"');
    const tooLong = await manager.post(path, extension({ extendedUntil: addDays(today, 40) }));
    expect(tooLong.body).toContain(
      `New last day must be after ${formatDate(expiresOn)} and no later than ${formatDate(latestExtensionFor(expiresOn))}, 8 weeks on`,
    );
    const beforePlacement = await manager.post(path, extension({ extendedUntil: daysAgo(12) }));
    expect(beforePlacement.statusCode).toBe(400);
    expect(beforePlacement.body).toContain(
      `New last day must be on or after ${formatDate(daysAgo(10))}, when Juno Stretton was placed with Stretton Household`,
    );
    expect(untilBox(beforePlacement.body)).toContain(
      `value="${dateBoxes('extendedUntil', daysAgo(12))['extendedUntil-day']}"`,
    );
    const panelAfter = await manager.post(path, extension({ panelViewsSoughtOn: daysAgo(20) }));
    expect(panelAfter.body).toContain(
      'The fostering panel’s views must be sought on or before the date of the decision to extend',
    );
    expect((await rowOf(approval.id)).extendedUntil).toBe(addDays(today, 9));

    const changed = await manager.post(
      path,
      extension({ extendedUntil: addDays(today, 20), extendedBy: 'Omar Officerson' }),
    );
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(`${approvalPath(approval.id)}?done=extension`);
    expect((await rowOf(approval.id)).extendedUntil).toBe(addDays(today, 20));
    expect(await dueOn(approval.id)).toEqual([addDays(today, 20)]);
    const page = (await manager.get(String(changed.headers.location))).body;
    expect(page).toContain('The changes to the extension have been saved');
    expect(page).toContain(formatDate(addDays(today, 20)));
    expect(page).toContain('Omar Officerson');

    const trail = await trailOf(approval.id);
    const { approvedOn: _, ...was } = extended;
    expect(trail.changes).toEqual([
      { part: 'approval-extension', ...was, extendedBy: 'Omar Officerson', extendedUntil: addDays(today, 20), was },
    ]);
    expect(trail.words).toContain('Viewed the extension on the temporary approval of a connected person');
    expect(trail.words).toContain('Changed the extension on the temporary approval of a connected person');
  });

  it('is never after its ending, and is put right only by those who record its decisions', async () => {
    const { approval: ended } = await approvalFor('Endwick', 200, {
      ...extended,
      extensionReason: 'review',
      extendedUntil: null,
      endedOn: daysAgo(5),
      endReason: 'withdrew',
    });
    const manager = await signedIn(t.app, 'manager');
    const path = changeExtensionPath(ended.id);
    const afterEnd = await manager.post(path, extension({ extendedOn: daysAgo(3), extensionReason: 'review' }));
    expect(afterEnd.statusCode).toBe(400);
    expect(afterEnd.body).toContain(
      `Date of the decision to extend must be on or before ${formatDate(daysAgo(5))}, when it ended`,
    );
    expect(
      (await manager.post(path, extension({ extendedOn: daysAgo(20), extensionReason: 'review' }))).statusCode,
    ).toBe(303);
    expect((await rowOf(ended.id)).extendedOn).toBe(daysAgo(20));

    for (const username of ['cicsw', 'carer']) {
      const user = await signedIn(t.app, username);
      expect((await user.get(path)).statusCode).toBe(403);
      expect((await user.post(path, extension({ extendedOn: daysAgo(22) }))).statusCode).toBe(403);
    }
    expect((await (await signedIn(t.app, 'cicsw')).get(approvalPath(ended.id))).body).not.toContain(path);
    expect((await rowOf(ended.id)).extendedOn).toBe(daysAgo(20));
    // Not extended: nothing to put right, the page leads back to the approval.
    const { approval: plain } = await approvalFor('Plainby', 30);
    expect((await manager.get(changeExtensionPath(plain.id))).headers.location).toBe(approvalPath(plain.id));
  });
});

describe('an ending recorded in error undone', () => {
  it('asks why, then runs the approval again with its deadline; refused while another approval runs', async () => {
    const db = t.database.db;
    const { child, approval } = await approvalFor('Undone', 30, { endedOn: daysAgo(3), endReason: 'withdrew' });
    expect(await dueOn(approval.id)).toEqual([]);
    const manager = await signedIn(t.app, 'manager');
    const path = undoEndingPath(approval.id);
    const approvalPage = (await manager.get(approvalPath(approval.id))).body;
    expect(approvalPage).toContain(
      `<a class="govuk-link" href="${path}">Undo the ending, if it was recorded in error</a>`,
    );
    const page = await manager.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Why is the ending being undone?');
    expect(page.body).toContain(formatDate(daysAgo(3)));
    const noReason = await manager.post(path, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the ending is being undone');

    // Another household's approval for the child, running: the ending stays.
    const other = await makeHousehold(db, {
      name: 'Otherway Household',
      status: 'in_assessment',
      householdType: 'family_and_friends',
    });
    const running = await makeApproval(db, { householdId: other.id, childId: child.id, approvedOn: daysAgo(2) });
    const refusal = `Juno Undone has temporary approval with Otherway Household, given on ${formatDate(daysAgo(2))}, that has not ended: a child has one temporary approval at a time`;
    const shown = await manager.get(path);
    expect(shown.body).toContain(refusal);
    expect(shown.body).not.toContain('Why is the ending being undone?');
    const refused = await manager.post(path, { reason: 'Recorded for the wrong child' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(refusal);
    expect((await rowOf(approval.id)).endedOn).toBe(daysAgo(3));

    await db.update(temporaryApprovals).set({ endedOn: today }).where(eq(temporaryApprovals.id, running.id));
    const undone = await manager.post(path, { reason: 'Recorded for the wrong child' });
    expect(undone.statusCode).toBe(303);
    expect(undone.headers.location).toBe(`${approvalPath(approval.id)}?done=end-undone`);
    const row = await rowOf(approval.id);
    expect([row.endedOn, row.endReason, row.endedBy]).toEqual([null, null, null]);
    expect(await dueOn(approval.id)).toEqual([expiresOnFor(daysAgo(20))]);
    const after = (await manager.get(String(undone.headers.location))).body;
    expect(after).toContain('The ending has been undone: the temporary approval runs again');
    expect(after).toContain(`Runs to ${formatDate(expiresOnFor(daysAgo(20)))}`);
    // Nothing left to undo: the page leads back to the approval.
    expect((await manager.get(path)).headers.location).toBe(approvalPath(approval.id));

    const trail = await trailOf(approval.id);
    expect(trail.changes).toEqual([
      {
        part: 'approval-ending',
        reason: 'Recorded for the wrong child',
        was: { endedOn: daysAgo(3), endReason: 'withdrew', endNote: null },
      },
    ]);
    expect(trail.words).toContain('Viewed the ending on the temporary approval of a connected person');
    expect(trail.words).toContain('Removed the ending on the temporary approval of a connected person');
  });

  it('is refused once the approval would have run out', async () => {
    const approvedOn = daysAgo(130);
    const { approval } = await approvalFor('Lapsedon', 200, { approvedOn, endedOn: daysAgo(2), endReason: 'withdrew' });
    const manager = await signedIn(t.app, 'manager');
    const message = `It would have run out on ${formatDate(expiresOnFor(approvedOn))}: a temporary approval that has run out cannot run again, and Juno Lapsedon’s placement with Lapsedon Household must end once other arrangements are made`;
    const page = await manager.get(undoEndingPath(approval.id));
    expect(page.body).toContain(message);
    const refused = await manager.post(undoEndingPath(approval.id), { reason: 'It did not end' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(message);
    expect((await rowOf(approval.id)).endedOn).toBe(daysAgo(2));
  });
});
