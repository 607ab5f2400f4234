/**
 * Regulation 28(2) as Hearth counts it, in one place: the deadline, the child's page and the measure
 * all read the next visit due from these pieces of SQL, so they cannot disagree.
 *
 * The child's social worker visits within 1 week of the start of any placement; then at intervals
 * of not more than 6 weeks for the first year of the placement; thereafter, where the placement is
 * intended to last until the child is 18, at intervals of not more than 3 months, and in any other
 * case not more than 6 weeks. Hearth counts:
 * - only visits during the placement, and only those where the child was seen;
 * - the interval from the last such visit: 6 weeks when that visit was in the placement's first year
 *   (before its first anniversary); after that, 3 months for a long-term placement (the placement
 *   type that is intended to last until the child is 18) and 6 weeks for any other;
 * - no interval for Staying Put (the young person is an adult, no longer in care) or short breaks
 *   (regulation 48: visits at intervals agreed with the IRO and the child's parents).
 *
 * Regulation 28(4) instead, for a child placed with a connected person under temporary approval
 * (regulation 24): at least once a week until the child's first review, then at intervals of not
 * more than 4 weeks. Hearth counts it after a visit made while the approval stood (given, and not
 * yet ended nor given way to the household's approval as foster carers); the first review as due
 * by regulation 33(1), 20 working days after the child became looked after (a review already past
 * when the placement began leaves the 4 weeks). The first visit is within 1 week of the start, as
 * for every placement.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addWorkingDaysSql } from '../../platform/dates/working-days-sql.ts';
import { formatDate } from '../../platform/views/format.ts';
import { everyPlacementRow, placementRunningOn, type PlacementCondition } from '../placements/scope.ts';
import { VISITS_CITE } from './labels.ts';

/** Days from the start of a placement to the first visit, and between visits at 6 weeks. */
export const FIRST_VISIT_DAYS = 7;
export const SIX_WEEKS_DAYS = 42;
/** Months between visits to a child in a long-term placement after its first year. */
export const LONG_TERM_MONTHS = 3;
/** Regulation 28(4): weekly until the first review, then at most 4 weeks. */
export const WEEKLY_DAYS = 7;
export const FOUR_WEEKS_DAYS = 28;
/** Regulation 33(1): the first review within 20 working days of becoming looked after. */
export const FIRST_REVIEW_WORKING_DAYS = 20;

/** Placement types regulation 28(2) sets no interval for. */
export const UNTIMED_PLACEMENT_TYPES = ['staying_put', 'short_break'] as const;
const untimed = sql.raw(UNTIMED_PLACEMENT_TYPES.map((t) => `'${t}'`).join(', '));

/** Where the child is in the rule: no visit yet, or the interval from the last visit. */
export type VisitStage =
  'first' | 'first-year' | 'long-term' | 'six-weekly' | 'temporary-weekly' | 'temporary-four-weekly';

/** A placement (given its table's alias) regulation 28(2) times: not Staying Put nor a short break. */
export const timedType: PlacementCondition = (t) => sql`${t}.placement_type not in (${untimed})`;

/**
 * The child's first review as regulation 33(1) sets it (20 working days after coming into care),
 * for a placement `t` under a temporary approval (reg24_from), else null: looked up for those few.
 */
const firstReviewOn = (t: SQL) =>
  sql`case when ${t}.reg24_from is not null then ${addWorkingDaysSql(
    sql`(select c24.looked_after_since from children c24 where c24.id = ${t}.child_id)`,
    FIRST_REVIEW_WORKING_DAYS,
  )} end`;

/**
 * The placements regulation 28(2) times (everyPlacementRow of timedType, derived from the records)
 * as the table `pl`, with first_review_on (the child's first review, for a placement under
 * temporary approval).
 */
export function timedPlacements(
  where: PlacementCondition,
  agencyAlso?: PlacementCondition,
  options: { few?: boolean } = {},
): SQL {
  const u = sql.raw('u');
  const rows = everyPlacementRow((t) => sql`${timedType(t)} and ${where(t)}`, agencyAlso);
  // With `few` (one child's placements, chosen by `where`), the table is worked out on its own
  // (offset 0): otherwise PostgreSQL writes the first review's working-day count into each place
  // the next visit's rule reads it. With lastSeenVisit's own offset 0, planning the child page's
  // query fell from about 5 ms to 1 ms (the query runs in about 1 ms).
  return sql`(select u.*, ${firstReviewOn(u)} as first_review_on from (${rows}) u${options.few ? sql` offset 0` : sql``}) pl`;
}

/**
 * The same table `pl` read from the kept placements (kept_placements, the placements module's facts.ts, which holds every
 * placement: only those regulation 28(2) times are read), for a measure over the whole service,
 * with the child's child_reference, child_area_id and child_left_care_on: no join of every
 * placement to its household or its child. `where` and `agencyAlso` as for timedPlacements, given
 * the kept table's alias. The area a placement counts under is then `keptPlacementArea`.
 */
export function keptTimedPlacements(where: PlacementCondition, agencyAlso: PlacementCondition = () => sql`true`): SQL {
  const f = sql.raw('f');
  // Two branches, not one with "in-house or ...": an agency's condition (a not exists) stays an anti-join.
  const kind = (k: string, also: SQL) => sql`select f.kind, f.id, f.child_id, f.start_date, f.end_date,
      f.placement_type, f.team_id, f.area_id, f.restricted, f.placed_with, f.reg24_from, f.reg24_until,
      ${firstReviewOn(f)} as first_review_on, f.child_reference, f.child_area_id, f.child_left_care_on
    from kept_placements f where f.kind = ${k} and ${timedType(f)} and ${where(f)} and ${also}`;
  return sql`(${kind('in-house', sql`true`)} union all ${kind('agency', agencyAlso(f))}) pl`;
}

/** The area a placement `pl` counts under: its household's team's, or for an agency the child's (`c`) own. */
export const placementArea = sql`coalesce(pl.area_id, c.area_id)`;
/** The same for a kept placement (keptTimedPlacements), which carries its child's area. */
export const keptPlacementArea = sql`coalesce(pl.area_id, pl.child_area_id)`;

/** Not ended by the day: running on it, or starting after it (planned). */
export const notEndedBy =
  (day: string): PlacementCondition =>
  (t) =>
    sql`(${t}.end_date is null or ${t}.end_date > ${day}::date)`;

/** Running on the day: started on or before it, not ended by it (one ending that day is over). */
export const runningOn =
  (day: string): PlacementCondition =>
  (t) =>
    placementRunningOn(t, day);

/**
 * The last visit during the placement `pl` in which the child was seen (up to the day, when given),
 * as one value, or null. Read from the child's visits by date (a handful each).
 */
export const lastSeenOn = (upTo?: string) => sql`(select max(v.visited_on) from child_visits v
  where v.child_id = pl.child_id and v.child_seen and v.visited_on >= pl.start_date
    ${upTo ? sql`and v.visited_on <= ${upTo}::date` : sql``}
    and (case when pl.kind = 'in-house' then v.placement_id else v.agency_placement_id end) = pl.id)`;

/** `seen.last_on`: lastSeenOn, joined to each placement `pl`. */
export function lastSeenVisit(upTo?: string): SQL {
  // offset 0: worked out once per placement. Without it PostgreSQL writes the lookup into each of
  // the dozen places the next visit's rule reads seen.last_on, and plans each (5-10 ms a query).
  return sql`left join lateral (select ${lastSeenOn(upTo)} as last_on offset 0) seen on true`;
}

/** The placement a visit (v) was made during, in-house or with an agency, and which of the two. */
export const visitPlacement = sql`coalesce(v.placement_id, v.agency_placement_id)`;
export const visitPlacementKind = sql`case when v.placement_id is not null then 'in-house' else 'agency' end`;
const seenDuringPlacement = sql`seen.placement_id = pl.id and seen.kind = pl.kind and seen.last_on >= pl.start_date`;

/**
 * The same `seen.last_on` for every placement at once (a measure over the whole service): the visits
 * in which the child was seen, from `since` up to the day, grouped by the placement they belong to
 * (a visit is recorded against the placement the child lived in that day), read in one pass and
 * joined by hash rather than looked up placement by placement.
 */
export function lastSeenVisits(upTo: string, since: SQL): SQL {
  return sql`left join (
      select ${visitPlacementKind} as kind, ${visitPlacement} as placement_id, max(v.visited_on) as last_on
      from child_visits v
      where v.child_seen and v.visited_on <= ${upTo}::date and v.visited_on >= ${since}
      group by 1, 2
    ) seen on ${seenDuringPlacement}`;
}

/** The same from the kept facts (child_visit_facts): each placement's last visit up to now. */
export const keptLastSeenVisits = (): SQL =>
  sql`left join (select f.placement_id, f.kind, f.last_seen_on as last_on from child_visit_facts f) seen
    on ${seenDuringPlacement}`;

const inFirstYearFrom = (last: SQL) => sql`${last} < (pl.start_date + interval '1 year')::date`;
const inFirstYear = inFirstYearFrom(sql`seen.last_on`);

/** The last visit (a date) was made while the temporary approval of regulation 24 stood. */
const underReg24 = (last: SQL) =>
  sql`(pl.reg24_from is not null and ${last} >= pl.reg24_from and (pl.reg24_until is null or ${last} < pl.reg24_until))`;

/** The date the next visit is due, from `pl` and the last visit in which the child was seen (as a date). */
export const nextVisitDueFrom = (last: SQL) => sql`(case
    when ${last} is null then pl.start_date + ${sql.raw(String(FIRST_VISIT_DAYS))}
    when ${underReg24(last)} and ${last} < pl.first_review_on then ${last} + ${sql.raw(String(WEEKLY_DAYS))}
    when ${underReg24(last)} then ${last} + ${sql.raw(String(FOUR_WEEKS_DAYS))}
    when not (${inFirstYearFrom(last)}) and pl.placement_type = 'long_term'
      then (${last} + interval '${sql.raw(String(LONG_TERM_MONTHS))} months')::date
    else ${last} + ${sql.raw(String(SIX_WEEKS_DAYS))}
  end)`;

/** The date the next visit is due, from `pl` and `seen` (as a date). */
export const nextVisitDue = nextVisitDueFrom(sql`seen.last_on`);

/** Which part of the rule the next visit is due under (a VisitStage). */
export const visitStage = sql`(case
    when seen.last_on is null then 'first'
    when ${underReg24(sql`seen.last_on`)} and seen.last_on < pl.first_review_on then 'temporary-weekly'
    when ${underReg24(sql`seen.last_on`)} then 'temporary-four-weekly'
    when ${inFirstYear} then 'first-year'
    when pl.placement_type = 'long_term' then 'long-term'
    else 'six-weekly'
  end)`;

/** The rule the next visit is due under, in words, for the child's page. */
export function ruleInWords(
  stage: VisitStage,
  startDate: string,
  lastSeenOn: string | null,
  firstReviewOn: string | null = null,
): string {
  const last = lastSeenOn ? formatDate(lastSeenOn) : '';
  const review = firstReviewOn ? `, due by ${formatDate(firstReviewOn)}` : '';
  switch (stage) {
    case 'temporary-weekly':
      return `Within 1 week of the last visit, on ${last}: a child placed with a connected person under temporary approval is visited every week until their first review${review}.`;
    case 'temporary-four-weekly':
      return `Within 4 weeks of the last visit, on ${last}: a child placed with a connected person under temporary approval is visited at least every 4 weeks after their first review.`;
    case 'first':
      return `Within 1 week of the start of the placement on ${formatDate(startDate)}.`;
    case 'first-year':
      return `Within 6 weeks of the last visit, on ${last}: every 6 weeks in the first year of the placement.`;
    case 'long-term':
      return `Within 3 months of the last visit, on ${last}: after its first year, a long-term placement (intended to last until the child is 18) is visited at least every 3 months.`;
    case 'six-weekly':
      return `Within 6 weeks of the last visit, on ${last}: after its first year, a placement not intended to last until the child is 18 is still visited at least every 6 weeks.`;
  }
}

/** What a kept deadline says is outstanding (no dates of today: it is kept until the record changes). */
export function dueDetail(stage: VisitStage, startDate: string, lastSeenOn: string | null): string {
  if (stage === 'first' || !lastSeenOn) return `First visit of the placement that started on ${formatDate(startDate)}`;
  const every =
    {
      'long-term': 'every 3 months (long-term placement)',
      'temporary-weekly': 'every week until the first review (temporary approval)',
      'temporary-four-weekly': 'every 4 weeks (temporary approval)',
    }[stage as string] ?? 'every 6 weeks';
  return `Last seen on ${formatDate(lastSeenOn)}; ${every}`;
}

export { VISITS_CITE };
