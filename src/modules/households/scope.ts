import { aliasedTable, and, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import {
  canAllocateHousehold,
  canChangeHousehold,
  householdScope,
  readsWholeHousehold,
} from '../../platform/access/scope.ts';
import { areas, teams, users } from '../../platform/auth/tables.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { todayInLondon, type IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { referenceIn } from '../../platform/views/references.ts';
import {
  forbidden,
  inTransaction,
  notFound,
  type Refusal,
  type Result,
  type Who,
} from '../../platform/views/results.ts';
import { children } from '../children/tables.ts';
import { placements } from '../placements/tables.ts';
import { approvalStandsIn } from './labels.ts';
import { carers, householdMembers, householdPhotos, householdRestrictedAccess, households } from './tables.ts';

/*
 * What other modules may use of households beside its tables: the conditions that say which
 * households a user may read, the household itself as a viewer may read it (the record every
 * page hanging off a household starts from), and the households approved on a day that the
 * measures of several modules count, the places free in each (its vacancies) that matching
 * looks for, and the people of a household whose checks a form may record.
 */

/**
 * The SQL condition on `households` for what a user may read: every household list, record,
 * search and export goes through this. Restricted households (a carer on the staff) are shown
 * only to the head of fostering and the managers named on them.
 */
export function householdVisibleTo(user: SignedInUser): SQL {
  const scope = householdScope(user);
  let condition: SQL;
  switch (scope.kind) {
    case 'all':
      condition = sql`true`;
      break;
    case 'area':
      condition = sql`${households.teamId} in (select ${teams.id} from ${teams} where ${teams.areaId} = ${scope.areaId})`;
      break;
    case 'team':
      condition = or(eq(households.teamId, scope.teamId), eq(households.allocatedSswId, user.id))!;
      break;
    case 'allocated':
      condition =
        user.role === 'childrens_social_worker'
          ? exists(
              sql`(select 1 from ${placements} join ${children} on ${children.id} = ${placements.childId}
                  where ${placements.householdId} = ${households.id}
                  and ${children.allocatedSocialWorkerId} = ${user.id})`,
            )
          : eq(households.allocatedSswId, scope.userId);
      break;
    case 'household':
      condition = eq(households.id, scope.householdId);
      break;
    case 'none':
      return sql`false`;
  }
  if (user.role === 'head_of_fostering' || scope.kind === 'household') return condition;
  return and(condition, restrictedReadableBy(user))!;
}

/** A restricted household is read only by the managers named on it (the head reads every one). */
function restrictedReadableBy(user: SignedInUser): SQL {
  // exists() does not parenthesise raw SQL: the brackets make it a subquery.
  const namedOnRestricted = exists(
    sql`(select 1 from ${householdRestrictedAccess}
        where ${householdRestrictedAccess.householdId} = ${households.id}
        and ${householdRestrictedAccess.userId} = ${user.id})`,
  );
  return or(eq(households.restricted, false), namedOnRestricted)!;
}

/**
 * The ids of the restricted households a user may not read, when they may read every other
 * household (householdScope 'all', other than the head of fostering); null for anyone else.
 * A handful of households, read from the index of restricted households.
 */
export function hiddenHouseholdIds(user: SignedInUser): SQL | null {
  if (householdScope(user).kind !== 'all' || user.role === 'head_of_fostering') return null;
  return sql`select ${households.id} from ${households} where ${households.restricted} and not (${restrictedReadableBy(user)})`;
}

/**
 * The ids of the households a user may read, as a subquery: the same households as
 * householdVisibleTo, written so a team's are read from the (team_id, id) index alone, without
 * visiting the table (a team at national scale holds about 7,700 households). For lists that
 * filter other tables by household (the deadlines in My work).
 */
export function visibleHouseholdIds(user: SignedInUser): SQL {
  const scope = householdScope(user);
  if (scope.kind !== 'team') return sql`select ${households.id} from ${households} where ${householdVisibleTo(user)}`;
  const readable = restrictedReadableBy(user);
  return sql`select ${households.id} from ${households} where ${households.teamId} = ${scope.teamId} and ${readable}
    union all
    select ${households.id} from ${households}
      where ${households.allocatedSswId} = ${user.id} and ${households.teamId} <> ${scope.teamId} and ${readable}`;
}

const ssw = aliasedTable(users, 'ssw');
const lead = aliasedTable(users, 'first_year_lead');

/** One household as its pages show it, with its team, area, workers and vacancies. */
function householdQuery(db: DbOrTx) {
  const today = todayInLondon();
  return db
    .select({
      household: households,
      teamName: teams.name,
      areaId: teams.areaId,
      areaName: areas.name,
      sswName: ssw.displayName,
      firstYearLeadName: lead.displayName,
      placed: currentPlacementCount(today),
      vacancies: vacanciesSql(today),
      hasPhoto: sql<boolean>`exists (select 1 from ${householdPhotos} where ${householdPhotos.householdId} = ${households.id})`,
    })
    .from(households)
    .innerJoin(teams, eq(teams.id, households.teamId))
    .innerJoin(areas, eq(areas.id, teams.areaId))
    .leftJoin(ssw, eq(ssw.id, households.allocatedSswId))
    .leftJoin(lead, eq(lead.id, households.firstYearLeadId));
}

export type HouseholdRecord = typeof households.$inferSelect & {
  teamName: string;
  areaId: string;
  areaName: string;
  sswName: string | null;
  firstYearLeadName: string | null;
  placed: number;
  vacancies: number;
  hasPhoto: boolean;
};

/** The household if the viewer may see it; null when it does not exist or is out of their scope. */
export async function findVisibleHousehold(
  db: DbOrTx,
  viewer: SignedInUser,
  id: string,
): Promise<HouseholdRecord | null> {
  const [row] = await householdQuery(db)
    .where(and(eq(households.id, id), householdVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const { household, ...rest } = row;
  return { ...household, ...rest, placed: Number(rest.placed), vacancies: Number(rest.vacancies) };
}

/**
 * The household by id, whoever is asking: only for a service that has already checked the acting
 * user's access to the record that changes it (an agency decision).
 */
export async function findHouseholdById(db: DbOrTx, id: string): Promise<HouseholdRecord | null> {
  const [row] = await householdQuery(db).where(eq(households.id, id)).limit(1);
  if (!row) return null;
  const { household, ...rest } = row;
  return { ...household, ...rest, placed: Number(rest.placed), vacancies: Number(rest.vacancies) };
}

/**
 * The household, if the viewer reads it in full with the records hanging off it (supervision,
 * placements): not a children's social worker who sees it only as their child's home.
 */
export async function findHouseholdReadInFull(
  db: DbOrTx,
  viewer: SignedInUser,
  id: string,
): Promise<HouseholdRecord | null> {
  return readsWholeHousehold(viewer) ? findVisibleHousehold(db, viewer, id) : null;
}

export type Need = 'change' | 'allocate' | 'restricted-access';

/**
 * A condition on `households`: the household has the reference typed (in any case, with or without
 * the hyphen and the leading zeros, as the search box reads it); false when what was typed is not a
 * household's reference.
 */
export function householdReferenceTyped(typed: string): SQL {
  const wanted = referenceIn(typed);
  return wanted?.kind === 'household' ? inArray(households.reference, wanted.references) : sql`false`;
}

/** Of these teams, those in which the user may record or move a household (those whose households they may change). */
export function teamsUserMayChange<T extends { id: string; areaId: string }>(user: SignedInUser, teams: T[]): T[] {
  return teams.filter((t) => canChangeHousehold(user, { teamId: t.id, areaId: t.areaId, allocatedSswId: null }));
}

/** What the viewer may do with a household they can see (for showing or hiding links). */
export function householdAbilities(user: SignedInUser, household: HouseholdRecord) {
  return {
    change: canChangeHousehold(user, household),
    allocate: canAllocateHousehold(user, household),
    restrictedAccess: user.role === 'head_of_fostering',
  };
}

/**
 * The household, if the user may see it (404 otherwise) and may do what they ask (403 otherwise).
 * Pass the transaction so the check and the change see the same row.
 */
export async function householdFor(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
  need: Need,
): Promise<{ ok: true; household: HouseholdRecord } | Refusal> {
  const household = await findVisibleHousehold(db, user, id);
  if (!household) return notFound;
  const abilities = householdAbilities(user, household);
  const allowed =
    need === 'change' ? abilities.change : need === 'allocate' ? abilities.allocate : abilities.restrictedAccess;
  return allowed ? { ok: true, household } : forbidden;
}

/** The household, locked for the change, if the user may change it; a refusal otherwise. */
export async function householdToChange(tx: DbOrTx, who: Who, householdId: string) {
  const found = await householdFor(tx, who.user, householdId, 'change');
  if (!found.ok) return found;
  await tx.execute(sql`select id from households where id = ${householdId} for update`);
  return found;
}

/**
 * A change to a record hanging off a household (its extra support, its ambassadors): refused
 * without the permission (`allowed`), else done in one transaction with the household locked, when
 * the user may change it (a refusal otherwise).
 */
export function changeOnHousehold<T extends object = { id: string }>(
  db: Db,
  who: Who,
  allowed: boolean,
  householdId: string,
  work: (tx: DbOrTx, household: HouseholdRecord) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!allowed) return Promise.resolve(forbidden);
  return inTransaction(db, async (tx) => {
    const found = await householdToChange(tx, who, householdId);
    return found.ok ? work(tx, found.household) : found;
  });
}

/**
 * A change to a record hanging off a household, found by `find` in the transaction (a 404 without
 * it): refused without the permission, else done with the record's household locked, when the user
 * may change it.
 */
export function changeOnHouseholdRecord<R extends { householdId: string }, T extends object = { id: string }>(
  db: Db,
  who: Who,
  allowed: boolean,
  find: (tx: DbOrTx) => Promise<R | undefined>,
  work: (tx: DbOrTx, household: HouseholdRecord, row: R) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!allowed) return Promise.resolve(forbidden);
  return inTransaction(db, async (tx) => {
    const row = await find(tx);
    if (!row) return notFound;
    const found = await householdToChange(tx, who, row.householdId);
    return found.ok ? work(tx, found.household, row) : found;
  });
}

/**
 * The households a measure counts on a day, as a from-clause for any module's measures: the households approved on the day (`h`, with its team `t`), found
 * by one indexed range lookup of the status periods (never a lookup per household).
 */
export function approvedHouseholdsOn(day: string): SQL {
  return sql`(select sp.household_id from household_status_periods sp
      where sp.status = 'approved' and sp.from_on <= ${day}::date and (sp.to_on is null or sp.to_on > ${day}::date)
    ) approved
    join households h on h.id = approved.household_id
    join teams t on t.id = h.team_id`;
}

/** SQL over a household `h`: its approval stands today (approved, on hold or inactive: approvalStandsIn). */
export const approvalStandsSql: SQL = sql`h.status in (${sql.join(
  approvalStandsIn.map((status) => sql`${status}`),
  sql`, `,
)})`;

/**
 * Vacancies are computed, never typed in: an approved household's approved places minus the
 * children placed with it today. A placement is current when it started on or before today and
 * has no end date or ends after today. Households in any other status have no vacancies.
 */

/** SQL: how many children are placed with `households` today (a correlated subquery). */
export function currentPlacementCount(today: IsoDate = todayInLondon()): SQL<number> {
  const subquery = sql`select count(*)::int from ${placements}
    where ${placements.householdId} = ${households.id}
    and ${placements.startDate} <= ${today}
    and (${placements.endDate} is null or ${placements.endDate} > ${today})`;
  // Nested on purpose: in a single-table select, Drizzle writes the columns at the top level of a
  // selected SQL without their table ("id"), which inside this subquery would mean placements.id.
  return sql<number>`(${subquery})`;
}

/** SQL: the household's vacancies today (0 unless approved, never below 0). */
export function vacanciesSql(today: IsoDate = todayInLondon()): SQL<number> {
  const expression = sql`case when ${households.status} = 'approved'
    then greatest(${households.approvedPlaces} - ${currentPlacementCount(today)}, 0) else 0 end`;
  return sql<number>`(${expression})`;
}

/*
 * Whose check a form records: the household's carers and members, named on the form as
 * "carer:<id>" or "member:<id>" (the household page's check form and the annual review's).
 */

export const CHECK_PERSON = /^(carer|member):[0-9a-f-]{36}$/i;

/**
 * Whose check a form's answer names ("carer:<id>" or "member:<id>"), as the check's carerId and
 * memberId: only a carer or member of this household, else null.
 */
export async function checkPersonIn(
  tx: DbOrTx,
  householdId: string,
  person: string,
): Promise<{ carerId: string | null; memberId: string | null } | null> {
  const [kind, id] = person.split(':');
  if (!isUuid(id)) return null;
  const table = kind === 'carer' ? carers : kind === 'member' ? householdMembers : null;
  if (!table) return null;
  const [found] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.householdId, householdId)));
  if (!found) return null;
  return kind === 'carer' ? { carerId: id, memberId: null } : { carerId: null, memberId: id };
}

/**
 * Carers and members of a household, as choices for "whose check is this": those living there
 * first, then former carers and members, so that a check of theirs can still be put right.
 */
export async function checkPeople(db: DbOrTx, householdId: string) {
  const [carerRows, memberRows] = await Promise.all([
    db
      .select({
        id: carers.id,
        firstName: carers.firstName,
        lastName: carers.lastName,
        former: sql<boolean>`${carers.leftOn} is not null`,
      })
      .from(carers)
      .where(eq(carers.householdId, householdId))
      .orderBy(carers.createdAt, carers.id),
    db
      .select({
        id: householdMembers.id,
        firstName: householdMembers.firstName,
        lastName: householdMembers.lastName,
        former: sql<boolean>`${householdMembers.leftOn} is not null`,
      })
      .from(householdMembers)
      .where(eq(householdMembers.householdId, householdId))
      .orderBy(householdMembers.createdAt, householdMembers.id),
  ]);
  const choices = [
    ...carerRows.map((c) => ({
      former: c.former,
      value: `carer:${c.id}`,
      text: `${c.firstName} ${c.lastName} (${c.former ? 'former carer' : 'carer'})`,
    })),
    ...memberRows.map((m) => ({
      former: m.former,
      value: `member:${m.id}`,
      text: `${m.firstName} ${m.lastName}${m.former ? ' (former member)' : ''}`,
    })),
  ];
  return [...choices.filter((c) => !c.former), ...choices.filter((c) => c.former)].map(({ value, text }) => ({
    value,
    text,
  }));
}
