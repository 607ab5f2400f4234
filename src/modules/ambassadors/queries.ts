/**
 * Carer Ambassadors' reads: a household's carers and their time as ambassadors, its ambassadors'
 * activities, an ambassador or an activity within the viewer's access, and the service's list,
 * paged in SQL.
 */
import { sql } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { ambassadorHouseholdVisibleTo } from './scope.ts';

const householdName = (alias: string) => sql.raw(`${alias}.name || ' (' || ${alias}.reference || ')'`);
const carerName = (alias: string) => sql.raw(`${alias}.first_name || ' ' || ${alias}.last_name`);

export interface AmbassadorRow {
  id: string;
  carerId: string;
  carerName: string;
  householdId: string;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  activities: number;
}

export interface ActivityRow {
  id: string;
  ambassadorId: string;
  carerName: string;
  onDate: IsoDate;
  kind: string;
  note: string;
  recordedByName: string | null;
  /** Recorded by the carers themselves, on their portal. */
  byCarers: boolean;
}

export interface CarerChoice {
  id: string;
  name: string;
  joinedOn: IsoDate | null;
}

/** The most activities a household's page lists. */
export const HOUSEHOLD_SHOWN = 50;

const ambassadorColumns = sql`a.id, a.carer_id as "carerId", ${carerName('c')} as "carerName",
  a.household_id as "householdId", a.started_on::text as "startedOn", a.ended_on::text as "endedOn",
  (select count(*)::int from ambassador_activities x where x.ambassador_id = a.id) as activities`;

const activityColumns = sql`x.id, x.ambassador_id as "ambassadorId", ${carerName('c')} as "carerName",
  x.on_date::text as "onDate", x.kind, x.note,
  (select u.display_name from users u where u.id = x.recorded_by) as "recordedByName",
  coalesce((select u.role = 'foster_carer' from users u where u.id = x.recorded_by), false) as "byCarers"`;

/** A household's ambassadors (now first) and their latest activities. No access check: the caller scoped the household. */
export async function ambassadorsOfHousehold(db: DbOrTx, householdId: string) {
  const [ambassadors, activities, counted] = await Promise.all([
    queryRows<AmbassadorRow>(
      db,
      sql`select ${ambassadorColumns} from carer_ambassadors a join carers c on c.id = a.carer_id
        where a.household_id = ${householdId}
        order by a.ended_on desc nulls first, a.started_on desc, a.id limit ${HOUSEHOLD_SHOWN}`,
    ),
    queryRows<ActivityRow>(
      db,
      sql`select ${activityColumns} from ambassador_activities x
        join carer_ambassadors a on a.id = x.ambassador_id join carers c on c.id = a.carer_id
        where x.household_id = ${householdId}
        order by x.on_date desc, x.id limit ${HOUSEHOLD_SHOWN}`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ambassador_activities where household_id = ${householdId}`,
    ),
  ]);
  return { ambassadors, activities, activityTotal: Number(counted[0]?.n ?? 0) };
}
export type HouseholdAmbassadors = Awaited<ReturnType<typeof ambassadorsOfHousehold>>;

/**
 * The ambassadors a carer may record their work for in the portal: their household's ambassadors
 * now, living there, and only the carer's own when their account is linked to them.
 */
export async function ownAmbassadors(db: DbOrTx, householdId: string, userId: string): Promise<AmbassadorRow[]> {
  return queryRows<AmbassadorRow>(
    db,
    sql`select ${ambassadorColumns} from carer_ambassadors a join carers c on c.id = a.carer_id
      where a.household_id = ${householdId} and a.ended_on is null and c.left_on is null
        and a.carer_id = coalesce((select u.carer_id from users u where u.id = ${userId}), a.carer_id)
      order by c.last_name, c.first_name, a.id`,
  );
}

/** The carers living in the household now who are not ambassadors now: whom a manager may make one. */
export async function carersToAppoint(db: DbOrTx, householdId: string): Promise<CarerChoice[]> {
  return queryRows<CarerChoice>(
    db,
    sql`select c.id, ${carerName('c')} as name, c.joined_on::text as "joinedOn" from carers c
      where c.household_id = ${householdId} and c.left_on is null
        and not exists (select 1 from carer_ambassadors a where a.carer_id = c.id and a.ended_on is null)
      order by c.last_name, c.first_name, c.id`,
  );
}

/** An ambassador, if the user may read their household; null otherwise (out of scope looks missing). */
export async function findAmbassador(db: DbOrTx, user: SignedInUser, id: string): Promise<AmbassadorRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<AmbassadorRow>(
    db,
    sql`select ${ambassadorColumns} from carer_ambassadors a join carers c on c.id = a.carer_id
      join households on households.id = a.household_id
      where a.id = ${id} and ${ambassadorHouseholdVisibleTo(user)}`,
  );
  return row ?? null;
}

/** An activity, with its household, if the user may read the household; null otherwise. */
export async function findActivity(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
): Promise<(ActivityRow & { householdId: string }) | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<ActivityRow & { householdId: string }>(
    db,
    sql`select ${activityColumns}, x.household_id as "householdId" from ambassador_activities x
      join carer_ambassadors a on a.id = x.ambassador_id join carers c on c.id = a.carer_id
      join households on households.id = x.household_id
      where x.id = ${id} and ${ambassadorHouseholdVisibleTo(user)}`,
  );
  return row ?? null;
}

export const LIST_PAGE_SIZE = 50;

export interface ListRow {
  id: string;
  carerName: string;
  householdId: string;
  householdName: string;
  areaName: string;
  startedOn: IsoDate;
  activities: number;
}

/**
 * The ambassadors now as the user may read them (paged, by area and name), each with their
 * activities since `yearFrom`; how many there are in the service (the plan's target is the
 * service's) and the enquiries they brought; and the activities since `yearFrom` by kind.
 */
export async function ambassadorList(db: DbOrTx, user: SignedInUser, yearFrom: IsoDate, page: number) {
  const visible = ambassadorHouseholdVisibleTo(user);
  const nowFrom = sql`carer_ambassadors a join carers c on c.id = a.carer_id
    join households on households.id = a.household_id
    join teams t on t.id = households.team_id join areas ar on ar.id = t.area_id
    where a.ended_on is null and ${visible}`;
  const [rows, counts, kinds] = await Promise.all([
    queryRows<ListRow>(
      db,
      sql`select a.id, ${carerName('c')} as "carerName", a.household_id as "householdId",
          ${householdName('households')} as "householdName", ar.name as "areaName", a.started_on::text as "startedOn",
          (select count(*)::int from ambassador_activities x where x.ambassador_id = a.id and x.on_date >= ${yearFrom}::date) as activities
        from ${nowFrom}
        order by ar.name, c.last_name, c.first_name, a.id
        limit ${LIST_PAGE_SIZE} offset ${(page - 1) * LIST_PAGE_SIZE}`,
    ),
    queryRows<{ visible: number; service: number; enquiries: number }>(
      db,
      sql`select (select count(*)::int from ${nowFrom}) as visible,
        (select count(*)::int from carer_ambassadors where ended_on is null) as service,
        (select count(*)::int from recruitment_enquiries
          where source = 'carer_ambassador' and enquired_on >= ${yearFrom}::date) as enquiries`,
    ),
    queryRows<{ kind: string; n: number }>(
      db,
      sql`select x.kind, count(*)::int as n from ambassador_activities x
        join households on households.id = x.household_id
        where x.on_date >= ${yearFrom}::date and ${visible}
        group by x.kind`,
    ),
  ]);
  return {
    rows,
    visibleTotal: Number(counts[0]?.visible ?? 0),
    serviceTotal: Number(counts[0]?.service ?? 0),
    /** Enquiries across the service since `yearFrom` from people who heard of fostering from a Carer Ambassador. */
    enquiries: Number(counts[0]?.enquiries ?? 0),
    kinds,
  };
}
