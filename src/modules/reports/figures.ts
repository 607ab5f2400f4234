import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import {
  allMeasures,
  currentMonth,
  figuresByMonth,
  formatValue,
  periodOf,
  ragOf,
  ragText,
  targetOf,
  targetText,
  type Measure,
  type Rag,
} from '../../platform/measures/index.ts';
import { childInCarePlacement, placementRunningOn } from '../placements/scope.ts';

/** One line of "the service in numbers". */
export interface NumberLine {
  key: string;
  label: string;
  value: number;
}

const NUMBER_LABELS: [string, string][] = [
  ['approvedHouseholds', 'Approved fostering households'],
  ['approvedPlaces', 'Approved places'],
  ['vacancies', 'Vacancies (approved places with nobody placed in them)'],
  ['placedInHouse', "Children placed with the service's own carers"],
  ['placedWithAgencies', 'Children placed with independent fostering agencies'],
  ['enquiries', 'Fostering enquiries received in the quarter'],
  ['approvals', 'Households approved in the quarter'],
  ['deregistrations', 'Households deregistered in the quarter'],
];

/**
 * The service in numbers for a quarter, counted in one SQL statement: households approved, their
 * places and vacancies, children placed in-house and with agencies as at `asAt` (the quarter's last
 * day, or today while it runs); enquiries, approvals and deregistrations from `from` to `asAt`.
 * Enquiries are the recruitment enquiries received (by their enquiry date), once each, as the
 * scorecard counts them: not status changes to enquiry (a household moved back to enquiry, or one
 * brought over from old records with no enquiry form, is not a new enquiry).
 */
export async function serviceNumbers(db: DbOrTx, from: IsoDate, asAt: IsoDate): Promise<NumberLine[]> {
  const [row] = await queryRows<Record<string, string | number>>(
    db,
    sql`with approved as (
        select h.id, h.approved_places from household_status_periods sp
        join households h on h.id = sp.household_id
        where sp.status = 'approved' and sp.from_on <= ${asAt}::date and (sp.to_on is null or sp.to_on > ${asAt}::date)
      ), placed as (
        select p.household_id, p.child_id, ${childInCarePlacement('p')} as in_care from placements p
        where ${placementRunningOn('p', asAt)}
      ), per_household as (
        select household_id, count(distinct child_id) as children from placed group by household_id
      )
      select
        (select count(*) from approved) as "approvedHouseholds",
        (select coalesce(sum(approved_places), 0) from approved) as "approvedPlaces",
        (select coalesce(sum(greatest(a.approved_places - coalesce(ph.children, 0), 0)), 0)
           from approved a left join per_household ph on ph.household_id = a.id) as "vacancies",
        (select count(distinct child_id) from placed where in_care) as "placedInHouse",
        (select count(distinct ap.child_id) from agency_placements ap
           where ${placementRunningOn('ap', asAt)} and ${childInCarePlacement('ap')}) as "placedWithAgencies",
        (select count(*) from recruitment_enquiries e
           where e.enquired_on between ${from}::date and ${asAt}::date) as "enquiries",
        (select count(*) from households h where h.approved_on between ${from}::date and ${asAt}::date) as "approvals",
        (select count(*) from household_status_events e
           where e.to_status = 'deregistered' and e.on_date between ${from}::date and ${asAt}::date) as "deregistrations"`,
  );
  return NUMBER_LABELS.map(([key, label]) => ({ key, label, value: Number(row?.[key] ?? 0) }));
}

/** A measure in the report: its figure at the quarter's last month, RAG and the figure compared with. */
export interface MeasureLine {
  id: string;
  title: string;
  standard: string;
  value: number | null;
  shown: string;
  target: string;
  rag: Rag;
  ragText: string;
}

/** The month a quarter's figures are read for: its last month, or the current month while it runs. */
export function reportMonth(quarterEnd: IsoDate, today: IsoDate): string {
  const last = quarterEnd.slice(0, 7);
  const now = currentMonth(today);
  return last < now ? last : now;
}

/** Every registered measure's whole-service figure for the month, as the scorecard holds it. */
export async function measureLines(db: DbOrTx, month: string, today: IsoDate): Promise<MeasureLine[]> {
  const measures = allMeasures()
    .slice()
    .sort((a, b) => a.order - b.order);
  const figures = await figuresByMonth(db, measures, [month], today);
  const period = periodOf(month, today);
  return measures.map((measure) => {
    const service = figures
      .get(measure.id)
      ?.get(month)
      ?.figures.find((f) => f.scopeKind === 'service');
    const value = service?.value ?? null;
    const target = targetOf(measure, period);
    const rag = ragOf(measure, value, target);
    return {
      id: measure.id,
      title: measure.title,
      standard: measure.standard,
      value,
      shown: formatValue(measure, value),
      target: targetText(measure, target, (v) => formatValue(measure, v)),
      rag,
      ragText: ragText[rag],
    };
  });
}

/** The change from an earlier figure, in words: "Up 4", "Down 2.5 points", "No change". */
export function changeText(
  unit: Measure['unit'] | undefined,
  now: number | null,
  before: number | null | undefined,
): string {
  if (now === null || before === null || before === undefined) return 'No earlier figure';
  const diff = Math.round((now - before) * 10) / 10;
  if (diff === 0) return 'No change';
  const size = Math.abs(diff);
  const amount = unit === 'percentage' ? `${size} points` : unit === 'days' ? `${size} days` : String(size);
  return `${diff > 0 ? 'Up' : 'Down'} ${amount}`;
}
