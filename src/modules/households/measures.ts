import { sql, type SQL } from 'drizzle-orm';
import {
  financialMonthsElapsed,
  financialYearStart,
  type Measure,
  type Period,
} from '../../platform/measures/index.ts';
import { addYears } from '../../platform/dates/index.ts';
import { approvedHouseholdsOn } from './scope.ts';

/** A household as a record behind a figure: its name and reference, its page, when it was approved. */
const householdRecord = sql`'household' as record_type, h.id as record_id, h.name || ' (' || h.reference || ')' as label,
  '/households/' || h.id as href, h.team_id, t.area_id, true as met,
  'Approved ' || h.approved_on::text as detail, h.restricted`;

/** The households approved in the financial year up to the day (h, with its team t). */
function approvedInYear(asAt: string): SQL {
  return sql`households h join teams t on t.id = h.team_id
    where h.approved_on between ${financialYearStart(asAt)}::date and ${asAt}::date`;
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
  count(period: Period) {
    return sql`select h.team_id, t.area_id, true as met from ${approvedHouseholdsOn(period.asAt)}`;
  },
  records(period: Period) {
    return sql`select ${householdRecord}, h.reference as sort_key from ${approvedHouseholdsOn(period.asAt)}`;
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
  yearTarget: { value: 200, by: 'March' },
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Approved this year',
  order: 20,
  count(period: Period) {
    return sql`select h.team_id, t.area_id, true as met from ${approvedInYear(period.asAt)}`;
  },
  records(period: Period) {
    return sql`select ${householdRecord}, h.approved_on::text || ' ' || h.reference as sort_key
      from ${approvedInYear(period.asAt)}`;
  },
};

/** Households approved on the day whose approval is less than a year old then (h, t), with their first-year lead (fl). */
function inFirstYearOn(day: string): SQL {
  return sql`${approvedHouseholdsOn(day)} left join users fl on fl.id = h.first_year_lead_id
    where h.approved_on > ${addYears(day, -1)}::date and h.approved_on <= ${day}::date`;
}

export const firstYearLead: Measure = {
  id: 'households.first-year-lead',
  title: 'New carers with a first-year lead worker',
  definition:
    'Of the households approved at the end of the month (today, for the current month) whose approval is less than ' +
    'a year old, the percentage with a first-year lead worker (a senior practitioner or experienced social worker) ' +
    "named on the household's allocation. Households on hold or inactive are not counted.",
  standard: 'NMS 21 (supervision and support of foster carers)',
  planTarget:
    'Target 10, action 10.3: every new foster carer has a senior practitioner or experienced social worker for their ' +
    'first year, measured monthly on the scorecard',
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Lead worker named',
  missedLabel: 'No lead worker',
  order: 21,
  count(period: Period) {
    return sql`select h.team_id, t.area_id, h.first_year_lead_id is not null as met from ${inFirstYearOn(period.asAt)}`;
  },
  records(period: Period) {
    return sql`select 'household' as record_type, h.id as record_id, h.name || ' (' || h.reference || ')' as label,
        '/households/' || h.id as href, h.team_id, t.area_id, h.first_year_lead_id is not null as met,
        'Approved ' || h.approved_on::text || coalesce('; lead worker ' || fl.display_name, '; no lead worker named')
          as detail,
        h.restricted, h.approved_on::text || ' ' || h.reference as sort_key
      from ${inFirstYearOn(period.asAt)}`;
  },
};

/** "Approved for 2 children". */
const approvedFor = sql`'Approved for ' || h.approved_places || case when h.approved_places = 1 then ' child' else ' children' end`;

/**
 * A count of the households approved on the month's last day whose approval terms (as recorded
 * when the month was counted) meet `terms`, each listed with `detail`: counted to show, not rated.
 */
const approvedWithTerms = (
  m: Pick<Measure, 'id' | 'title' | 'definition' | 'planTarget' | 'metLabel' | 'order'>,
  terms: SQL,
  detail: SQL,
): Measure => ({
  ...m,
  standard: 'NMS 13.1 (sufficient foster carers)',
  unit: 'count',
  target: null,
  direction: 'higher',
  amberMargin: 0,
  count: (period) =>
    sql`select h.team_id, t.area_id, true as met from ${approvedHouseholdsOn(period.asAt)} where ${terms}`,
  records: (period) =>
    sql`select 'household' as record_type, h.id as record_id, h.name || ' (' || h.reference || ')' as label,
        '/households/' || h.id as href, h.team_id, t.area_id, true as met, ${detail} as detail,
        h.restricted, h.reference as sort_key
      from ${approvedHouseholdsOn(period.asAt)} where ${terms}`,
});

export const siblingGroups = approvedWithTerms(
  {
    id: 'households.sibling-groups',
    title: 'Approved households that take brothers and sisters together',
    definition:
      'The number of fostering households approved at the end of the month (or today, for the current month), from ' +
      "each household's dated status history, whose approval terms include sibling groups and two or more children (the terms as recorded when " +
      'the month was counted), each listed with the number of children it is approved for. The plan asks for enough ' +
      'carers to keep brothers and sisters together, so that fewer exemptions are needed; it sets no number, so the ' +
      'figure is counted to show, not rated.',
    planTarget:
      'Target 3, action 3.1: enough foster carers, including for brothers and sisters together, so that fewer exemptions are needed',
    metLabel: 'Take sibling groups',
    order: 12,
  },
  sql`h.sibling_groups and h.approved_places >= 2`,
  approvedFor,
);

export const shortBreakCarers = approvedWithTerms(
  {
    id: 'households.short-breaks',
    title: 'Approved households offering short breaks',
    definition:
      'The number of fostering households approved at the end of the month (or today, for the current month), from ' +
      "each household's dated status history, that offer short breaks: a short-breaks household, or one whose approval " +
      'terms include short breaks (the terms as recorded when the month was counted), each listed with whether it is ' +
      'approved for disabled children. The plan asks for more short-break carers in the specialist (disability) ' +
      'fostering service; it sets no number, so the figure is counted to show, not rated: a rise month on month is the aim.',
    planTarget:
      'Target 10, action 10.1: build on the specialist (disability) fostering service with more carers for short breaks',
    metLabel: 'Offer short breaks',
    order: 13,
  },
  sql`(h.short_breaks or h.household_type = 'short_breaks')`,
  sql`${approvedFor} || case when h.disability or h.household_type = 'specialist_disability' then ', disabled children among them' else '' end`,
);

export const householdMeasures: Measure[] = [
  approvedHouseholds,
  newApprovals,
  firstYearLead,
  siblingGroups,
  shortBreakCarers,
];
