/**
 * The training and participation measures on the scorecard (Targets 1 and 2 of the business plan,
 * NMS 20). Each counts the carers of the households approved on the period's day (or the children
 * placed that day), from the records as they stood on that day, so a closed month counts the same
 * whenever it is counted again.
 */
import { dateInWordsSql } from '../../platform/db/sql.ts';
import { sql, type SQL } from 'drizzle-orm';
import { addDays, addMonths, addYears, birthdaySql } from '../../platform/dates/index.ts';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { approvedHouseholdsOn } from '../households/scope.ts';
import {
  approvedFrom,
  carersOfApprovedOn,
  coreCompletedOn,
  eventsByChild,
  lastTrainingOn,
  participationDaysByCarer,
  trainingByCarer,
  tsdDeadline,
  tsdEvidencedByCarer,
} from './sql.ts';
import { childInCarePlacement, placementRunningOn } from '../placements/scope.ts';
import { PDP_WEEKS_AFTER_APPROVAL, REQUIRED_TRAINING_MONTHS } from './due.ts';

const NMS_20 = 'NMS 20 (learning and development of foster carers)';
const TARGET_2 =
  'Target 2: every foster carer has a clear training and personal development plan; action 2.1 (a PDP from approval, reviewed yearly; training reported monthly)';
const TARGET_1 =
  'Target 1, action 1.1: the voice of children and young people; attendance at participation events (at least 3 days a year for carers)';

/** Local expectation (business plan action 1.1): each carer attends at least 3 days of participation events a year. */
export const PARTICIPATION_DAYS_EXPECTED = 3;

interface CarerFact {
  /** Added after the carers of approved households (cr, h, t): lateral joins of the facts. */
  join: SQL;
  /** Which carers are counted (default: every carer of an approved household). */
  where?: SQL;
  met: SQL;
  detail: SQL;
}

/** A measure of the carers of the households approved on the period's day. */
function carerMeasure(fact: (period: Period) => CarerFact): Pick<Measure, 'count' | 'records'> {
  const from = (period: Period, f: CarerFact) =>
    sql`${carersOfApprovedOn(approvedHouseholdsOn(period.asAt), period.asAt)} ${f.join} where ${f.where ?? sql`true`}`;
  return {
    count(period) {
      const f = fact(period);
      return sql`select h.team_id, t.area_id, ${f.met} as met from ${from(period, f)}`;
    },
    records(period) {
      const f = fact(period);
      return sql`select 'carer' as record_type, cr.id as record_id,
          cr.first_name || ' ' || cr.last_name || ', ' || h.name || ' (' || h.reference || ')' as label,
          '/training/carers/' || cr.id as href, h.team_id, t.area_id, ${f.met} as met, ${f.detail} as detail,
          h.restricted, h.reference || ' ' || cr.last_name || ' ' || cr.first_name as sort_key
        from ${from(period, f)}`;
    },
  };
}

export const currentPdp: Measure = {
  id: 'training.current-pdp',
  title: 'Carers with a current personal development plan',
  definition:
    'Of the carers of the households approved at the end of the month (or today, for the current month), the ' +
    'percentage whose latest personal development plan agreed on or before that day is not past its review date ' +
    '(12 months after it was agreed, unless an earlier date was set). The carers of a household approved in the ' +
    `${PDP_WEEKS_AFTER_APPROVAL} weeks up to that day are not counted: their first plan is not yet due.`,
  standard: NMS_20,
  planTarget: TARGET_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Current PDP',
  missedLabel: 'No PDP, or past its review date',
  order: 90,
  ...carerMeasure((period) => ({
    // Every carer's latest plan agreed by the day, read once in the order of the (carer, agreed on
    // desc, created at desc, review by) index and joined by hash: about a third faster at national
    // scale than looking each carer's plan up in turn.
    join: sql`left join (select distinct on (d.carer_id) d.carer_id, d.agreed_on, d.review_by
      from development_plans d where d.agreed_on <= ${period.asAt}::date
      order by d.carer_id, d.agreed_on desc, d.created_at desc) pdp on pdp.carer_id = cr.id`,
    met: sql`coalesce(pdp.review_by >= ${period.asAt}::date, false)`,
    where: sql`coalesce(h.approved_on, h.status_since) < ${addDays(period.asAt, -PDP_WEEKS_AFTER_APPROVAL * 7)}::date`,
    detail: sql`coalesce('Review by ' || ${dateInWordsSql(sql`pdp.review_by`)}, 'No PDP')`,
  })),
};

export const tsdOnTime: Measure = {
  id: 'training.tsd-on-time',
  title: 'Carers with the TSD standards evidenced within 12 months of approval (18 for family and friends)',
  definition:
    'Carers of the households approved at the end of the month (or today) whose TSD deadline (12 months after ' +
    'approval, 18 for family and friends carers; for a carer who joined the household after it was approved, after ' +
    'the day they joined) fell in the 12 months up to that day; whose deadline passed ' +
    'earlier and who have still not evidenced the standards; or whose deadline is still to come and who have ' +
    'already evidenced them: the percentage who evidenced them on or before their deadline. The standards are ' +
    'evidenced on the date the worker recorded, or the day the carer attended a session of a course in the TSD ' +
    'category, whichever came first. A carer who evidences them late stops counting against the service 12 months ' +
    'after the deadline.',
  standard: 'NMS 20.3 (Training, Support and Development Standards)',
  planTarget: TARGET_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Evidenced by the deadline',
  missedLabel: 'Not evidenced by the deadline',
  order: 91,
  ...carerMeasure((period) => ({
    join: sql`${tsdEvidencedByCarer(period.asAt)}
      cross join lateral (select tsd_evidenced.evidenced_on, ${tsdDeadline()} as deadline) tsd`,
    where: sql`(tsd.deadline > ${addYears(period.asAt, -1)}::date and tsd.deadline <= ${period.asAt}::date)
      or (tsd.deadline <= ${addYears(period.asAt, -1)}::date and tsd.evidenced_on is null)
      or (tsd.deadline > ${period.asAt}::date and tsd.evidenced_on is not null)`,
    met: sql`coalesce(tsd.evidenced_on <= tsd.deadline, false)`,
    detail: sql`'Due by ' || ${dateInWordsSql(sql`tsd.deadline`)} || '; ' || coalesce('evidenced ' || ${dateInWordsSql(sql`tsd.evidenced_on`)}, 'not evidenced')`,
  })),
};

/** Core training completed within `years` of approval, for the carers whose anniversary fell in the 12 months to the day. */
function coreWithin(years: number): (period: Period) => CarerFact {
  return (period) => ({
    // The anniversary first, so only the carers it keeps are looked up; `offset 0` keeps the lookup
    // a subquery of its own, done once per carer (not once for the figure and again for the list's words).
    join: sql`cross join lateral (select (${approvedFrom()} + interval '${sql.raw(String(years))} years')::date as anniversary) ann
      cross join lateral (select ${coreCompletedOn(sql`cr.id`, period.asAt)} as completed_on, ann.anniversary offset 0) core`,
    where: sql`ann.anniversary > ${addYears(period.asAt, -1)}::date and ann.anniversary <= ${period.asAt}::date`,
    met: sql`coalesce(core.completed_on <= core.anniversary, false)`,
    detail: sql`'Approved ' || ${dateInWordsSql(approvedFrom())} || '; ' || coalesce('core training completed ' || ${dateInWordsSql(sql`core.completed_on`)}, 'core training not completed')`,
  });
}

const coreDefinition = (nth: string, years: number) =>
  `Of the carers of the households approved at the end of the month (or today) whose ${nth} anniversary of approval ` +
  `fell in the 12 months up to that day, the percentage who had completed core training within ${years} ` +
  `${years === 1 ? 'year' : 'years'} of approval: attended every active course mandatory for new carers (the day ` +
  'they completed it is the day they first attended the last of those courses). For a carer who joined the household ' +
  'after it was approved, approval is the day they joined.';

export const coreFirstYear: Measure = {
  id: 'training.core-first-year',
  title: 'Carers who completed core training within their first year of approval',
  definition: coreDefinition('first', 1),
  standard: NMS_20,
  planTarget: TARGET_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Core training within the first year',
  missedLabel: 'Core training not completed within the first year',
  order: 92,
  ...carerMeasure(coreWithin(1)),
};

export const coreSecondYear: Measure = {
  id: 'training.core-second-year',
  title: 'Carers who completed core training within their second year of approval',
  definition: coreDefinition('second', 2),
  standard: NMS_20,
  planTarget: TARGET_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Core training within two years',
  missedLabel: 'Core training not completed within two years',
  order: 93,
  ...carerMeasure(coreWithin(2)),
};

/** No training attended on or after the same date `months` earlier. */
function noTrainingFor(months: number): (period: Period) => CarerFact {
  return (period) => ({
    // Whether the carer trained in the months up to the day: those months' sessions alone, grouped once.
    join: sql`left join ${trainingByCarer(period.asAt, undefined, addMonths(period.asAt, -months))} recent
      on recent.carer_id = cr.id`,
    met: sql`(recent.last_on is null)`,
    // The last training, perhaps before those months: looked up for the page's records only.
    detail: sql`coalesce('Last training ' || ${dateInWordsSql(lastTrainingOn(sql`cr.id`, period.asAt))},
      'No training recorded')`,
  });
}

const noTrainingDefinition = (months: number) =>
  `Of the carers of the households approved at the end of the month (or today), the percentage who attended no ` +
  `training session in the ${months} months up to that day (on or after the same date ${months} months earlier). ` +
  'Lower is better.';

export const noTraining6: Measure = {
  id: 'training.no-training-6-months',
  title: 'Carers with no training in the last 6 months',
  definition: noTrainingDefinition(6),
  standard: NMS_20,
  planTarget: TARGET_2,
  unit: 'percentage',
  target: 10,
  direction: 'lower',
  amberMargin: 10,
  metLabel: 'No training in the last 6 months',
  missedLabel: 'Trained in the last 6 months',
  order: 94,
  ...carerMeasure(noTrainingFor(6)),
};

export const noTraining12: Measure = {
  id: 'training.no-training-12-months',
  title: 'Carers with no training in the last 12 months',
  definition: noTrainingDefinition(12),
  standard: NMS_20,
  planTarget: TARGET_2,
  unit: 'percentage',
  target: 0,
  direction: 'lower',
  amberMargin: 5,
  metLabel: 'No training in the last 12 months',
  missedLabel: 'Trained in the last 12 months',
  order: 95,
  ...carerMeasure(noTrainingFor(12)),
};

export const cseForCarersOf11Plus: Measure = {
  id: 'training.cse-carers-of-11-plus',
  title: 'Carers of children aged 11 or over with the CSE and missing training',
  definition:
    'Of the carers of the households approved at the end of the month (or today) with a child aged 11 or over ' +
    'placed on that day (not a young adult Staying Put), the percentage who had attended a session of a course in ' +
    'the child sexual exploitation and missing children category on or before it. A carer is counted once the ' +
    `${REQUIRED_TRAINING_MONTHS} months the service gives for the training are over: the child was placed (or turned ` +
    '11 while placed) more than 3 months before that day (a local target, as My work shows it).',
  standard: `${NMS_20}; business plan Target 2 (training on CSE)`,
  planTarget: TARGET_2,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'CSE and missing training attended',
  missedLabel: 'No CSE and missing training',
  order: 96,
  ...carerMeasure((period) => ({
    join: sql`left join ${trainingByCarer(period.asAt, sql`c.category = 'cse_missing'`)} cse on cse.carer_id = cr.id`,
    where: sql`exists (select 1 from placements p join children ch on ch.id = p.child_id
      where p.household_id = h.id and ${placementRunningOn('p', period.asAt)} and ${childInCarePlacement('p')}
        and ch.date_of_birth <= ${addYears(period.asAt, -11)}::date
        and greatest(p.start_date, ${birthdaySql(sql`ch.date_of_birth`, 11)})
          < ${addMonths(period.asAt, -REQUIRED_TRAINING_MONTHS)}::date)`,
    // Met when the carer has a row (first_on is never null in one): the join's key, so the database
    // reads "not met" as an anti-join and sizes it right (a third of the time at national scale).
    met: sql`cse.carer_id is not null`,
    detail: sql`coalesce('Attended ' || ${dateInWordsSql(sql`cse.first_on`)}, 'Not attended')`,
  })),
};

export const participationThreeDays: Measure = {
  id: 'training.participation-3-days',
  title: 'Carers with 3 days at participation events in the last 12 months',
  definition:
    'Of the carers of the households approved at the end of the month (or today), the percentage who attended at ' +
    `least ${PARTICIPATION_DAYS_EXPECTED} days of participation events held in the 12 months up to that day (an ` +
    'event over more than one day counts each of its days).',
  standard: 'NMS 20; business plan Target 1 (participation)',
  planTarget: TARGET_1,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 20,
  metLabel: `At least ${PARTICIPATION_DAYS_EXPECTED} days`,
  missedLabel: `Fewer than ${PARTICIPATION_DAYS_EXPECTED} days`,
  order: 97,
  ...carerMeasure((period) => ({
    join: sql`left join ${participationDaysByCarer(addDays(addYears(period.asAt, -1), 1), period.asAt)} part_days
      on part_days.carer_id = cr.id cross join lateral (select coalesce(part_days.days, 0) as days) part`,
    met: sql`part.days >= ${PARTICIPATION_DAYS_EXPECTED}`,
    detail: sql`part.days || case when part.days = 1 then ' day' else ' days' end`,
  })),
};

/**
 * The children placed with a household on the day (p, c, h, t), and their events in the 12 months to
 * it (part.events, part.last_on), every child's counted at once.
 */
function childrenPlaced(period: Period): SQL {
  return sql`placements p join children c on c.id = p.child_id
    join households h on h.id = p.household_id join teams t on t.id = h.team_id
    left join ${eventsByChild(addDays(addYears(period.asAt, -1), 1), period.asAt)} attended on attended.child_id = c.id
    cross join lateral (select coalesce(attended.events, 0) as events, attended.last_on) part
    where ${placementRunningOn('p', period.asAt)} and ${childInCarePlacement('p')}`;
}

export const childrenAttending: Measure = {
  id: 'training.children-at-participation-events',
  title: 'Children in foster care who attended a participation event in the last 12 months',
  definition:
    'Of the children placed with a fostering household at the end of the month (or today), the percentage who ' +
    'attended at least one participation event held in the 12 months up to that day. Young adults Staying Put ' +
    'with their former carers are not counted: they have left care.',
  standard: 'NMS 1 and 2 (the child’s wishes and feelings; promoting a positive identity)',
  planTarget: TARGET_1,
  unit: 'percentage',
  target: 50,
  direction: 'higher',
  amberMargin: 15,
  metLabel: 'Attended an event',
  missedLabel: 'No event attended',
  order: 98,
  count(period) {
    return sql`select h.team_id, t.area_id, part.events > 0 as met from ${childrenPlaced(period)}`;
  },
  records(period) {
    return sql`select 'child' as record_type, c.id as record_id,
        c.first_name || ' ' || c.last_name || ' (' || c.reference || ') with ' || h.name || ' (' || h.reference || ')' as label,
        '/children/' || c.id as href, h.team_id, t.area_id, part.events > 0 as met,
        coalesce('Last event ' || ${dateInWordsSql(sql`part.last_on`)}, 'No event') as detail,
        h.restricted, c.reference as sort_key
      from ${childrenPlaced(period)}`;
  },
};

/** The training module's measures. */
export const trainingMeasures: Measure[] = [
  currentPdp,
  tsdOnTime,
  coreFirstYear,
  coreSecondYear,
  noTraining6,
  noTraining12,
  cseForCarersOf11Plus,
  participationThreeDays,
  childrenAttending,
];
