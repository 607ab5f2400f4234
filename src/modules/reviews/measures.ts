/**
 * The annual review measures on the scorecard (Target 1 of the business plan: the child's voice in
 * carers' reviews; regulation 28). Each counts the reviews completed in the month (by the date of
 * the review meeting), one row per review, from an indexed range lookup.
 */
import { dateInWordsSql } from '../../platform/db/sql.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { Measure, Period } from '../../platform/measures/index.ts';
import { childrenFeelSafe, childrenListenedTo } from './children-say.ts';
import { approvedFrom, lastReview, reviewDueOn } from './next-due.ts';

const TARGET_1 =
  'Target 1, action 1.1: to increase the voice of the child within foster carer annual reviews (NMS 1.3); monthly recording on the fostering scorecard';
const REG_28 = 'Fostering Services (England) Regulations 2011, regulation 28 (review of approval)';

/** The reviews completed in the period (r), with their household (h) and team (t), matching `which`. */
function completedIn(period: Period, which: SQL = sql`true`): SQL {
  return sql`annual_reviews r
    join households h on h.id = r.household_id
    join teams t on t.id = h.team_id
    where r.status = 'completed' and r.reviewed_on between ${period.from}::date and ${period.asAt}::date and ${which}`;
}

/** A measure over completed reviews: `met` says whether a review counts, `detail` what the list shows. */
function reviewMeasure(which: SQL, met: (period: Period) => SQL, detail: SQL): Pick<Measure, 'count' | 'records'> {
  return {
    count(period) {
      return sql`select h.team_id, t.area_id, ${met(period)} as met from ${completedIn(period, which)}`;
    },
    records(period) {
      return sql`select 'annual-review' as record_type, r.id as record_id,
          h.name || ' (' || h.reference || '), reviewed on ' || ${dateInWordsSql(sql`r.reviewed_on`)} as label,
          '/reviews/' || r.id as href, h.team_id, t.area_id, ${met(period)} as met, ${detail} as detail,
          h.restricted, r.reviewed_on::text || ' ' || h.reference as sort_key
        from ${completedIn(period, which)}`;
    },
  };
}

/** Whether every child placed when the review started gave this kind of contribution. */
const everyChild = (kind: string) => sql`not exists (select 1 from review_children rc
  where rc.review_id = r.id and not exists (select 1 from review_contributions c
    where c.review_id = r.id and c.child_id = rc.child_id and c.kind = ${kind}))`;
const withChildren = sql`exists (select 1 from review_children rc where rc.review_id = r.id)`;
const childCounts = (kind: string) => sql`(select count(*) from review_contributions c
    where c.review_id = r.id and c.kind = ${kind})::text || ' of '
  || (select count(*) from review_children rc where rc.review_id = r.id)::text`;

export const reviewsOnTime: Measure = {
  id: 'reviews.on-time',
  title: 'Annual reviews on time',
  definition:
    'Of the annual reviews completed in the month (by the date of the review meeting), the percentage held on or ' +
    'before the date they were due: a year after approval for the first, then a year after the last review. Extra ' +
    'reviews (after an allegation, a complaint or a major change) are not counted.',
  standard: 'NMS 13 and ' + REG_28,
  planTarget: 'Target 4: the recording of foster carer annual reviews (NMS 25.2)',
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'On time',
  missedLabel: 'Late',
  order: 90,
  ...reviewMeasure(
    sql`r.kind = 'annual'`,
    () => sql`(r.due_on is null or r.reviewed_on <= r.due_on)`,
    sql`'Due by ' || ${dateInWordsSql(sql`r.due_on`)}`,
  ),
};

export const reviewsWithChildrensViews: Measure = {
  id: 'reviews.childrens-views',
  title: 'Reviews with every placed child’s views',
  definition:
    'Of the reviews completed in the month of households with a child placed when the review started, the ' +
    'percentage with the views of every one of those children (by their form or recorded from it).',
  standard: 'NMS 1.3 (children communicate their views on all aspects of their care)',
  planTarget: TARGET_1,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Every child’s views',
  missedLabel: 'A child’s views missing',
  order: 91,
  ...reviewMeasure(
    withChildren,
    () => everyChild('child_views'),
    sql`${childCounts('child_views')} || ' children gave their views'`,
  ),
};

export const reviewsWithSocialWorkerFeedback: Measure = {
  id: 'reviews.social-worker-feedback',
  title: 'Reviews with the children’s social workers’ feedback',
  definition:
    'Of the reviews completed in the month of households with a child placed when the review started, the ' +
    'percentage with feedback from the social worker of every one of those children.',
  standard: 'NMS 1.3; ' + REG_28,
  planTarget: TARGET_1,
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Feedback for every child',
  missedLabel: 'Feedback missing',
  order: 92,
  ...reviewMeasure(
    withChildren,
    () => everyChild('social_worker_feedback'),
    sql`${childCounts('social_worker_feedback')} || ' social workers gave feedback'`,
  ),
};

export const firstReviewsToPanel: Measure = {
  id: 'reviews.first-to-panel',
  title: 'First reviews presented to panel',
  definition:
    'Of the first reviews since approval completed in the month, the percentage presented to the fostering panel by ' +
    'the end of the month (or today, for the current month). The first review always goes to panel.',
  standard: 'NMS 14 (fostering panels); ' + REG_28,
  planTarget: 'Target 4: the recording of foster carer annual reviews and panel reports (NMS 25.2)',
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Presented to panel',
  missedLabel: 'Not yet presented',
  order: 93,
  ...reviewMeasure(
    sql`r.first_review`,
    (period) => sql`coalesce(r.presented_to_panel_on <= ${period.asAt}::date, false)`,
    sql`coalesce('Presented on ' || ${dateInWordsSql(sql`r.presented_to_panel_on`)}, 'To panel')`,
  ),
};

/**
 * The households on hold or inactive on the day (h, with its team t, its pause p and its last
 * review up to the day), from their dated status history.
 */
function pausedOn(day: string): SQL {
  return sql`household_status_periods p
    join households h on h.id = p.household_id
    join teams t on t.id = h.team_id
    ${lastReview(day)}
    where p.status in ('on_hold', 'inactive') and p.from_on <= ${day}::date
      and (p.to_on is null or p.to_on > ${day}::date)`;
}

const pauseWords = sql`case p.status when 'on_hold' then 'On hold' else 'Inactive' end || ' since '
  || ${dateInWordsSql(sql`p.from_on`)} || '; '
  || coalesce('last review on ' || ${dateInWordsSql(sql`last.reviewed_on`)},
    'no review since approval on ' || ${dateInWordsSql(approvedFrom)})
  || '; next due by ' || ${dateInWordsSql(reviewDueOn)}`;

export const pausedHouseholdsReviewed: Measure = {
  id: 'reviews.paused-households-reviewed',
  title: 'Households on hold or inactive with their approval reviewed in time',
  definition:
    'Of the households on hold or inactive at the end of the month (or today, for the current month), whose ' +
    'approval as foster carers stands through the break, the percentage whose review of approval was not overdue ' +
    'that day: the first within a year of approval, then each within a year of the last review, whether held as the ' +
    'annual review or sooner as an extra review. A review due on the day itself is not yet overdue. Taken from each ' +
    'household’s dated status history, and the reviews completed by that day.',
  standard: REG_28 + '; NMS 13.1 (sufficient foster carers)',
  planTarget:
    'Target 3, action 3.1: review carers who are not available, deregister where right or use the “on hold” policy, to make the most of in-house vacancies',
  unit: 'percentage',
  target: 100,
  direction: 'higher',
  amberMargin: 10,
  metLabel: 'Reviewed in time',
  missedLabel: 'Review overdue',
  order: 89,
  count(period: Period) {
    return sql`select h.team_id, t.area_id, ${reviewDueOn} >= ${period.asAt}::date as met from ${pausedOn(period.asAt)}`;
  },
  records(period: Period) {
    return sql`select 'household' as record_type, h.id as record_id, h.name || ' (' || h.reference || ')' as label,
        '/households/' || h.id || '/reviews' as href, h.team_id, t.area_id,
        ${reviewDueOn} >= ${period.asAt}::date as met, ${pauseWords} as detail, h.restricted,
        h.reference as sort_key
      from ${pausedOn(period.asAt)}`;
  },
};

export const reviewMeasures: Measure[] = [
  childrenFeelSafe,
  childrenListenedTo,
  pausedHouseholdsReviewed,
  reviewsOnTime,
  reviewsWithChildrensViews,
  reviewsWithSocialWorkerFeedback,
  firstReviewsToPanel,
];
