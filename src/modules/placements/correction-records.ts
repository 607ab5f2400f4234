/**
 * What correcting or removing a placement must not break, read in the correcting transaction: the
 * child's other placements (with the service's carers or an agency) whose dates a changed one
 * would overlap, the records kept during a placement by other modules (visits by the child's
 * social worker, times the child went missing, allegations that suspended or ended it, disability
 * enhancements), and how full the household was while it ran. Read from those modules' tables
 * only; each change stays their own.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { formatDate } from '../../platform/views/format.ts';

/** Another placement of the child: with a household of the service's (`agency` false) or with an agency. */
export interface OtherPlacement {
  id: string;
  agency: boolean;
  placedWith: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/**
 * The child's other placements (not `exceptId`) running at some time in [from, to): `to` null runs
 * on with no end. A placement ends on the day the child leaves it, so one that ended on `from` or
 * starts on `to` (a move on that day) does not overlap.
 */
export async function placementsOverlapping(
  db: DbOrTx,
  childId: string,
  exceptId: string,
  from: IsoDate,
  to: IsoDate | null,
): Promise<OtherPlacement[]> {
  const beforeEnd = (t: string) => (to === null ? sql`true` : sql`${sql.raw(t)}.start_date < ${to}::date`);
  const afterStart = (t: string) => sql`(${sql.raw(t)}.end_date is null or ${sql.raw(t)}.end_date > ${from}::date)`;
  return queryRows<OtherPlacement>(
    db,
    sql`select p.id, false as agency, h.name as "placedWith", p.start_date::text as "startDate", p.end_date::text as "endDate"
        from placements p join households h on h.id = p.household_id
        where p.child_id = ${childId} and p.id <> ${exceptId} and ${beforeEnd('p')} and ${afterStart('p')}
      union all
      select a.id, true, a.agency_name, a.start_date::text, a.end_date::text from agency_placements a
        where a.child_id = ${childId} and a.id <> ${exceptId} and ${beforeEnd('a')} and ${afterStart('a')}
      order by 4, 3`,
  );
}

/**
 * The child's placements after one that started on `from`, other than `exceptId`: those that started
 * later, or the same day and did not end that day (a placement of one day that ended on `from` is
 * the one the child moved on from, the earlier one).
 */
export async function placementsStartingFrom(
  db: DbOrTx,
  childId: string,
  exceptId: string,
  from: IsoDate,
): Promise<OtherPlacement[]> {
  const after = (t: SQL) =>
    sql`(${t}.start_date > ${from}::date or (${t}.start_date = ${from}::date and coalesce(${t}.end_date > ${from}::date, true)))`;
  return queryRows<OtherPlacement>(
    db,
    sql`select p.id, false as agency, h.name as "placedWith", p.start_date::text as "startDate", p.end_date::text as "endDate"
        from placements p join households h on h.id = p.household_id
        where p.child_id = ${childId} and p.id <> ${exceptId} and ${after(sql.raw('p'))}
      union all
      select a.id, true, a.agency_name, a.start_date::text, a.end_date::text from agency_placements a
        where a.child_id = ${childId} and a.id <> ${exceptId} and ${after(sql.raw('a'))}
      order by 4, 3`,
  );
}

/** The child's placement that ended on the day this one started (the one a move left), if any. */
export async function placementLeftOn(
  db: DbOrTx,
  childId: string,
  exceptId: string,
  day: IsoDate,
): Promise<OtherPlacement | null> {
  const [row] = await queryRows<OtherPlacement>(
    db,
    sql`select p.id, false as agency, h.name as "placedWith", p.start_date::text as "startDate", p.end_date::text as "endDate"
        from placements p join households h on h.id = p.household_id
        where p.child_id = ${childId} and p.id <> ${exceptId} and p.end_date = ${day}::date
      union all
      select a.id, true, a.agency_name, a.start_date::text, a.end_date::text from agency_placements a
        where a.child_id = ${childId} and a.end_date = ${day}::date
      limit 1`,
  );
  return row ?? null;
}

/** The placement in words: "the placement with Oak household (from 3 November 2026 to 6 December 2026)". */
export function placementInWords(p: OtherPlacement): string {
  const dates = p.endDate
    ? `from ${formatDate(p.startDate)} to ${formatDate(p.endDate)}`
    : `since ${formatDate(p.startDate)}`;
  return `the placement with ${p.placedWith}${p.agency ? ' (an agency)' : ''} ${dates}`;
}

/** A record another module keeps during a placement, by its date. */
export interface RecordDuring {
  kind: 'visit' | 'missing' | 'concern' | 'enhancement';
  on: IsoDate;
  /** For a concern: suspended or ended. */
  effect: string | null;
}

/** The records of other modules kept during a placement (in-house, or with an agency: only visits), oldest first. */
export async function recordsDuring(db: DbOrTx, placementId: string, agency = false): Promise<RecordDuring[]> {
  if (agency) {
    return queryRows<RecordDuring>(
      db,
      sql`select 'visit' as kind, visited_on::text as "on", null as effect from child_visits
        where agency_placement_id = ${placementId} order by 2`,
    );
  }
  return queryRows<RecordDuring>(
    db,
    sql`select 'visit' as kind, visited_on::text as "on", null::text as effect from child_visits where placement_id = ${placementId}
      union all select 'missing', missing_on::text, null from missing_episodes where placement_id = ${placementId}
      union all select 'concern', on_date::text, effect from concern_placements where placement_id = ${placementId}
      union all select 'enhancement', agreed_on::text, null from payment_enhancements where placement_id = ${placementId}
      order by 2, 1`,
  );
}

/** A record during a placement in words: "the visit on 3 November 2026". */
export function recordInWords(r: RecordDuring): string {
  const on = formatDate(r.on);
  switch (r.kind) {
    case 'visit':
      return `the visit on ${on}`;
    case 'missing':
      return `the record of going missing on ${on}`;
    case 'concern':
      return `the allegation or concern that ${r.effect === 'ended' ? 'ended' : 'suspended'} it on ${on}`;
    case 'enhancement':
      return `the disability enhancement agreed on ${on}`;
  }
}

/**
 * The most children (other than `exceptId`'s) placed with the household on any day in [from, to)
 * (`to` null: with no end): the count changes only on a day another placement starts, so those
 * days and `from` are the ones counted.
 */
export async function mostPlacedWith(
  db: DbOrTx,
  householdId: string,
  exceptId: string,
  from: IsoDate,
  to: IsoDate | null,
): Promise<{ count: number; on: IsoDate }> {
  const until = to === null ? sql`true` : sql`o.start_date < ${to}::date`;
  const [row] = await queryRows<{ count: number; on: IsoDate }>(
    db,
    sql`select d.day::text as "on", (select count(*)::int from placements p
          where p.household_id = ${householdId} and p.id <> ${exceptId}
            and p.start_date <= d.day and (p.end_date is null or p.end_date > d.day)) as count
      from (select ${from}::date as day union
        select o.start_date from placements o
          where o.household_id = ${householdId} and o.id <> ${exceptId} and o.start_date > ${from}::date and ${until}) d
      order by 2 desc, 1 limit 1`,
  );
  return row ?? { count: 0, on: from };
}

/**
 * Why an ended placement (in-house or with an agency) cannot be made current again because of the
 * child's other placements: one running now, or a later one (only the latest can be reopened).
 */
export async function otherPlacementRefusal(
  db: DbOrTx,
  p: { id: string; childId: string; name: string; startDate: IsoDate; endDate: IsoDate },
): Promise<string | null> {
  const later = await placementsStartingFrom(db, p.childId, p.id, p.startDate);
  const elsewhere = await placementsOverlapping(db, p.childId, p.id, p.endDate, null);
  const open = [...later, ...elsewhere].find((o) => o.endDate === null);
  if (open) {
    return `${p.name} is placed with ${open.placedWith} now, since ${formatDate(open.startDate)}: a child lives in one placement at a time. If that placement was recorded in error, remove it first`;
  }
  const next = later[0] ?? elsewhere[0];
  return next
    ? `${p.name} had a later placement, ${placementInWords(next)}: only the child’s latest placement can be reopened`
    : null;
}

/** Why a child who left care cannot be placed again by undoing an ending (a Staying Put arrangement can). */
export async function leftCareRefusal(
  db: DbOrTx,
  childId: string,
  name: string,
  placementType: string,
): Promise<string | null> {
  if (placementType === 'staying_put') return null;
  const [row] = await queryRows<{ leftCareOn: IsoDate | null }>(
    db,
    sql`select left_care_on::text as "leftCareOn" from children where id = ${childId}`,
  );
  return row?.leftCareOn
    ? `${name} left care on ${formatDate(row.leftCareOn)}: change the record of leaving care first if it is wrong`
    : null;
}
