import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { teams } from '../../platform/auth/tables.ts';
import {
  financialMonthsElapsed,
  financialYearStart,
  registerMeasure,
  type Measure,
  type MeasureRow,
  type Period,
} from '../../platform/measures/index.ts';
import { householdStatusEvents, households } from './tables.ts';

interface HouseholdRow {
  id: string;
  reference: string;
  name: string;
  team_id: string;
  area_id: string;
  restricted: boolean;
  approved_on: string | null;
}

function toRow(h: HouseholdRow): MeasureRow {
  return {
    recordType: 'household',
    recordId: h.id,
    label: `${h.name} (${h.reference})`,
    href: `/households/${h.id}`,
    teamId: h.team_id,
    areaId: h.area_id,
    met: true,
    detail: h.approved_on ? `Approved ${h.approved_on}` : undefined,
    restricted: h.restricted,
  };
}

/** The household's status as at a date: its last status event on or before it (or its status, when it has no events). */
function statusAsAt(asAt: string) {
  return sql`coalesce(
    (select e.to_status from ${householdStatusEvents} e
      where e.household_id = ${households.id} and e.on_date <= ${asAt}
      order by e.on_date desc, e.created_at desc limit 1),
    case when ${households.statusSince} <= ${asAt} then ${households.status} end)`;
}

/** The households matching `where`, with their team and area, as the measure's records. */
async function householdRows(db: DbOrTx, where: SQL, orderBy: SQL = sql`${households.reference}`) {
  const found = await queryRows<HouseholdRow>(
    db,
    sql`select ${households.id} as id, ${households.reference} as reference, ${households.name} as name,
          ${households.teamId} as team_id, ${teams.areaId} as area_id, ${households.restricted} as restricted,
          ${households.approvedOn}::text as approved_on
        from ${households} join ${teams} on ${teams.id} = ${households.teamId}
        where ${where}
        order by ${orderBy}`,
  );
  return found.map(toRow);
}

export const approvedHouseholds: Measure = {
  id: 'households.approved',
  title: 'Approved fostering households',
  definition:
    'The number of fostering households whose status was "approved" at the end of the month (or today, for the ' +
    "current month), taken from each household's dated status history. Households on hold, in assessment, " +
    'inactive or deregistered are not counted. The service target is 900 approved households.',
  standard: 'NMS 13.1 (sufficient foster carers)',
  planTarget: 'Target 3, action 3.2: retain and achieve 900 registered fostering households',
  unit: 'count',
  target: 900,
  direction: 'higher',
  amberMargin: 45,
  metLabel: 'Approved',
  order: 10,
  async rows(db: DbOrTx, period: Period) {
    return householdRows(db, sql`${statusAsAt(period.asAt)} = 'approved'`);
  },
};

export const newApprovals: Measure = {
  id: 'households.new-approvals',
  title: 'New approvals this financial year',
  definition:
    'The number of households with an approval decision dated from 1 April of the financial year (April to March) ' +
    "up to the end of the month (the approval date on the household's record), whatever their status now. The target is 200 a year; each month is judged against the target pro rata " +
    '(200 × months of the year so far ÷ 12, rounded).',
  standard: 'NMS 13.1 (sufficient foster carers)',
  planTarget: 'Target 3, action 3.2: recruit 200 new fostering households in the year',
  unit: 'count',
  target: 200,
  targetFor: (period) => Math.round((200 * financialMonthsElapsed(period)) / 12),
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Approved this year',
  order: 20,
  async rows(db: DbOrTx, period: Period) {
    return householdRows(
      db,
      sql`${households.approvedOn} between ${financialYearStart(period.asAt)} and ${period.asAt}`,
      sql`${households.approvedOn}, ${households.reference}`,
    );
  },
};

/** Registers the households module's measures (called once when the scorecard starts). */
export function registerHouseholdMeasures(): void {
  registerMeasure(approvedHouseholds);
  registerMeasure(newApprovals);
}
