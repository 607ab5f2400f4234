/**
 * The supervision measures on the scorecard (Target 7 of the business plan, NMS 21). Each declares
 * its counting as SQL (one row per record, met or not) that the engine aggregates, and its records
 * as a second query for the measure page. The households approved on a day come from their kept
 * status periods; for the current month, each household's last visits and agreement from its kept
 * supervision facts, and for a closed month from indexed range lookups of the month's window.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays, addMonths, addYears } from '../../platform/dates/index.ts';
import { type Measure, type Period } from '../../platform/measures/index.ts';
import { deadlineTable } from '../../platform/measures/sql.ts';
import { approvedHouseholdsOn } from '../households/scope.ts';
import { childInCarePlacement, placementRunningOn } from '../placements/scope.ts';

const STANDARD = 'NMS 21 (supervision and support of foster carers)';
const TARGET_7 = 'Target 7: foster carers receive the support and supervision they need (NMS 21)';

/**
 * How a household-level measure finds each approved household's fact as at the period's day:
 * `join` adds it to the approved households (h); `met` says whether the household counts;
 * `last` is the date shown on the list (in records only).
 */
interface HouseholdFact {
  count: { join: SQL; met: SQL };
  records: { join: SQL; met: SQL; last: SQL };
}

/**
 * A fact from the kept supervision facts (the current month: as at today they are the latest), or
 * for a closed month: counted and listed from the records in the window (`window`: ids of the
 * households with a matching record in it, by an indexed range lookup), with the last date looked
 * up (`lastAsAt`, correlated on h.id) in the words of the listed households only: a lookup for every
 * approved household, as this once did, took most of a closed month's page at national scale.
 * `lastAsAt` must meet the fact exactly when `window` holds the household.
 */
function householdFact(
  period: Period,
  kept: { column: string; met: (c: SQL) => SQL },
  window: SQL,
  lastAsAt: SQL,
): HouseholdFact {
  if (period.current) {
    const join = sql`left join household_supervision_facts f on f.household_id = h.id`;
    const column = sql.raw(`f.${kept.column}`);
    const met = sql`coalesce(${kept.met(column)}, false)`;
    return { count: { join, met }, records: { join, met, last: sql`${column}::text` } };
  }
  return {
    count: { join: sql`left join (${window}) w on w.household_id = h.id`, met: sql`w.household_id is not null` },
    records: {
      join: sql`left join (${window}) w on w.household_id = h.id`,
      met: sql`w.household_id is not null`,
      last: sql`(${lastAsAt})::text`,
    },
  };
}

/**
 * The approved households as the measure's records: `fact` is shown on the list. With
 * `approvedBefore`, only the households approved before that day: a household approved since has
 * its first visit not yet due (the deadline counts it from approval), so it is not yet counted.
 */
function approvedHouseholdMeasure(
  fact: (period: Period) => HouseholdFact,
  detail: (last: SQL) => SQL,
  approvedBefore?: (period: Period) => string,
): Pick<Measure, 'count' | 'records'> {
  const counted = (period: Period) =>
    approvedBefore ? sql`where ${approvedFrom} < ${approvedBefore(period)}::date` : sql``;
  return {
    count(period) {
      const { join, met } = fact(period).count;
      return sql`select h.team_id, t.area_id, ${met} as met from ${approvedHouseholdsOn(period.asAt)} ${join}
        ${counted(period)}`;
    },
    records(period) {
      const { join, met, last } = fact(period).records;
      return sql`select 'household' as record_type, h.id as record_id, h.name || ' (' || h.reference || ')' as label,
          '/households/' || h.id || '/supervision' as href, h.team_id, t.area_id, ${met} as met,
          ${detail(last)} as detail, h.restricted, h.reference as sort_key
        from ${approvedHouseholdsOn(period.asAt)} ${join} ${counted(period)}`;
    },
  };
}

/** The day a household's approval counts from, as its deadlines count it (h). */
const approvedFrom = sql`coalesce(h.approved_on, h.status_since)`;

/** Finalised visits (matching `which`) to the households with one in the window, and the last one up to the day. */
function visits(period: Period, since: string, which: SQL, column: string): HouseholdFact {
  return householdFact(
    period,
    { column, met: (c) => sql`${c} >= ${since}::date` },
    sql`select distinct s.household_id from supervisions s
      where s.status = 'final' and ${which} and s.visit_date between ${since}::date and ${period.asAt}::date`,
    sql`select max(s.visit_date) as last from supervisions s
      where s.household_id = h.id and s.status = 'final' and ${which} and s.visit_date <= ${period.asAt}::date`,
  );
}

export const householdsSupervised: Measure = {
  id: 'supervision.households-supervised-6-weeks',
  title: 'Households supervised in the last 6 weeks',
  definition:
    'Of the households approved at the end of the month (or today, for the current month), the percentage with a ' +
    'finalised supervision visit on or after the day 6 weeks (42 days) before it, so the next visit was not yet ' +
    'overdue (a visit due that day is not). A household approved on or after that day is not counted: its first ' +
    'visit is not yet due. Drafts do not count until they are ' +
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
  ...approvedHouseholdMeasure(
    (period) => visits(period, addDays(period.asAt, -42), sql`true`, 'last_visit_on'),
    (last) => sql`coalesce('Last supervision ' || ${last}, 'No finalised supervision')`,
    (period) => addDays(period.asAt, -42),
  ),
};

/** The visits whose 5-working-day deadline for the notes falls in the period (v, joined to d(start_on, due_on)). */
function visitsDueIn(period: Period): SQL | null {
  const due = deadlineTable(period.from, period.asAt, 5, 'd');
  if (!due) return null;
  return sql`supervisions v join ${due} on d.start_on = v.visit_date
    join households h on h.id = v.household_id
    join teams t on t.id = h.team_id`;
}

const notesSentInTime = sql`(v.notes_sent_on is not null and v.notes_sent_on <= d.due_on)`;

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
  count(period: Period) {
    const from = visitsDueIn(period);
    return from && sql`select h.team_id, t.area_id, ${notesSentInTime} as met from ${from}`;
  },
  records(period: Period) {
    const from = visitsDueIn(period);
    return (
      from &&
      sql`select 'supervision' as record_type, v.id as record_id,
          h.name || ' (' || h.reference || '), visit on ' || v.visit_date::text as label,
          '/supervision/' || v.id as href, h.team_id, t.area_id, ${notesSentInTime} as met,
          'Due by ' || d.due_on::text || '; ' || coalesce('sent ' || v.notes_sent_on::text, 'not sent') as detail,
          h.restricted, v.visit_date::text || ' ' || h.reference as sort_key
        from ${from}`
    );
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
  ...approvedHouseholdMeasure(
    (period) =>
      householdFact(
        period,
        { column: 'agreement_review_on', met: (c) => sql`${c} >= ${period.asAt}::date` },
        sql`select distinct a.household_id from supervision_agreements a
          where a.review_on >= ${period.asAt}::date and a.signed_on <= ${period.asAt}::date`,
        sql`select max(a.review_on) as last from supervision_agreements a
          where a.household_id = h.id and a.signed_on <= ${period.asAt}::date`,
      ),
    (last) => sql`coalesce('Agreement review date ' || ${last}, 'No signed agreement')`,
  ),
};

export const unannouncedVisit: Measure = {
  id: 'supervision.unannounced-12-months',
  title: 'Households with an unannounced visit in the last 12 months',
  definition:
    'Of the households approved at the end of the month (or today, for the current month), the percentage with a ' +
    'finalised unannounced supervision visit in the 12 months up to that day (on or after the same date a year ' +
    'earlier). A household approved on or after that date is not counted: its first unannounced visit is not yet due.',
  standard: 'NMS 21.8 (at least one unannounced visit a year)',
  planTarget: TARGET_7,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Unannounced visit in the last 12 months',
  missedLabel: 'No unannounced visit in the last 12 months',
  order: 83,
  ...approvedHouseholdMeasure(
    (period) => visits(period, addYears(period.asAt, -1), sql`not s.announced`, 'last_unannounced_visit_on'),
    (last) => sql`coalesce('Last unannounced visit ' || ${last}, 'No unannounced visit')`,
    (period) => addYears(period.asAt, -1),
  ),
};

/**
 * The children placed with a household on the day (p, c, h, t), with `join` added: children in
 * placement, so not a young adult Staying Put with their former carers, placed more than 3 months
 * before it (the deadline counts a child's first time seen from the start of the placement).
 */
function placedChildren(asAt: string, join: SQL): SQL {
  return sql`placements p
    join children c on c.id = p.child_id
    join households h on h.id = p.household_id
    join teams t on t.id = h.team_id
    ${join}
    where ${placementRunningOn('p', asAt)} and ${childInCarePlacement('p')}
      and p.start_date < ${addMonths(asAt, -3)}::date`;
}

/**
 * When each placed child was last seen at a finalised visit to the household: for the current
 * month from the kept facts (child_seen_facts, the latest), for a closed month from the kept visits
 * at which each child was seen (child_seen_visits): the last in the 3 months to the day, if any
 * (`recent`). `met` when seen in those months; `last` the date shown on the list (when not seen in
 * them: the last before, looked up for the list alone).
 */
function childSeen(period: Period, since: string): { join: SQL; met: SQL; last: SQL } {
  if (period.current) {
    return {
      join: sql`left join child_seen_facts f on f.child_id = c.id and f.household_id = h.id`,
      met: sql`coalesce(f.last_seen_on >= ${since}::date, false)`,
      last: sql`f.last_seen_on`,
    };
  }
  return {
    join: sql`left join (
      select v.child_id, v.household_id, max(v.visit_on) as last_seen from child_seen_visits v
      where v.visit_on between ${since}::date and ${period.asAt}::date
      group by v.child_id, v.household_id
    ) recent on recent.child_id = c.id and recent.household_id = h.id`,
    // Not `is not null` alone: the list of those seen would then join the visits as an inner join,
    // estimated at one row (two join columns taken as independent) and read by nested loops.
    met: sql`coalesce(recent.last_seen is not null, false)`,
    last: sql`coalesce(recent.last_seen, (select max(v.visit_on) from child_seen_visits v
      where v.household_id = h.id and v.child_id = c.id and v.visit_on <= ${period.asAt}::date))`,
  };
}

export const childrenSeen: Measure = {
  id: 'supervision.children-seen-3-months',
  title: 'Placed children seen by the supervising social worker in the last 3 months',
  definition:
    'Of the children placed with a fostering household at the end of the month (or today, for the current month), ' +
    'the percentage recorded as seen (alone or not) at a finalised supervision visit to that household in the 3 ' +
    'months up to that day (on or after the same date 3 months earlier). A child placed on or after that date is ' +
    'not counted: they are not yet due to be seen. Young adults Staying Put with their ' +
    'former carers are not counted: they are no longer children in placement.',
  standard: 'NMS 21.8 (children in placement seen by the supervising social worker)',
  planTarget: 'Target 1, action 1.1: children in placement seen at least quarterly; ' + TARGET_7,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Seen in the last 3 months',
  missedLabel: 'Not seen in the last 3 months',
  order: 84,
  count(period: Period) {
    const { join, met } = childSeen(period, addMonths(period.asAt, -3));
    return sql`select h.team_id, t.area_id, ${met} as met from ${placedChildren(period.asAt, join)}`;
  },
  records(period: Period) {
    const { join, met, last } = childSeen(period, addMonths(period.asAt, -3));
    return sql`select 'child' as record_type, c.id as record_id,
        c.first_name || ' ' || c.last_name || ' (' || c.reference || ') with ' || h.name || ' (' || h.reference || ')' as label,
        '/children/' || c.id as href, h.team_id, t.area_id, ${met} as met,
        coalesce('Last seen ' || (${last})::text, 'Not seen at a supervision') as detail,
        h.restricted, c.reference as sort_key
      from ${placedChildren(period.asAt, join)}`;
  },
};

/** The supervision module's measures. */
export const supervisionMeasures: Measure[] = [
  householdsSupervised,
  notesWithinFiveDays,
  signedAgreement,
  unannouncedVisit,
  childrenSeen,
];
