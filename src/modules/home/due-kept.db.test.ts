/**
 * The kept deadlines follow the records: each service that changes a record refreshes its due
 * items in the same transaction (rolled back with it), and after a random run of changes on the
 * demo service the kept items are exactly what a rebuild computes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeCarer, makeCheck, makeHousehold } from '../../../test/support/households.ts';
import { makeChild, makePlacement } from '../../../test/support/children.ts';
import { systemActor } from '../../platform/audit/service.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { addDays, addYears, todayInLondon } from '../../platform/dates/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { checkDueItems, dueFor } from '../../platform/due/index.ts';
import { factsDifferences } from '../../platform/measures/index.ts';
import { dueItems } from '../../platform/due/tables.ts';
import { findChild } from '../children/scope.ts';
import { addHealthAssessment } from '../children/service.ts';
import { addCheck, addMember, updateCarer, updateMember } from '../households/people.ts';
import { changeStatus, updateDetails } from '../households/service.ts';
import type { CarerInput, DetailsInput, MemberInput } from '../households/forms.ts';
import { households } from '../households/tables.ts';
import { allKeptFacts } from '../index.ts';
import { findPlacement } from '../placements/queries.ts';
import { endPlacement } from '../placements/placing.ts';
import { recordProgress, recordRequest } from '../extra-support/service.ts';
import { finaliseSupervision, markNotesSent, recordAgreement, recordSupervision } from '../supervision/service.ts';
import { viewer } from './test-support.ts';

let t: TestApp;
let db: Db;
let head: SignedInUser;
const actor = systemActor('test');
const today = todayInLondon();

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  head = await viewer(db, 'head');
});
afterAll(async () => {
  await t.close();
});

/** The kept items of some records, as "rule due-date", in order. */
async function kept(on: Db, recordIds: string[]): Promise<string[]> {
  const rows = await on
    .select({ ruleId: dueItems.ruleId, dueOn: dueItems.dueOn })
    .from(dueItems)
    .where(
      sql`${dueItems.recordId} in (${sql.join(
        recordIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  return rows.map((r) => `${r.ruleId} ${r.dueOn}`).sort();
}

const who = () => ({ user: head, actor });
/** The kept deadlines, and every kept facts table (which the same calls keep), equal a rebuild. */
const inStep = async () => {
  const check = await checkDueItems(db);
  expect({ missing: check.missing, extra: check.extra }).toEqual({ missing: [], extra: [] });
  for (const facts of allKeptFacts()) expect(await factsDifferences(db, facts), facts.table).toBe(0);
  return check;
};

describe('a change to a record updates its due items in the same transaction', () => {
  it('a health assessment replaces the initial assessment’s deadline with the review’s, or neither when rolled back', async () => {
    // Looked after 60 days ago, never assessed: the initial assessment is overdue.
    const child = await makeChild(db, { dateOfBirth: '2016-03-10', lookedAfterSince: addDays(today, -60) });
    const before = await kept(db, [child.id]);
    // Born 10 March 2016: the independence checklist is due at 15½, untouched by the health assessment.
    const checklist = 'independence.checklist-started 2031-09-10';
    expect(before).toEqual([expect.stringMatching(/^children\.initial-health-assessment /), checklist]);
    const record = (await findChild(db, head, child.id))!;
    const input = { kind: 'initial' as const, completedOn: addDays(today, -10), notes: null };

    // Inside a transaction that then fails, the kept items change with the record ...
    await db
      .transaction(async (tx) => {
        await addHealthAssessment(tx as unknown as Db, head, actor, record, input);
        expect(await kept(tx as unknown as Db, [child.id])).toEqual([
          `children.review-health-assessment ${addYears(addDays(today, -10), 1)}`,
          checklist,
        ]);
        throw new Error('roll back');
      })
      .catch((error: unknown) => expect(String(error)).toContain('roll back'));
    // ... and are rolled back with it.
    expect(await kept(db, [child.id])).toEqual(before);

    await addHealthAssessment(db, head, actor, record, input);
    // A 9-year-old: the review is due a year after the assessment.
    expect(await kept(db, [child.id])).toEqual([
      `children.review-health-assessment ${addYears(addDays(today, -10), 1)}`,
      checklist,
    ]);
  });

  it('a household put on hold owes no supervision or renewals; approved again, it does', async () => {
    const household = await makeHousehold(db, { statusSince: addDays(today, -200) });
    const carer = await makeCarer(db, household.id);
    await makeCheck(db, household.id, { carerId: carer.id, kind: 'dbs', expiresOn: addDays(today, 30) });
    const rules = async () => [...new Set((await kept(db, [household.id])).map((k) => k.split(' ')[0]))].sort();
    const owed = [
      'households.dbs-check-renewal',
      'recruitment.post-approval-interview',
      'reviews.review-due',
      'safer-care.plan-agreed',
      'supervision.agreement-renewal',
      'supervision.next-visit',
      'supervision.unannounced-visit',
    ];
    expect(await rules()).toEqual(owed);
    const onHold = await changeStatus(db, who(), household.id, {
      toStatus: 'on_hold',
      onDate: today,
      reason: 'Moving house',
    });
    expect(onHold).toEqual({ ok: true });
    // The interview about how their approval went is still owed, and so is the review of their
    // approval, which stands while they are on hold; nothing else is.
    expect(await rules()).toEqual(['recruitment.post-approval-interview', 'reviews.review-due']);
    await changeStatus(db, who(), household.id, { toStatus: 'approved', onDate: today, reason: null });
    expect(await rules()).toEqual(owed);
    // A new DBS check moves the renewal to its expiry.
    await addCheck(db, who(), household.id, {
      person: `carer:${carer.id}`,
      kind: 'dbs',
      completedOn: today,
      expiresOn: addYears(today, 3),
      satisfactory: 'yes',
      outcome: null,
    });
    expect(await kept(db, [household.id])).toContain(`households.dbs-check-renewal ${addYears(today, 3)}`);
  });

  it('a supervision visit moves the next visit, owes notes until they are sent, and an agreement moves its renewal', async () => {
    const household = await makeHousehold(db, { statusSince: addDays(today, -200) });
    const visitDate = addDays(today, -3);
    const input = {
      visitDate,
      announced: false,
      attendees: 'Both carers',
      workingWell: 'Routines',
      worries: 'None',
      needsToHappen: 'Carry on',
      scalingQuestion: 'How settled?',
      scalingScore: 8,
      actions: [],
      seen: {},
    };
    const recorded = await recordSupervision(db, who(), household.id, input);
    if (!recorded.ok) throw new Error('not recorded');
    // A draft owes its notes (the visit happened) but does not count as the household's visit.
    expect(await kept(db, [recorded.id])).toHaveLength(1);
    await finaliseSupervision(db, who(), recorded.id, { mode: 'smtp', publicUrl: 'http://localhost' });
    const items = await kept(db, [household.id]);
    expect(items).toContain(`supervision.next-visit ${addDays(visitDate, 42)}`);
    expect(items).toContain(`supervision.unannounced-visit ${addYears(visitDate, 1)}`);
    await markNotesSent(db, who(), recorded.id, today);
    expect(await kept(db, [recorded.id])).toEqual([]);
    await recordAgreement(db, who(), household.id, { signedOn: today, signedByCarers: 'Both carers' });
    expect(await kept(db, [household.id])).toContain(`supervision.agreement-renewal ${addYears(today, 1)}`);
  });

  it('ending a placement ends its paperwork deadlines and, after its last day, the child-seen one', async () => {
    const household = await makeHousehold(db, { statusSince: addDays(today, -400) });
    const child = await makeChild(db);
    const placement = await makePlacement(db, {
      childId: child.id,
      householdId: household.id,
      startDate: addDays(today, -20),
    });
    expect(await kept(db, [placement.id])).toHaveLength(2); // plan and delegated authority
    const record = (await findPlacement(db, head, placement.id))!;
    await endPlacement(db, head, actor, record, { endDate: today, ending: 'planned', endReason: null });
    expect(await kept(db, [placement.id])).toEqual([]);
    const seen = await dueFor(db, head, { today, horizonDays: 400, ruleIds: ['supervision.child-seen'] });
    expect(seen.filter((e) => e.recordId === child.id)).toHaveLength(1); // still placed today
    const tomorrow = await dueFor(db, head, {
      today: addDays(today, 1),
      horizonDays: 400,
      ruleIds: ['supervision.child-seen'],
    });
    expect(tomorrow.filter((e) => e.recordId === child.id)).toEqual([]);
    await inStep();
  });
});

/** A small deterministic random number generator (the same run every time). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

/** The kinds of change the random sequence makes. */
const KINDS = [
  'assessment',
  'status',
  'check',
  'end',
  'visit',
  'agreement',
  'team',
  'member',
  'carer',
  'psychology',
] as const;

describe('a rebuild equals the kept items', () => {
  it('after a random sequence of changes through the services on the demo service', async () => {
    await inStep();
    const r = random(8);
    const ids = async (query: ReturnType<typeof sql>) => (await queryRows<{ id: string }>(db, query)).map((x) => x.id);
    const done: string[] = [];
    for (let step = 0; step < 30; step += 1) {
      // Each kind once, in turn, then at random.
      const kind = step < KINDS.length ? KINDS[step]! : r.pick(KINDS);
      if (kind === 'assessment') {
        const childId = r.pick(await ids(sql`select id from children where left_care_on is null order by id`));
        const child = (await findChild(db, head, childId))!;
        await addHealthAssessment(db, head, actor, child, {
          kind: r.pick(['initial', 'review'] as const),
          completedOn: addDays(today, -r.int(400)),
          notes: null,
        });
      } else if (kind === 'status') {
        const id = r.pick(
          await ids(sql`select id from households where status in ('approved', 'on_hold') order by id`),
        );
        const [h] = await queryRows<{ status: string }>(db, sql`select status from households where id = ${id}`);
        await changeStatus(db, who(), id, {
          toStatus: h!.status === 'approved' ? 'on_hold' : 'approved',
          onDate: today,
          reason: 'A change in the family',
        });
      } else if (kind === 'check') {
        const carer = r.pick(
          await queryRows<{ id: string; household_id: string }>(
            db,
            sql`select c.id, c.household_id from carers c join households h on h.id = c.household_id
              where h.status = 'approved' order by c.id`,
          ),
        );
        const completedOn = addDays(today, -r.int(1000));
        await addCheck(db, who(), carer!.household_id, {
          person: `carer:${carer!.id}`,
          kind: r.pick(['dbs', 'medical'] as const),
          completedOn,
          expiresOn: addYears(completedOn, 3),
          // An unsatisfactory check renews nothing: both kinds, so the rebuild is checked on both.
          satisfactory: r.pick(['yes', 'no'] as const),
          outcome: null,
        });
      } else if (kind === 'end') {
        const id = r.pick(await ids(sql`select id from placements where end_date is null order by id`));
        const record = (await findPlacement(db, head, id))!;
        const endDate = record.startDate > addDays(today, -5) ? today : addDays(today, -r.int(5));
        await endPlacement(db, head, actor, record, { endDate, ending: 'planned', endReason: null });
      } else if (kind === 'visit') {
        const householdId = r.pick(await ids(sql`select id from households where status = 'approved' order by id`));
        const children = await ids(
          sql`select child_id as id from placements where household_id = ${householdId} and end_date is null`,
        );
        const recorded = await recordSupervision(db, who(), householdId, {
          visitDate: addDays(today, -r.int(30)),
          announced: r.int(2) === 0,
          attendees: 'Both carers',
          workingWell: 'Routines',
          worries: 'None',
          needsToHappen: 'Carry on',
          scalingQuestion: 'How settled?',
          scalingScore: 7,
          actions: [],
          seen: Object.fromEntries(children.map((c) => [c, r.pick(['seen', 'seen_alone', 'not_seen'] as const)])),
        });
        if (recorded.ok && r.int(3) > 0) {
          await finaliseSupervision(db, who(), recorded.id, { mode: 'smtp', publicUrl: 'http://localhost' });
          if (r.int(2) === 0) await markNotesSent(db, who(), recorded.id, today);
        }
      } else if (kind === 'team') {
        // A household with children placed moves to another team: their visits and its deadlines go with it.
        const id = r.pick(
          await ids(sql`select distinct household_id as id from placements where end_date is null order by 1`),
        );
        const [h] = await db
          .select()
          .from(households)
          .where(sql`${households.id} = ${id}`);
        const teamId = r.pick(await ids(sql`select id from teams where id <> ${h!.teamId} order by id`));
        const moved = await updateDetails(db, who(), id, {
          name: h!.name,
          addressLine1: h!.addressLine1,
          addressLine2: h!.addressLine2,
          town: h!.town,
          postcode: h!.postcode,
          teamId,
          householdType: h!.householdType as DetailsInput['householdType'],
        });
        expect(moved).toEqual({ ok: true });
      } else if (kind === 'member') {
        // Someone leaves an approved household (renewals and the safer-care plan follow), or an
        // adult comes to live there (their DBS check is owed).
        const householdId = r.pick(await ids(sql`select id from households where status = 'approved' order by id`));
        const [member] = await queryRows<MemberInput & { id: string }>(
          db,
          sql`select id, first_name as "firstName", last_name as "lastName", date_of_birth::text as "dateOfBirth",
              relationship, moved_in_on::text as "movedInOn", left_on::text as "leftOn"
            from household_members where household_id = ${householdId} and left_on is null order by id limit 1`,
        );
        const changed = member
          ? await updateMember(db, who(), householdId, member.id, { ...member, leftOn: addDays(today, -r.int(20)) })
          : await addMember(db, who(), householdId, {
              firstName: 'Robin',
              lastName: 'Newcomer',
              dateOfBirth: null,
              relationship: 'other_adult',
              movedInOn: addDays(today, -r.int(20)),
              leftOn: null,
            });
        expect(changed).toEqual({ ok: true });
      } else if (kind === 'carer') {
        // One of a couple leaves an approved household: their renewals and training end, and
        // the safer-care plan is due again.
        const couples = await queryRows<CarerInput & { id: string; householdId: string }>(
          db,
          sql`select c.id, c.household_id as "householdId", c.first_name as "firstName", c.last_name as "lastName",
              c.date_of_birth::text as "dateOfBirth", c.email, c.phone, c.is_staff as "isStaff"
            from carers c join households h on h.id = c.household_id
            where h.status = 'approved' and c.left_on is null
              and exists (select 1 from carers other where other.household_id = c.household_id
                and other.id <> c.id and other.left_on is null)
            order by c.id`,
        );
        const carer = r.pick(couples);
        const left = await updateCarer(db, who(), carer.householdId, carer.id, {
          ...carer,
          leftOn: addDays(today, -r.int(20)),
        });
        expect(left).toMatchObject({ ok: true, left: true });
      } else if (kind === 'psychology') {
        // An emergency request for psychology support, its first session owed; half the time it begins.
        const householdId = r.pick(await ids(sql`select id from households where status = 'approved' order by id`));
        const requestedOn = addDays(today, -r.int(10));
        const asked = await recordRequest(db, who(), householdId, {
          requestedOn,
          childId: null,
          urgency: 'emergency',
          reason: 'The placement is at risk',
        });
        expect(asked.ok).toBe(true);
        if (asked.ok && r.int(2) === 0) {
          await recordProgress(db, who(), asked.id, { firstSessionOn: today, endedOn: null });
        }
      } else {
        const householdId = r.pick(await ids(sql`select id from households where status = 'approved' order by id`));
        await recordAgreement(db, who(), householdId, { signedOn: addDays(today, -r.int(60)), signedByCarers: 'Both' });
      }
      done.push(kind);
    }
    expect(new Set(done).size).toBe(KINDS.length); // every kind of change was made
    const check = await inStep();
    expect(check.checked).toBeGreaterThan(50);
  });
});
