/**
 * Test fixtures for households, carers, household members and checks. Made-up people only.
 * Each refreshes the household's kept deadlines, as the service does when it writes.
 *
 *   const h = await makeHousehold(db);                       // approved, East Kent Fostering Team 1, 2 places
 *   const h = await makeHousehold(db, { status: 'applicant', teamName: 'West Kent Fostering Team 1' });
 *   const c = await makeCarer(db, h.id, { isStaff: true });  // also marks the household restricted
 *   await makeCheck(db, h.id, { carerId: c.id, kind: 'dbs', expiresOn: '2027-01-01' });
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/platform/db/client.ts';
import { teams, users } from '../../src/platform/auth/tables.ts';
import { addDays, addYears, todayInLondon } from '../../src/platform/dates/index.ts';
import { saferCarePlans } from '../../src/modules/safer-care/tables.ts';
import {
  carers,
  householdMembers,
  householdStatusEvents,
  households,
  personChecks,
} from '../../src/modules/households/tables.ts';
import { refreshHouseholdFacts } from '../../src/modules/households/facts.ts';
import { nextHouseholdReference } from '../../src/modules/households/reference.ts';
import { refreshDueItems } from '../../src/platform/due/index.ts';

export type HouseholdRow = typeof households.$inferSelect;
export type CarerRow = typeof carers.$inferSelect;
export type MemberRow = typeof householdMembers.$inferSelect;
export type CheckRow = typeof personChecks.$inferSelect;

export type HouseholdOverrides = Partial<typeof households.$inferInsert> & {
  /** Team by name instead of id (default 'East Kent Fostering Team 1'). */
  teamName?: string;
  /** Allocated SSW by username instead of id (for example 'ssw'). */
  allocatedSswUsername?: string;
};

/** The id of a seeded team, by name. */
export async function teamIdByName(db: DbOrTx, name: string): Promise<string> {
  const [row] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, name));
  if (!row) throw new Error(`no team called ${name}`);
  return row.id;
}

/** The id of a seeded user, by username ('ssw', 'manager' ...). */
export async function userIdByUsername(db: DbOrTx, username: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user called ${username}`);
  return row.id;
}

let householdCount = 0;

/**
 * Inserts a household. Defaults: approved a year ago, mainstream, skill level 1, East Kent
 * Fostering Team 1, 2 places for ages 0-17, not allocated, not restricted. One status event
 * (the current status, dated statusSince) is written so the timeline is not empty.
 */
export async function makeHousehold(db: DbOrTx, overrides: HouseholdOverrides = {}): Promise<HouseholdRow> {
  const { teamName, allocatedSswUsername, ...values } = overrides;
  householdCount += 1;
  const today = todayInLondon();
  const status = values.status ?? 'approved';
  const statusSince = values.statusSince ?? addYears(today, -1);
  const teamId = values.teamId ?? (await teamIdByName(db, teamName ?? 'East Kent Fostering Team 1'));
  const allocatedSswId =
    values.allocatedSswId ?? (allocatedSswUsername ? await userIdByUsername(db, allocatedSswUsername) : null);
  const reference = values.reference ?? (await nextHouseholdReference(db));
  const [row] = await db
    .insert(households)
    .values({
      name: `Testfamily ${householdCount}`,
      addressLine1: `${householdCount} Orchard Lane`,
      town: 'Canterbury',
      postcode: 'CT1 1AA',
      householdType: 'mainstream',
      approvedPlaces: status === 'approved' ? 2 : 0,
      approvedOn: status === 'approved' ? statusSince : null,
      ...values,
      reference,
      teamId,
      status,
      statusSince,
      allocatedSswId,
    })
    .returning();
  await db.insert(householdStatusEvents).values({ householdId: row!.id, toStatus: status, onDate: statusSince });
  await refreshDueItems(db, 'household', [row!.id]);
  await refreshHouseholdFacts(db, row!.id); // as the service does, in step with the status events
  return row!;
}

/**
 * Puts an approved household on hold or makes it inactive from the day (its approval stands), as
 * the change-status page does: the status, its dated event, the kept facts and deadlines.
 */
export async function pauseHousehold(
  db: DbOrTx,
  household: HouseholdRow,
  status: 'on_hold' | 'inactive',
  onDate: string,
): Promise<void> {
  await db.update(households).set({ status, statusSince: onDate }).where(eq(households.id, household.id));
  await db
    .insert(householdStatusEvents)
    .values({ householdId: household.id, fromStatus: household.status, toStatus: status, onDate });
  await refreshDueItems(db, 'household', [household.id]);
  await refreshHouseholdFacts(db, household.id);
}

let personCount = 0;

/** Inserts a carer. Setting isStaff also marks the household restricted, as the service does. */
export async function makeCarer(
  db: DbOrTx,
  householdId: string,
  overrides: Partial<typeof carers.$inferInsert> = {},
): Promise<CarerRow> {
  personCount += 1;
  const [row] = await db
    .insert(carers)
    .values({
      firstName: `Carer${personCount}`,
      lastName: 'Testfamily',
      dateOfBirth: '1980-05-17',
      ...overrides,
      householdId,
    })
    .returning();
  if (row!.isStaff) {
    await db.update(households).set({ restricted: true }).where(eq(households.id, householdId));
  }
  await refreshDueItems(db, 'household', [householdId]);
  return row!;
}

/** Inserts a household member (default: a birth child aged 12). */
export async function makeMember(
  db: DbOrTx,
  householdId: string,
  overrides: Partial<typeof householdMembers.$inferInsert> = {},
): Promise<MemberRow> {
  personCount += 1;
  const [row] = await db
    .insert(householdMembers)
    .values({
      firstName: `Member${personCount}`,
      lastName: 'Testfamily',
      dateOfBirth: addYears(todayInLondon(), -12),
      relationship: 'birth_child',
      ...overrides,
      householdId,
    })
    .returning();
  await refreshDueItems(db, 'household', [householdId]);
  return row!;
}

/**
 * Inserts a check (default: DBS completed a year ago, expiring in two years). Pass carerId or
 * memberId for whose check it is.
 */
export async function makeCheck(
  db: DbOrTx,
  householdId: string,
  overrides: Partial<typeof personChecks.$inferInsert> = {},
): Promise<CheckRow> {
  const today = todayInLondon();
  const [row] = await db
    .insert(personChecks)
    .values({
      kind: 'dbs',
      completedOn: addYears(today, -1),
      expiresOn: addYears(today, 2),
      ...overrides,
      householdId,
    })
    .returning();
  await refreshDueItems(db, 'household', [householdId]);
  return row!;
}

/** Names a manager on a restricted household's access list. */
export async function nameOnRestrictedHousehold(db: DbOrTx, householdId: string, userId: string): Promise<void> {
  await db.execute(
    sql`insert into household_restricted_access (household_id, user_id) values (${householdId}, ${userId}) on conflict do nothing`,
  );
}

/**
 * A household's safer-care plan agreed `agreedDaysAgo` days ago (default 200), due for review a
 * year after; its deadlines refreshed as the service does.
 */
export async function makeSaferCarePlan(db: DbOrTx, householdId: string, agreedDaysAgo = 200): Promise<void> {
  const today = todayInLondon();
  await db.insert(saferCarePlans).values({
    householdId,
    agreedOn: addDays(today, -agreedDaysAgo),
    reviewBy: addDays(today, 365 - agreedDaysAgo),
    reason: 'yearly',
    covers: ['bedrooms'],
    summary: 'Each child has a bedroom of their own.',
  });
  await refreshDueItems(db, 'household', [householdId]);
}

/** The id of the household's latest status change (what the status history's undo and date links open). */
export async function latestStatusEventId(db: DbOrTx, householdId: string): Promise<string> {
  const [event] = await db
    .select({ id: householdStatusEvents.id })
    .from(householdStatusEvents)
    .where(eq(householdStatusEvents.householdId, householdId))
    .orderBy(desc(householdStatusEvents.onDate), desc(householdStatusEvents.createdAt))
    .limit(1);
  return event!.id;
}

/**
 * A foster carer's account for the carer portal, as an administrator makes one, with the demo's
 * password; linked to a household (and one of its carers) when given, as the manager links it.
 */
export async function makeCarerAccount(
  db: DbOrTx,
  displayName: string,
  username: string,
  link: { householdId?: string; carerId?: string } = {},
): Promise<string> {
  const [demo] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.username, 'carer'));
  const [row] = await db
    .insert(users)
    .values({
      username,
      displayName,
      email: `${username}@example.com`,
      role: 'foster_carer',
      passwordHash: demo!.hash,
      householdId: link.householdId ?? null,
      carerId: link.carerId ?? null,
    })
    .returning({ id: users.id });
  return row!.id;
}
