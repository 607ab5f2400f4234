/**
 * Extra support's reads: a household's support (its hub family, or the households it supports as
 * one; its activity breaks; its requests for psychology support), the hub families of an area to
 * choose from, a request within the viewer's access, and the service's overview, paged in SQL.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { isUuid } from '../../platform/views/params.ts';
import { childInCarePlacement, placementRunningOn } from '../placements/scope.ts';
import { supportHouseholdVisibleTo } from './scope.ts';

const householdName = (alias: string) => sql.raw(`${alias}.name || ' (' || ${alias}.reference || ')'`);
const childName = (alias: string) =>
  sql.raw(`coalesce(${alias}.preferred_name, ${alias}.first_name) || ' ' || ${alias}.last_name`);

export interface HubPeriod {
  id: string;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

export interface HubLinkRow {
  id: string;
  hubFamilyId: string;
  /** The other household: the hub family (on a supported household's page) or the household supported. */
  householdId: string;
  householdName: string;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
}

export interface BreakRow {
  id: string;
  centre: string;
  kind: string;
  fromOn: IsoDate;
  toOn: IsoDate;
  children: number;
  note: string;
  recordedByName: string | null;
}

export interface PsychologyRow {
  id: string;
  householdId: string;
  householdName: string;
  childId: string | null;
  childName: string | null;
  requestedOn: IsoDate;
  urgency: string;
  reason: string;
  dueOn: IsoDate | null;
  firstSessionOn: IsoDate | null;
  endedOn: IsoDate | null;
  recordedByName: string | null;
}

/** The most of each kind of a household's records its page lists. */
export const HOUSEHOLD_SHOWN = 50;

const breakColumns = sql`b.id, b.centre, b.kind, b.from_on::text as "fromOn", b.to_on::text as "toOn", b.children, b.note,
  (select u.display_name from users u where u.id = b.recorded_by) as "recordedByName"`;

const requestColumns = sql`r.id, r.household_id as "householdId", ${householdName('h')} as "householdName",
  r.child_id as "childId", ${childName('c')} as "childName", r.requested_on::text as "requestedOn", r.urgency, r.reason,
  r.due_on::text as "dueOn", r.first_session_on::text as "firstSessionOn", r.ended_on::text as "endedOn",
  (select u.display_name from users u where u.id = r.recorded_by) as "recordedByName"`;

const requestFrom = sql`psychology_requests r join households h on h.id = r.household_id
  left join children c on c.id = r.child_id`;

/** A household's extra support, for its page. No access check: the caller scoped the household. */
export async function supportOfHousehold(db: DbOrTx, householdId: string) {
  const [hubPeriods, supported, links, breaks, requests, counts] = await Promise.all([
    queryRows<HubPeriod>(
      db,
      sql`select id, started_on::text as "startedOn", ended_on::text as "endedOn" from hub_families
        where household_id = ${householdId} order by started_on desc, id limit ${HOUSEHOLD_SHOWN}`,
    ),
    // The households it supports as a hub family: those supported now, then the latest ended.
    queryRows<HubLinkRow>(
      db,
      sql`select l.id, l.hub_family_id as "hubFamilyId", l.household_id as "householdId", ${householdName('s')} as "householdName",
          l.started_on::text as "startedOn", l.ended_on::text as "endedOn"
        from hub_links l join hub_families f on f.id = l.hub_family_id join households s on s.id = l.household_id
        where f.household_id = ${householdId}
        order by l.ended_on desc nulls first, l.started_on desc, l.id limit ${HOUSEHOLD_SHOWN}`,
    ),
    // The hub families that support it: now, then before.
    queryRows<HubLinkRow>(
      db,
      sql`select l.id, l.hub_family_id as "hubFamilyId", f.household_id as "householdId", ${householdName('hub')} as "householdName",
          l.started_on::text as "startedOn", l.ended_on::text as "endedOn"
        from hub_links l join hub_families f on f.id = l.hub_family_id join households hub on hub.id = f.household_id
        where l.household_id = ${householdId}
        order by l.ended_on desc nulls first, l.started_on desc, l.id limit ${HOUSEHOLD_SHOWN}`,
    ),
    queryRows<BreakRow>(
      db,
      sql`select ${breakColumns} from activity_breaks b where b.household_id = ${householdId}
        order by b.from_on desc, b.id limit ${HOUSEHOLD_SHOWN}`,
    ),
    queryRows<PsychologyRow>(
      db,
      sql`select ${requestColumns} from ${requestFrom} where r.household_id = ${householdId}
        order by r.requested_on desc, r.id limit ${HOUSEHOLD_SHOWN}`,
    ),
    queryRows<{ breaks: number; requests: number }>(
      db,
      sql`select (select count(*)::int from activity_breaks where household_id = ${householdId}) as breaks,
        (select count(*)::int from psychology_requests where household_id = ${householdId}) as requests`,
    ),
  ]);
  const hub = hubPeriods.find((p) => p.endedOn === null) ?? null;
  return {
    hub,
    hubPeriods,
    supported,
    links,
    link: links.find((l) => l.endedOn === null) ?? null,
    breaks,
    requests,
    totals: { breaks: Number(counts[0]?.breaks ?? 0), requests: Number(counts[0]?.requests ?? 0) },
  };
}
export type HouseholdSupport = Awaited<ReturnType<typeof supportOfHousehold>>;

export interface HubChoice {
  id: string;
  householdId: string;
  name: string;
  supporting: number;
}

/** The hub families of an area now, other than the household itself, by name, with how many households each supports. */
export async function hubFamiliesInArea(db: DbOrTx, areaId: string, exceptHouseholdId: string): Promise<HubChoice[]> {
  return queryRows<HubChoice>(
    db,
    sql`select f.id, f.household_id as "householdId", ${householdName('h')} as name,
        (select count(*)::int from hub_links l where l.hub_family_id = f.id and l.ended_on is null) as supporting
      from hub_families f join households h on h.id = f.household_id join teams t on t.id = h.team_id
      where f.ended_on is null and t.area_id = ${areaId} and f.household_id <> ${exceptHouseholdId}
      order by h.name, h.reference`,
  );
}

/** The children placed with the household today (not Staying Put), by name: whom a request may be for. */
export async function childrenPlaced(db: DbOrTx, householdId: string, today: IsoDate) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select c.id, ${childName('c')} as name from placements p join children c on c.id = p.child_id
      where p.household_id = ${householdId} and ${placementRunningOn('p', today)} and ${childInCarePlacement('p')}
      order by c.last_name, c.first_name, c.id`,
  );
}

/** A request for psychology support, if the user may read its household; null otherwise (out of scope looks missing). */
export async function findRequest(db: DbOrTx, user: SignedInUser, id: string): Promise<PsychologyRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<PsychologyRow>(
    db,
    sql`select ${requestColumns} from ${requestFrom}
      join households on households.id = h.id
      where r.id = ${id} and ${supportHouseholdVisibleTo(user)}`,
  );
  return row ?? null;
}

export const OVERVIEW_PAGE_SIZE = 50;

export interface HubOverviewRow {
  householdId: string;
  name: string;
  areaName: string;
  startedOn: IsoDate;
  supporting: number;
}

/**
 * The service's extra support as the user may read it: the hub families now (paged, by area and
 * name) with how many households each supports; the emergency requests still waiting for a first
 * session, soonest due first (50 at most); and the year's counts (from `yearFrom`).
 */
export async function supportOverview(db: DbOrTx, user: SignedInUser, yearFrom: IsoDate, page: number) {
  const visible: SQL = supportHouseholdVisibleTo(user);
  const hubsFrom = sql`hub_families f join households on households.id = f.household_id
    join teams t on t.id = households.team_id join areas a on a.id = t.area_id
    where f.ended_on is null and ${visible}`;
  const [hubs, hubCount, waiting, year] = await Promise.all([
    queryRows<HubOverviewRow>(
      db,
      sql`select f.household_id as "householdId", ${householdName('households')} as name, a.name as "areaName",
          f.started_on::text as "startedOn",
          (select count(*)::int from hub_links l where l.hub_family_id = f.id and l.ended_on is null) as supporting
        from ${hubsFrom}
        order by a.name, households.name, households.reference
        limit ${OVERVIEW_PAGE_SIZE} offset ${(page - 1) * OVERVIEW_PAGE_SIZE}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${hubsFrom}`),
    queryRows<PsychologyRow & { total: number }>(
      db,
      sql`select ${requestColumns}, count(*) over ()::int as total
        from ${requestFrom} join households on households.id = h.id
        where r.urgency = 'emergency' and r.first_session_on is null and r.ended_on is null and ${visible}
        order by r.due_on, r.id limit ${OVERVIEW_PAGE_SIZE}`,
    ),
    queryRows<{ breaks: number; breakHouseholds: number; linked: number; requests: number }>(
      db,
      sql`select
          (select count(*)::int from activity_breaks b join households on households.id = b.household_id
            where b.from_on >= ${yearFrom}::date and ${visible}) as breaks,
          (select count(distinct b.household_id)::int from activity_breaks b join households on households.id = b.household_id
            where b.from_on >= ${yearFrom}::date and ${visible}) as "breakHouseholds",
          (select count(*)::int from hub_links l join households on households.id = l.household_id
            where l.ended_on is null and ${visible}) as linked,
          (select count(*)::int from psychology_requests r join households on households.id = r.household_id
            where r.requested_on >= ${yearFrom}::date and ${visible}) as requests`,
    ),
  ]);
  return {
    hubs,
    hubTotal: Number(hubCount[0]?.n ?? 0),
    waiting,
    waitingTotal: Number(waiting[0]?.total ?? 0),
    year: year[0]!,
  };
}

/** An activity break, with its household, if the user may read the household; null otherwise. */
export async function findBreak(
  db: DbOrTx,
  user: SignedInUser,
  id: string,
): Promise<(BreakRow & { householdId: string }) | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryRows<BreakRow & { householdId: string }>(
    db,
    sql`select ${breakColumns}, b.household_id as "householdId"
      from activity_breaks b join households on households.id = b.household_id
      where b.id = ${id} and ${supportHouseholdVisibleTo(user)}`,
  );
  return row ?? null;
}
