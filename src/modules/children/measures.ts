import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { teams } from '../../platform/auth/tables.ts';
import { addDays, addYears } from '../../platform/dates/index.ts';
import {
  deadlinesAfter,
  registerMeasure,
  startsWithDeadlineBetween,
  type Measure,
  type MeasureRow,
  type Period,
} from '../../platform/measures/index.ts';
import { households } from '../households/tables.ts';
import { placements } from '../placements/tables.ts';
import { children, healthAssessments } from './tables.ts';

interface ChildRow {
  id: string;
  name: string;
  reference: string;
  looked_after_since: string;
  left_care_on: string | null;
  team_id: string | null;
  area_id: string;
  first_iha_on: string | null;
  placements_in_year: number;
}

const childColumns = sql`${children.id} as id, ${children.firstName} || ' ' || ${children.lastName} as name,
  ${children.reference} as reference, ${children.lookedAfterSince}::text as looked_after_since,
  ${children.leftCareOn}::text as left_care_on`;

/**
 * A few children (those selected by `where`) with the team and area they count under: the team of
 * the household of their latest placement that started by the as-at date (and that team's area),
 * or no team and the child's own area when they have not been placed with our carers; and the
 * date of their first initial health assessment. ONE query, looking up each child's placements.
 */
async function childrenWithAssessment(db: DbOrTx, asAt: string, where: SQL): Promise<ChildRow[]> {
  return queryRows<ChildRow>(
    db,
    sql`select ${childColumns},
          latest.team_id as team_id, coalesce(latest.area_id, ${children.areaId}) as area_id,
          (select min(${healthAssessments.completedOn})::text from ${healthAssessments}
            where ${healthAssessments.childId} = ${children.id} and ${healthAssessments.kind} = 'initial') as first_iha_on,
          0 as placements_in_year
        from ${children}
        left join lateral (
          select h.team_id as team_id, t.area_id as area_id from ${placements} p
          join ${households} h on h.id = p.household_id
          join ${teams} t on t.id = h.team_id
          where p.child_id = ${children.id} and p.start_date <= ${asAt}
          order by p.start_date desc limit 1
        ) latest on true
        where ${where}
        order by ${children.reference}`,
  );
}

/**
 * Many children (those selected by `where`, up to all looked-after children) with the team and
 * area they count under (as above) and the number of their placements open at any time in the 12
 * months up to the as-at date. ONE query, reading the placements once for every child together.
 */
async function childrenWithPlacements(db: DbOrTx, asAt: string, where: SQL): Promise<ChildRow[]> {
  const yearFrom = addDays(addYears(asAt, -1), 1);
  return queryRows<ChildRow>(
    db,
    sql`with placed as (
          select p.child_id, p.household_id,
            row_number() over (partition by p.child_id order by p.start_date desc) as latest,
            count(*) filter (where p.end_date is null or p.end_date >= ${yearFrom}) over (partition by p.child_id) as in_year
          from ${placements} p where p.start_date <= ${asAt}
        )
        select ${childColumns},
          h.team_id as team_id, coalesce(t.area_id, ${children.areaId}) as area_id,
          null as first_iha_on, coalesce(placed.in_year, 0)::int as placements_in_year
        from ${children}
        left join placed on placed.child_id = ${children.id} and placed.latest = 1
        left join ${households} h on h.id = placed.household_id
        left join ${teams} t on t.id = h.team_id
        where ${where}
        order by ${children.reference}`,
  );
}

function toRow(c: ChildRow, met: boolean, detail: string): MeasureRow {
  return {
    recordType: 'child',
    recordId: c.id,
    label: `${c.name} (${c.reference})`,
    href: `/children/${c.id}`,
    teamId: c.team_id,
    areaId: c.area_id,
    met,
    detail,
  };
}

export const initialHealthAssessments: Measure = {
  id: 'children.initial-health-assessment',
  title: 'Initial health assessments within 20 working days',
  definition:
    'Of the children whose 20-working-day deadline for an initial health assessment fell in the month (up to today, ' +
    'for the current month), the percentage with an initial health assessment completed on or before the deadline. ' +
    'The deadline is the 20th working day after the child became looked after (weekends and England and Wales bank ' +
    'holidays excluded), so each child is counted once, in the month the deadline falls. A child who left care on ' +
    'or before the deadline is not counted.',
  standard: 'NMS 6 (promoting good health and wellbeing)',
  planTarget: 'Target 8, action 8.4: children attend their initial health assessment within the statutory timescale',
  unit: 'percentage',
  target: 95,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Assessed in time',
  missedLabel: 'Not assessed in time',
  order: 60,
  async rows(db, period: Period) {
    const starts = startsWithDeadlineBetween(period.from, period.asAt, 20);
    if (!starts) return [];
    const found = await childrenWithAssessment(
      db,
      period.asAt,
      sql`${children.lookedAfterSince} between ${starts.first} and ${starts.last}`,
    );
    const deadlineOf = deadlinesAfter(20);
    return found.flatMap((c) => {
      const deadline = deadlineOf(c.looked_after_since);
      if (c.left_care_on !== null && c.left_care_on <= deadline) return [];
      const met = c.first_iha_on !== null && c.first_iha_on <= deadline;
      const detail = `Looked after from ${c.looked_after_since}, due by ${deadline}; ${
        c.first_iha_on ? `assessed ${c.first_iha_on}` : 'no initial health assessment recorded'
      }`;
      return [toRow(c, met, detail)];
    });
  },
};

export const threeOrMorePlacements: Measure = {
  id: 'children.three-or-more-placements',
  title: 'Children with 3 or more placements in 12 months',
  definition:
    'Of the children looked after at the end of the month (or today, for the current month), the percentage who ' +
    'had 3 or more placements with our foster carers in the 12 months up to that day: every placement open at any ' +
    'time in those 12 months counts, including one that started earlier and the one they are in now. Lower is better.',
  standard: 'NMS 11 (preparation for placement) and careful matching',
  planTarget: 'Target 8: children carefully matched, so they move less often',
  unit: 'percentage',
  target: 10,
  direction: 'lower',
  amberMargin: 2,
  metLabel: '3 or more placements',
  missedLabel: 'Fewer than 3 placements',
  order: 80,
  async rows(db, period: Period) {
    const found = await childrenWithPlacements(
      db,
      period.asAt,
      sql`${children.lookedAfterSince} <= ${period.asAt}
        and (${children.leftCareOn} is null or ${children.leftCareOn} > ${period.asAt})`,
    );
    return found.map((c) =>
      toRow(
        c,
        c.placements_in_year >= 3,
        `${c.placements_in_year} placement${c.placements_in_year === 1 ? '' : 's'} in 12 months`,
      ),
    );
  },
};

/** The children module's measures. */
export function registerChildMeasures(): void {
  registerMeasure(initialHealthAssessments);
  registerMeasure(threeOrMorePlacements);
}
