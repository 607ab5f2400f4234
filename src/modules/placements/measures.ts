import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { teams } from '../../platform/auth/tables.ts';
import {
  deadlinesAfter,
  registerMeasure,
  startsWithDeadlineBetween,
  type Measure,
  type MeasureRow,
  type Period,
} from '../../platform/measures/index.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';
import { delegatedAuthorities, placements } from './tables.ts';
import { registerInHouseMeasure } from './in-house-measure.ts';

interface PlacementRow {
  id: string;
  child_id: string;
  child_name: string;
  child_reference: string;
  household_name: string;
  household_reference: string;
  team_id: string;
  area_id: string;
  restricted: boolean;
  start_date: string;
  end_date: string | null;
  ending: string | null;
  child_saw_profile: boolean | null;
  signed_on: string | null;
  copy_given_on: string | null;
}

/** Placements with their child, household, team and area, and delegated authority dates: ONE query. */
async function placementRows(db: DbOrTx, where: SQL): Promise<PlacementRow[]> {
  return queryRows<PlacementRow>(
    db,
    sql`select ${placements.id} as id, ${placements.childId} as child_id,
          ${children.firstName} || ' ' || ${children.lastName} as child_name, ${children.reference} as child_reference,
          ${households.name} as household_name, ${households.reference} as household_reference,
          ${households.teamId} as team_id, ${teams.areaId} as area_id, ${households.restricted} as restricted,
          ${placements.startDate}::text as start_date, ${placements.endDate}::text as end_date,
          ${placements.ending} as ending, ${placements.childSawProfile} as child_saw_profile,
          ${delegatedAuthorities.signedOn}::text as signed_on,
          ${delegatedAuthorities.copyGivenToCarerOn}::text as copy_given_on
        from ${placements}
        join ${children} on ${children.id} = ${placements.childId}
        join ${households} on ${households.id} = ${placements.householdId}
        join ${teams} on ${teams.id} = ${households.teamId}
        left join ${delegatedAuthorities} on ${delegatedAuthorities.placementId} = ${placements.id}
        where ${where}
        order by ${placements.startDate}, ${children.reference}`,
  );
}

function toRow(p: PlacementRow, met: boolean, detail: string): MeasureRow {
  return {
    recordType: 'placement',
    recordId: p.id,
    label: `${p.child_name} (${p.child_reference}) with ${p.household_name} (${p.household_reference})`,
    href: `/children/${p.child_id}`,
    teamId: p.team_id,
    areaId: p.area_id,
    met,
    detail,
    restricted: p.restricted,
  };
}

export const delegatedAuthorityGiven: Measure = {
  id: 'placements.delegated-authority',
  title: 'Delegated authority signed and given to the carer within 5 working days',
  definition:
    'Of the placements whose 5-working-day deadline fell in the month (up to today, for the current month), the ' +
    'percentage whose delegated authority form was signed and a copy given to the carer on or before the deadline. ' +
    'The deadline is the 5th working day after the placement started (weekends and England and Wales bank ' +
    'holidays excluded), so each placement is counted once, in the month its deadline falls, whatever month it ' +
    'started in. Placements that have ended since are still counted.',
  standard: 'NMS 11 (preparation for placement)',
  planTarget: 'Target 8, action 8.3: delegated authority recorded for every child, a signed copy given to the carer',
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Signed and given on time',
  missedLabel: 'Not signed or not given on time',
  order: 40,
  async rows(db, period: Period) {
    const starts = startsWithDeadlineBetween(period.from, period.asAt, 5);
    if (!starts) return [];
    const found = await placementRows(db, sql`${placements.startDate} between ${starts.first} and ${starts.last}`);
    const deadlineOf = deadlinesAfter(5);
    return found.map((p) => {
      const deadline = deadlineOf(p.start_date);
      const signed = p.signed_on !== null && p.signed_on <= deadline;
      const given = p.copy_given_on !== null && p.copy_given_on <= deadline;
      const detail = `Started ${p.start_date}, due by ${deadline}; ${
        p.signed_on ? `signed ${p.signed_on}` : 'not signed'
      }, ${p.copy_given_on ? `copy given ${p.copy_given_on}` : 'no copy given'}`;
      return toRow(p, signed && given, detail);
    });
  },
};

export const profileSeen: Measure = {
  id: 'placements.profile-seen',
  title: "Children who saw the carer's profile before arriving",
  definition:
    'Of the placements that started in the month (up to today, for the current month), the percentage where it is ' +
    "recorded that the child saw the carer's profile before arriving. A placement where this is not recorded is " +
    'counted as not seen. Emergency placements are included.',
  standard: 'NMS 11.3 (information about the foster carer before arrival)',
  planTarget: "Target 8, action 8.1: children given the carer's profile before the placement starts",
  unit: 'percentage',
  target: 90,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Saw the profile',
  missedLabel: 'Did not see it, or not recorded',
  order: 50,
  async rows(db, period: Period) {
    const found = await placementRows(db, sql`${placements.startDate} between ${period.from} and ${period.asAt}`);
    return found.map((p) =>
      toRow(
        p,
        p.child_saw_profile === true,
        `Started ${p.start_date}; ${
          p.child_saw_profile === null ? 'not recorded' : p.child_saw_profile ? 'saw the profile' : 'did not see it'
        }`,
      ),
    );
  },
};

export const unplannedEndings: Measure = {
  id: 'placements.unplanned-endings',
  title: 'Unplanned placement endings',
  definition:
    'Of the placements that ended in the month (up to today, for the current month), the percentage whose ending ' +
    'was recorded as unplanned. An ending not recorded as planned or unplanned is counted in the total but not as ' +
    'unplanned. Lower is better.',
  standard: 'NMS 11 (preparation for placement) and careful matching',
  planTarget: 'Target 8: children carefully matched, so fewer placements end unplanned',
  unit: 'percentage',
  target: 10,
  direction: 'lower',
  amberMargin: 5,
  metLabel: 'Unplanned ending',
  missedLabel: 'Planned ending (or not recorded)',
  order: 70,
  async rows(db, period: Period) {
    const found = await placementRows(db, sql`${placements.endDate} between ${period.from} and ${period.asAt}`);
    return found.map((p) =>
      toRow(
        p,
        p.ending === 'unplanned',
        `Ended ${p.end_date}; ${p.ending ? `${p.ending} ending` : 'ending not recorded'}`,
      ),
    );
  },
};

/** The placements module's measures, with the in-house placement rate (in-house-measure.ts). */
export function registerPlacementMeasures(): void {
  registerMeasure(delegatedAuthorityGiven);
  registerMeasure(profileSeen);
  registerMeasure(unplannedEndings);
  registerInHouseMeasure();
}
