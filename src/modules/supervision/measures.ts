/**
 * The supervision measures on the scorecard (Target 7 of the business plan, NMS 21). Each is ONE
 * query returning every record counted for the month, flagged met or missed.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { teams } from '../../platform/auth/tables.ts';
import { addDays, addMonths, addYears } from '../../platform/dates/index.ts';
import {
  deadlinesAfter,
  registerMeasure,
  startsWithDeadlineBetween,
  type Measure,
  type MeasureRow,
  type Period,
} from '../../platform/measures/index.ts';
import { children } from '../children/tables.ts';
import { householdStatusEvents, households } from '../households/tables.ts';
import { placements } from '../placements/tables.ts';
import { supervisionAgreements, supervisionChildren, supervisions } from './tables.ts';

const STANDARD = 'NMS 21 (supervision and support of foster carers)';
const TARGET_7 = 'Target 7: foster carers receive the support and supervision they need (NMS 21)';

interface HouseholdRow {
  id: string;
  reference: string;
  name: string;
  team_id: string;
  area_id: string;
  restricted: boolean;
  met: boolean;
  fact: string | null;
}

/** The household's status as at a date: its last status event on or before it. */
function approvedAsAt(asAt: string): SQL {
  return sql`coalesce(
    (select e.to_status from ${householdStatusEvents} e
      where e.household_id = ${households.id} and e.on_date <= ${asAt}
      order by e.on_date desc, e.created_at desc limit 1),
    case when ${households.statusSince} <= ${asAt} then ${households.status} end) = 'approved'`;
}

/**
 * Households approved at the end of the period, with `last` (a date as text, or null) looked up
 * once per household by the `lookup` subquery (`select ... as last`, correlated on the household);
 * each met when `met` holds; `fact` is shown on the list. Both refer to the date as `found.last`.
 */
async function approvedHouseholds(db: DbOrTx, asAt: string, lookup: SQL, met: SQL, fact: SQL): Promise<MeasureRow[]> {
  const rows = await queryRows<HouseholdRow>(
    db,
    sql`select ${households.id} as id, ${households.reference} as reference, ${households.name} as name,
          ${households.teamId} as team_id, ${teams.areaId} as area_id, ${households.restricted} as restricted,
          coalesce(${met}, false) as met, ${fact} as fact
        from ${households} join ${teams} on ${teams.id} = ${households.teamId}
        left join lateral (${lookup}) found on true
        where ${approvedAsAt(asAt)}
        order by ${households.reference}`,
  );
  return rows.map((h) => ({
    recordType: 'household',
    recordId: h.id,
    label: `${h.name} (${h.reference})`,
    href: `/households/${h.id}/supervision`,
    teamId: h.team_id,
    areaId: h.area_id,
    met: h.met,
    detail: h.fact ?? undefined,
    restricted: h.restricted,
  }));
}

/** The latest finalised visit (matching `which`) on or before `asAt`, as text, as `last`. */
const lastVisit = (asAt: string, which: SQL = sql`true`) => sql`select max(s.visit_date)::text as last
  from ${supervisions} s
  where s.household_id = ${households.id} and s.status = 'final' and s.visit_date <= ${asAt} and ${which}`;

export const householdsSupervised: Measure = {
  id: 'supervision.households-supervised-6-weeks',
  title: 'Households supervised in the last 6 weeks',
  definition:
    'Of the households approved at the end of the month (or today, for the current month), the percentage with a ' +
    'finalised supervision visit in the 42 days up to and including that day. Drafts do not count until they are ' +
    'finalised. Every approved household is counted, whether or not a child is placed.',
  standard: STANDARD,
  planTarget: `${TARGET_7}; action 7.1: one supervision template, carers supervised every 4 to 6 weeks`,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Supervised in the last 6 weeks',
  missedLabel: 'Not supervised in the last 6 weeks',
  order: 80,
  async rows(db, period: Period) {
    return approvedHouseholds(
      db,
      period.asAt,
      lastVisit(period.asAt),
      sql`found.last >= ${addDays(period.asAt, -42)}`,
      sql`coalesce('Last supervision ' || found.last, 'No finalised supervision')`,
    );
  },
};

interface VisitRow {
  id: string;
  visit_date: string;
  notes_sent_on: string | null;
  household_name: string;
  household_reference: string;
  team_id: string;
  area_id: string;
  restricted: boolean;
}

export const notesWithinFiveDays: Measure = {
  id: 'supervision.notes-within-5-days',
  title: 'Supervision notes sent within 5 working days',
  definition:
    'Of the supervision visits whose 5-working-day deadline for sending the notes to the carers fell in the month ' +
    '(up to today, for the current month), the percentage whose notes were sent on or before the deadline. The ' +
    'deadline is the 5th working day after the visit (weekends and England and Wales bank holidays excluded), so ' +
    'each visit is counted once, in the month its deadline falls. Draft and finalised visits are both counted.',
  standard: STANDARD,
  planTarget: `${TARGET_7}; action 7.1: copies of supervision sent to foster carers within 5 working days`,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Notes sent on time',
  missedLabel: 'Notes not sent on time',
  order: 81,
  async rows(db, period: Period) {
    const visits = startsWithDeadlineBetween(period.from, period.asAt, 5);
    if (!visits) return [];
    const found = await queryRows<VisitRow>(
      db,
      sql`select ${supervisions.id} as id, ${supervisions.visitDate}::text as visit_date,
            ${supervisions.notesSentOn}::text as notes_sent_on,
            ${households.name} as household_name, ${households.reference} as household_reference,
            ${households.teamId} as team_id, ${teams.areaId} as area_id, ${households.restricted} as restricted
          from ${supervisions}
          join ${households} on ${households.id} = ${supervisions.householdId}
          join ${teams} on ${teams.id} = ${households.teamId}
          where ${supervisions.visitDate} between ${visits.first} and ${visits.last}
          order by ${supervisions.visitDate}, ${households.reference}`,
    );
    const deadlineOf = deadlinesAfter(5);
    return found.map((v) => {
      const deadline = deadlineOf(v.visit_date);
      return {
        recordType: 'supervision',
        recordId: v.id,
        label: `${v.household_name} (${v.household_reference}), visit on ${v.visit_date}`,
        href: `/supervision/${v.id}`,
        teamId: v.team_id,
        areaId: v.area_id,
        met: v.notes_sent_on !== null && v.notes_sent_on <= deadline,
        detail: `Due by ${deadline}; ${v.notes_sent_on ? `sent ${v.notes_sent_on}` : 'not sent'}`,
        restricted: v.restricted,
      };
    });
  },
};

export const signedAgreement: Measure = {
  id: 'supervision.signed-agreement',
  title: 'Households with a signed supervision agreement',
  definition:
    'Of the households approved at the end of the month (or today, for the current month), the percentage with a ' +
    'current supervision agreement: signed on or before that day and not past its review date (12 months after ' +
    'signing, renewed at the annual review).',
  standard: STANDARD,
  planTarget: `${TARGET_7}; action 7.1: carers will all have a supervision agreement`,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Current signed agreement',
  missedLabel: 'No agreement, or past its review date',
  order: 82,
  async rows(db, period: Period) {
    return approvedHouseholds(
      db,
      period.asAt,
      sql`select max(a.review_on)::text as last from ${supervisionAgreements} a
        where a.household_id = ${households.id} and a.signed_on <= ${period.asAt}`,
      sql`found.last >= ${period.asAt}`,
      sql`coalesce('Agreement review date ' || found.last, 'No signed agreement')`,
    );
  },
};

export const unannouncedVisit: Measure = {
  id: 'supervision.unannounced-12-months',
  title: 'Households with an unannounced visit in the last 12 months',
  definition:
    'Of the households approved at the end of the month (or today, for the current month), the percentage with a ' +
    'finalised unannounced supervision visit in the 12 months up to that day (on or after the same date a year ' +
    'earlier).',
  standard: 'NMS 21.8 (at least one unannounced visit a year)',
  planTarget: TARGET_7,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Unannounced visit in the last 12 months',
  missedLabel: 'No unannounced visit in the last 12 months',
  order: 83,
  async rows(db, period: Period) {
    return approvedHouseholds(
      db,
      period.asAt,
      lastVisit(period.asAt, sql`not s.announced`),
      sql`found.last >= ${addYears(period.asAt, -1)}`,
      sql`coalesce('Last unannounced visit ' || found.last, 'No unannounced visit')`,
    );
  },
};

interface ChildRow {
  child_id: string;
  child_name: string;
  child_reference: string;
  household_name: string;
  household_reference: string;
  team_id: string;
  area_id: string;
  restricted: boolean;
  last_seen: string | null;
}

export const childrenSeen: Measure = {
  id: 'supervision.children-seen-3-months',
  title: 'Placed children seen by the supervising social worker in the last 3 months',
  definition:
    'Of the children placed with a fostering household at the end of the month (or today, for the current month), ' +
    'the percentage recorded as seen (alone or not) at a finalised supervision visit to that household in the 3 ' +
    'months up to that day (on or after the same date 3 months earlier).',
  standard: 'NMS 21.8 (children in placement seen by the supervising social worker)',
  planTarget: 'Target 1, action 1.1: children in placement seen at least quarterly; ' + TARGET_7,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Seen in the last 3 months',
  missedLabel: 'Not seen in the last 3 months',
  order: 84,
  async rows(db, period: Period) {
    const asAt = period.asAt;
    const since = addMonths(asAt, -3);
    const seenAt = (between: SQL) => sql`from ${supervisions} s
      join ${supervisionChildren} sc on sc.supervision_id = s.id
      where s.status = 'final' and ${between} and sc.seen in ('seen', 'seen_alone')`;
    // The last time seen: among the last 3 months' visits (read once for every child), or, for a
    // child not seen in them, looked up among all their earlier visits to the household.
    const found = await queryRows<ChildRow>(
      db,
      sql`with recent as (
            select sc.child_id, s.household_id, max(s.visit_date) as last_seen
            ${seenAt(sql`s.visit_date between ${since} and ${asAt}`)}
            group by sc.child_id, s.household_id
          )
          select ${children.id} as child_id, ${children.firstName} || ' ' || ${children.lastName} as child_name,
            ${children.reference} as child_reference,
            ${households.name} as household_name, ${households.reference} as household_reference,
            ${households.teamId} as team_id, ${teams.areaId} as area_id, ${households.restricted} as restricted,
            coalesce(recent.last_seen,
              (select max(s.visit_date) ${seenAt(sql`s.visit_date <= ${asAt}`)}
                and s.household_id = ${households.id} and sc.child_id = ${children.id}))::text as last_seen
          from ${placements}
          join ${children} on ${children.id} = ${placements.childId}
          join ${households} on ${households.id} = ${placements.householdId}
          join ${teams} on ${teams.id} = ${households.teamId}
          left join recent on recent.child_id = ${children.id} and recent.household_id = ${households.id}
          where ${placements.startDate} <= ${asAt} and (${placements.endDate} is null or ${placements.endDate} >= ${asAt})
          order by ${children.reference}`,
    );
    return found.map((c) => ({
      recordType: 'child',
      recordId: c.child_id,
      label: `${c.child_name} (${c.child_reference}) with ${c.household_name} (${c.household_reference})`,
      href: `/children/${c.child_id}`,
      teamId: c.team_id,
      areaId: c.area_id,
      met: c.last_seen !== null && c.last_seen >= since,
      detail: c.last_seen ? `Last seen ${c.last_seen}` : 'Not seen at a supervision',
      restricted: c.restricted,
    }));
  },
};

/** The supervision module's measures. */
export function registerSupervisionMeasures(): void {
  registerMeasure(householdsSupervised);
  registerMeasure(notesWithinFiveDays);
  registerMeasure(signedAgreement);
  registerMeasure(unannouncedVisit);
  registerMeasure(childrenSeen);
}
