import { aliasedTable, and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { changeNoticesJson, type ChangeNotice } from './change-notices.ts';
import { portalAccountsJson, type PortalAccount } from './portal-accounts.ts';
import { fromJsonRows, jsonRows } from '../../platform/db/json-rows.ts';
import { queryRows, likePattern } from '../../platform/db/sql.ts';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { areas, teams, users } from '../../platform/auth/tables.ts';
import { todayInLondon } from '../../platform/dates/index.ts';
import { householdScope } from '../../platform/access/scope.ts';
import { householdVisibleTo, vacanciesSql } from './scope.ts';
import {
  carers,
  householdMembers,
  householdPhotos,
  householdRestrictedAccess,
  householdStatusEvents,
  households,
  personChecks,
} from './tables.ts';
import type { HouseholdListQuery } from './forms.ts';

export const HOUSEHOLDS_PAGE_SIZE = 25;

const ssw = aliasedTable(users, 'ssw');

/**
 * The people and history on a household's page, the changes the carers told us about and the
 * carers' portal accounts, in one query (each list a JSON array): one round trip rather than six.
 */
export async function householdPeople(db: DbOrTx, householdId: string) {
  const [row] = await queryRows<{
    carers: unknown;
    members: unknown;
    checks: unknown;
    events: EventJson[];
    notices: ChangeNotice[];
    accounts: PortalAccount[];
  }>(
    db,
    sql`select
      ${jsonRows(carers, eq(carers.householdId, householdId), sql`${carers.createdAt}, ${carers.id}`)} as carers,
      ${jsonRows(
        householdMembers,
        eq(householdMembers.householdId, householdId),
        sql`${householdMembers.createdAt}, ${householdMembers.id}`,
      )} as members,
      ${jsonRows(
        personChecks,
        eq(personChecks.householdId, householdId),
        sql`${personChecks.expiresOn}, ${personChecks.completedOn}`,
      )} as checks,
      (select coalesce(json_agg(json_build_object('event', e, 'byName', u.display_name)
          order by e.on_date desc, e.created_at desc), '[]')
        from household_status_events e left join users u on u.id = e.by_user_id
        where e.household_id = ${householdId}) as events,
      ${changeNoticesJson(householdId)} as notices,
      ${portalAccountsJson(householdId)} as accounts`,
  );
  return {
    carers: fromJsonRows(carers, row!.carers),
    members: fromJsonRows(householdMembers, row!.members),
    checks: fromJsonRows(personChecks, row!.checks),
    notices: row!.notices,
    accounts: row!.accounts,
    events: row!.events.map(({ event, byName }) => ({
      event: fromJsonRows(householdStatusEvents, [event])[0]!,
      byName,
    })),
  };
}

interface EventJson {
  event: unknown;
  byName: string | null;
}

export async function findCarer(db: DbOrTx, householdId: string, carerId: string) {
  const [row] = await db
    .select()
    .from(carers)
    .where(and(eq(carers.id, carerId), eq(carers.householdId, householdId)));
  return row ?? null;
}

export async function findMember(db: DbOrTx, householdId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(householdMembers)
    .where(and(eq(householdMembers.id, memberId), eq(householdMembers.householdId, householdId)));
  return row ?? null;
}

export async function findCheck(db: DbOrTx, householdId: string, checkId: string) {
  const [row] = await db
    .select()
    .from(personChecks)
    .where(and(eq(personChecks.id, checkId), eq(personChecks.householdId, householdId)));
  return row ?? null;
}

function listConditions(viewer: SignedInUser, query: HouseholdListQuery): SQL {
  const conditions: SQL[] = [householdVisibleTo(viewer)];
  if (query.q) {
    const pattern = likePattern(query.q);
    const compact = likePattern(query.q.replace(/\s+/g, ''));
    conditions.push(
      or(
        ilike(households.name, pattern),
        ilike(households.reference, pattern),
        sql`replace(${households.postcode}, ' ', '') ilike ${compact}`,
      )!,
    );
  }
  if (query.status) conditions.push(eq(households.status, query.status));
  if (query.team) conditions.push(eq(households.teamId, query.team));
  if (query.type) conditions.push(eq(households.householdType, query.type));
  if (query.worker === 'none') conditions.push(isNull(households.allocatedSswId));
  else if (query.worker === 'me') conditions.push(eq(households.allocatedSswId, viewer.id));
  else if (query.worker) conditions.push(eq(households.allocatedSswId, query.worker));
  return and(...conditions)!;
}

/** One page of the households the viewer may see, filtered and sorted on the server. */
export async function listHouseholds(db: DbOrTx, viewer: SignedInUser, query: HouseholdListQuery) {
  const where = listConditions(viewer, query);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(where);
  const total = Number(count?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / HOUSEHOLDS_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const direction = query.dir === 'desc' ? desc : asc;
  const primary = {
    name: households.name,
    reference: households.reference,
    status_date: households.statusSince,
  }[query.sort];
  const today = todayInLondon();
  const rows = await db
    .select({
      id: households.id,
      reference: households.reference,
      name: households.name,
      postcode: households.postcode,
      status: households.status,
      statusSince: households.statusSince,
      householdType: households.householdType,
      restricted: households.restricted,
      teamName: teams.name,
      sswName: ssw.displayName,
      vacancies: vacanciesSql(today),
    })
    .from(households)
    .innerJoin(teams, eq(teams.id, households.teamId))
    .leftJoin(ssw, eq(ssw.id, households.allocatedSswId))
    .where(where)
    .orderBy(direction(primary), asc(households.reference))
    .limit(HOUSEHOLDS_PAGE_SIZE)
    .offset((page - 1) * HOUSEHOLDS_PAGE_SIZE);
  return { households: rows.map((r) => ({ ...r, vacancies: Number(r.vacancies) })), total, page };
}

export async function findTeam(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: teams.id, areaId: teams.areaId }).from(teams).where(eq(teams.id, id));
  return row ?? null;
}

/** The staff whose caseloads lie within the households the viewer may read: their teams, their area, or only themselves. */
function workersWithin(viewer: SignedInUser): SQL | undefined {
  const scope = householdScope(viewer);
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'area':
      return sql`${users.teamId} in (select ${teams.id} from ${teams} where ${teams.areaId} = ${scope.areaId})`;
    case 'team':
      return eq(users.teamId, scope.teamId);
    case 'allocated':
      return eq(users.id, scope.userId);
    default:
      return sql`false`;
  }
}

/** Social workers who can hold a caseload among the households the viewer may read, for the list filter. */
export async function workerOptions(db: DbOrTx, viewer: SignedInUser) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        inArray(users.role, ['supervising_social_worker', 'assessing_social_worker']),
        workersWithin(viewer),
      ),
    )
    .orderBy(asc(users.displayName));
}

/**
 * Who may be allocated to a household: active supervising social workers in the household's
 * area (its own team first), and for first-year lead, also the area's team managers.
 */
export async function allocationOptions(db: DbOrTx, household: { teamId: string; areaId: string }) {
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      teamId: users.teamId,
      teamName: teams.name,
    })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(
      and(
        eq(users.active, true),
        eq(teams.areaId, household.areaId),
        inArray(users.role, ['supervising_social_worker', 'team_manager']),
      ),
    )
    .orderBy(sql`${users.teamId} = ${household.teamId} desc`, asc(users.displayName));
  return {
    supervisingSocialWorkers: rows.filter((r) => r.role === 'supervising_social_worker'),
    leadWorkers: rows,
  };
}

/** Managers who may be named on a restricted household, and those named now. */
export async function restrictedAccessList(db: DbOrTx, householdId: string) {
  const named = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      teamName: teams.name,
      areaName: areas.name,
    })
    .from(householdRestrictedAccess)
    .innerJoin(users, eq(users.id, householdRestrictedAccess.userId))
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(areas, eq(areas.id, users.areaId))
    .where(eq(householdRestrictedAccess.householdId, householdId))
    .orderBy(asc(users.displayName));
  const managers = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      teamName: teams.name,
      areaName: areas.name,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(areas, eq(areas.id, users.areaId))
    .where(and(eq(users.active, true), inArray(users.role, ['team_manager', 'service_manager'])))
    .orderBy(asc(users.displayName));
  const namedIds = new Set(named.map((n) => n.id));
  return { named, available: managers.filter((m) => !namedIds.has(m.id)) };
}

export async function findUserForAllocation(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, active: users.active, teamId: users.teamId, areaId: teams.areaId })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.id, id));
  return row ?? null;
}

export async function findPhoto(db: DbOrTx, householdId: string) {
  const [row] = await db.select().from(householdPhotos).where(eq(householdPhotos.householdId, householdId));
  return row ?? null;
}
