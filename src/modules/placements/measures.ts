import { sql, type SQL } from 'drizzle-orm';
import { type Measure, type Period } from '../../platform/measures/index.ts';
import { deadlineTable } from '../../platform/measures/sql.ts';
import { childInCarePlacement } from './scope.ts';
import { DELEGATED_AUTHORITY_RULE, documentKindKeys, PLACEMENT_PLAN_RULE } from './labels.ts';
import { emergencyPlacementsInHouse, inHousePlacementRate } from './in-house-measure.ts';
import { referralsReturned } from './referral-measure.ts';

/** Placements (p) with their child (c), household (h), team (t) and delegated authority (da), selected by `where`. */
function placementsWhere(where: SQL, join: SQL = sql``): SQL {
  return sql`placements p ${join}
    join children c on c.id = p.child_id
    join households h on h.id = p.household_id
    join teams t on t.id = h.team_id
    left join delegated_authorities da on da.placement_id = p.id
    where ${where}`;
}

/** A placement as a record behind a figure, with `met` and `detail`. */
function placementRecord(met: SQL, detail: SQL): SQL {
  return sql`'placement' as record_type, p.id as record_id,
    c.first_name || ' ' || c.last_name || ' (' || c.reference || ') with ' || h.name || ' (' || h.reference || ')' as label,
    '/children/' || p.child_id as href, h.team_id, t.area_id, ${met} as met, ${detail} as detail, h.restricted,
    p.start_date::text || ' ' || c.reference as sort_key`;
}

/** Placements whose 5-working-day deadline falls in the period, joined to d(start_on, due_on). */
const childInCare = childInCarePlacement('p');

function placementsDueIn(period: Period): SQL | null {
  const due = deadlineTable(period.from, period.asAt, 5, 'd');
  return due && placementsWhere(sql`${childInCare}`, sql`join ${due} on d.start_on = p.start_date`);
}

/**
 * A measure of the placements whose 5th working day fell in the month: `met` by then, and the list's
 * detail after the start and the deadline.
 */
function dueInFiveDays(met: SQL, detail: SQL): Pick<Measure, 'count' | 'records'> {
  return {
    count(period: Period) {
      const from = placementsDueIn(period);
      return from && sql`select h.team_id, t.area_id, ${met} as met from ${from}`;
    },
    records(period: Period) {
      const from = placementsDueIn(period);
      const words = sql`'Started ' || p.start_date::text || ', due by ' || d.due_on::text || '; ' || ${detail}`;
      return from && sql`select ${placementRecord(met, words)} from ${from}`;
    },
  };
}

const signedAndGiven = sql`(da.signed_on is not null and da.signed_on <= d.due_on
  and da.copy_given_to_carer_on is not null and da.copy_given_to_carer_on <= d.due_on)`;

/** Started in the month, a child's arrival (Staying Put continues a placement: nobody arrives). */
const startedIn = (period: Period) =>
  placementsWhere(sql`p.start_date between ${period.from}::date and ${period.asAt}::date and ${childInCare}`);
const sawProfile = sql`coalesce(p.child_saw_profile, false)`;
const endedIn = (period: Period) =>
  placementsWhere(sql`p.end_date between ${period.from}::date and ${period.asAt}::date`);
const unplanned = sql`coalesce(p.ending = 'unplanned', false)`;

export const delegatedAuthorityGiven: Measure = {
  id: 'placements.delegated-authority',
  title: 'Delegated authority signed and given to the carer within 5 working days',
  definition:
    'Of the placements whose 5-working-day deadline fell in the month (up to today, for the current month), the ' +
    'percentage whose delegated authority form was signed and a copy given to the carer on or before the deadline. ' +
    'The deadline is the 5th working day after the placement started (weekends and England and Wales bank ' +
    'holidays excluded), so each placement is counted once, in the month its deadline falls, whatever month it ' +
    'started in. Placements that have ended since are still counted. Staying Put arrangements are not counted: ' +
    'the young person is an adult, and no delegated authority is needed.',
  standard: DELEGATED_AUTHORITY_RULE,
  planTarget: 'Target 8, action 8.3: delegated authority recorded for every child, a signed copy given to the carer',
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Signed and given on time',
  missedLabel: 'Not signed or not given on time',
  order: 40,
  ...dueInFiveDays(
    signedAndGiven,
    sql`coalesce('signed ' || da.signed_on::text, 'not signed') || ', ' ||
      coalesce('copy given ' || da.copy_given_to_carer_on::text, 'no copy given')`,
  ),
};

export const profileSeen: Measure = {
  id: 'placements.profile-seen',
  title: "Children who saw the carer's profile before arriving",
  definition:
    'Of the placements that started in the month (up to today, for the current month), the percentage where it is ' +
    "recorded that the child saw the carer's profile before arriving. A placement where this is not recorded is " +
    'counted as not seen. Emergency placements are included; Staying Put arrangements, which continue a ' +
    'placement with the same carers, are not.',
  standard: 'NMS 11.3 (information about the foster carer before arrival)',
  planTarget: "Target 8, action 8.1: children given the carer's profile before the placement starts",
  unit: 'percentage',
  target: 90,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Saw the profile',
  missedLabel: 'Did not see it, or not recorded',
  order: 50,
  count(period: Period) {
    return sql`select h.team_id, t.area_id, ${sawProfile} as met from ${startedIn(period)}`;
  },
  records(period: Period) {
    const detail = sql`'Started ' || p.start_date::text || '; ' || case when p.child_saw_profile is null then 'not recorded'
      when p.child_saw_profile then 'saw the profile' else 'did not see it' end`;
    return sql`select ${placementRecord(sawProfile, detail)} from ${startedIn(period)}`;
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
  count(period: Period) {
    return sql`select h.team_id, t.area_id, ${unplanned} as met from ${endedIn(period)}`;
  },
  records(period: Period) {
    const detail = sql`'Ended ' || p.end_date::text || '; ' || coalesce(p.ending || ' ending', 'ending not recorded')`;
    return sql`select ${placementRecord(unplanned, detail)} from ${endedIn(period)}`;
  },
};

/** The placements module's measures, with the in-house placement rate and referral returns (their own files). */
/**
 * The papers the carer is given (documentKinds) recorded as given by the deadline `d.due_on`: only
 * those kinds, so another paper on file (a delegated authority copy has its own measure) never
 * makes up for a missing one or counts "4 of 3".
 */
const papersGivenBy = sql`(select count(*)::int from placement_documents pd
  where pd.placement_id = p.id and pd.given_on <= d.due_on and pd.kind in (${sql.join(
    documentKindKeys.map((k) => sql`${k}`),
    sql`, `,
  )}))`;
const papersAndPlan = sql`(p.placement_plan_on is not null and p.placement_plan_on <= d.due_on
  and ${papersGivenBy} >= ${documentKindKeys.length})`;

export const placementPapersGiven: Measure = {
  id: 'placements.plan-and-papers',
  title: 'Placement plan made and papers given to the carer within 5 working days',
  definition:
    'Of the placements whose 5-working-day deadline fell in the month (up to today, for the current month), the ' +
    'percentage with the placement plan made and each of the papers the carer is given (the referral, the risk ' +
    'assessment and the placement arrangements) recorded as given on or before the deadline. The deadline is the ' +
    '5th working day after the placement started (weekends and England and Wales bank holidays excluded). The ' +
    'signed delegated authority has its own measure. Placements that have ended since are still counted; Staying ' +
    'Put arrangements are not.',
  standard: `${PLACEMENT_PLAN_RULE}; NMS 11 (the carer given the information they need about the child)`,
  planTarget:
    'Target 8, action 8.2: the carer given the referral, risk assessment and placement arrangements, with placement ' +
    'meetings held within timescales',
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Plan made and papers given on time',
  missedLabel: 'Plan or papers late or missing',
  order: 41,
  ...dueInFiveDays(
    papersAndPlan,
    sql`coalesce('plan made ' || p.placement_plan_on::text, 'no plan recorded') || '; ' ||
      ${papersGivenBy} || ' of ' || ${documentKindKeys.length} || ' papers given by then'`,
  ),
};

export const placementMeasures: Measure[] = [
  delegatedAuthorityGiven,
  placementPapersGiven,
  referralsReturned,
  profileSeen,
  unplannedEndings,
  inHousePlacementRate,
  emergencyPlacementsInHouse,
];
