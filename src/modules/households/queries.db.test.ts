import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/db.ts';
import { makeCarer, makeCheck, makeHousehold, makeMember, userIdByUsername } from '../../../test/support/households.ts';
import type { Database } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/tables.ts';
import { householdPeople } from './queries.ts';
import { carers, householdChangeNotices, householdMembers, householdStatusEvents, personChecks } from './tables.ts';
import { todayInLondon } from '../../platform/dates/index.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
});
afterAll(async () => {
  await database.close();
});

describe("a household's people and history, read in one query", () => {
  it('are the rows, in the order and with the values, that reading each table gives', async () => {
    const db = database.db;
    const household = await makeHousehold(db, { status: 'approved', statusSince: '2025-09-10' });
    const first = await makeCarer(db, household.id, { firstName: 'Imogen', lastName: 'Achterberg' });
    await makeCarer(db, household.id, { firstName: 'Tomasz', lastName: 'Achterberg', dateOfBirth: '1978-11-30' });
    const member = await makeMember(db, household.id, { firstName: 'Nell', relationship: 'birth_child' });
    await makeCheck(db, household.id, { carerId: first.id, expiresOn: '2027-03-01' });
    await makeCheck(db, household.id, { memberId: member.id, kind: 'medical', expiresOn: null });
    await makeCheck(db, household.id, {
      kind: 'health_and_safety',
      completedOn: '2025-01-31',
      expiresOn: '2026-01-31',
      satisfactory: false,
    });
    const worker = await userIdByUsername(db, 'ssw');
    const [{ workerName }] = (await db
      .select({ workerName: users.displayName })
      .from(users)
      .where(eq(users.id, worker))) as [{ workerName: string }];
    await db.insert(householdStatusEvents).values([
      { householdId: household.id, toStatus: 'enquiry', onDate: '2025-02-03' },
      {
        householdId: household.id,
        fromStatus: 'approved',
        toStatus: 'on_hold',
        onDate: '2026-03-01',
        reason: 'A family illness',
        byUserId: worker,
      },
    ]);

    // Two changes the carers told us about: one dealt with by the worker (late in a London evening in
    // summer, the next day in UTC), one still to deal with.
    const carer = await userIdByUsername(db, 'carer');
    await db.insert(householdChangeNotices).values([
      {
        householdId: household.id,
        kind: 'leaving',
        personName: 'Nell Testfamily',
        onDate: '2026-07-01',
        toldBy: carer,
        toldAt: new Date('2026-06-20T09:00:00Z'),
        dealtWithAt: new Date('2026-06-22T23:30:00Z'),
        dealtWithBy: worker,
      },
      {
        householdId: household.id,
        kind: 'other',
        details: 'A new job with night shifts',
        toldBy: carer,
        toldAt: new Date('2026-08-03T10:00:00Z'),
      },
    ]);

    // Imogen's account for the carer portal, and an account not linked to anyone.
    const [demoCarer] = await db.select().from(users).where(eq(users.id, carer));
    await db.insert(users).values([
      {
        username: 'imogen.portal',
        displayName: 'Imogen Achterberg',
        email: 'imogen@example.com',
        role: 'foster_carer',
        passwordHash: demoCarer!.passwordHash,
        householdId: household.id,
        carerId: first.id,
      },
      { username: 'unlinked.portal', displayName: 'Not Linked', role: 'foster_carer', passwordHash: 'x' },
    ]);

    const people = await householdPeople(db, household.id);

    // Each table read on its own, as the page read them before (carers and members in the order recorded).
    const inOrderRecorded = <T extends typeof carers | typeof householdMembers>(table: T) =>
      db
        .select()
        .from(table as typeof carers)
        .where(eq(table.householdId, household.id))
        .orderBy(asc(table.createdAt), asc(table.id));
    const byTable = {
      carers: await inOrderRecorded(carers),
      members: await inOrderRecorded(householdMembers),
      checks: await db
        .select()
        .from(personChecks)
        .where(eq(personChecks.householdId, household.id))
        .orderBy(asc(personChecks.expiresOn), asc(personChecks.completedOn)),
      events: await db
        .select({ event: householdStatusEvents, byName: users.displayName })
        .from(householdStatusEvents)
        .leftJoin(users, eq(users.id, householdStatusEvents.byUserId))
        .where(eq(householdStatusEvents.householdId, household.id))
        .orderBy(desc(householdStatusEvents.onDate), desc(householdStatusEvents.createdAt)),
      notices: (
        await db
          .select({ notice: householdChangeNotices, dealtWithBy: users.displayName })
          .from(householdChangeNotices)
          .leftJoin(users, eq(users.id, householdChangeNotices.dealtWithBy))
          .where(eq(householdChangeNotices.householdId, household.id))
          .orderBy(desc(householdChangeNotices.toldAt))
      ).map(({ notice, dealtWithBy }) => ({
        id: notice.id,
        kind: notice.kind,
        personName: notice.personName,
        onDate: notice.onDate,
        details: notice.details,
        toldOn: todayInLondon(notice.toldAt),
        dealtWithOn: notice.dealtWithAt ? todayInLondon(notice.dealtWithAt) : null,
        dealtWithBy,
      })),
      accounts: (
        await db
          .select()
          .from(users)
          .where(and(eq(users.householdId, household.id), isNotNull(users.carerId)))
          .orderBy(asc(users.displayName))
      ).map((u) => ({
        userId: u.id,
        carerId: u.carerId,
        displayName: u.displayName,
        email: u.email,
        active: u.active,
      })),
    };
    expect(people).toEqual(byTable);
    // What the page reads of them: names, days as text, times as dates, the worker by name.
    expect(people.carers.map((c) => `${c.firstName} ${c.dateOfBirth}`)).toEqual([
      'Imogen 1980-05-17',
      'Tomasz 1978-11-30',
    ]);
    expect(people.carers[0]!.createdAt).toBeInstanceOf(Date);
    expect(people.checks.map((c) => c.kind)).toEqual(['health_and_safety', 'dbs', 'medical']);
    expect(people.events.map((e) => `${e.event.toStatus} ${e.event.onDate} ${e.byName ?? '-'}`)).toEqual([
      `on_hold 2026-03-01 ${workerName}`,
      'approved 2025-09-10 -',
      'enquiry 2025-02-03 -',
    ]);
    expect(people.events[0]!.event.reason).toBe('A family illness');
    // Newest first, days in London.
    expect(people.notices.map((n) => `${n.kind} ${n.toldOn} ${n.dealtWithOn ?? '-'} ${n.dealtWithBy ?? '-'}`)).toEqual([
      'other 2026-08-03 - -',
      `leaving 2026-06-20 2026-06-23 ${workerName}`,
    ]);
    expect(people.accounts.map((a) => `${a.displayName} ${a.carerId === first.id} ${a.active}`)).toEqual([
      'Imogen Achterberg true true',
    ]);
  });

  it('are empty lists for a household with none', async () => {
    const household = await makeHousehold(database.db);
    const people = await householdPeople(database.db, household.id);
    expect(people.members).toEqual([]);
    expect(people.checks).toEqual([]);
    expect(people.notices).toEqual([]);
    expect(people.accounts).toEqual([]);
  });
});
