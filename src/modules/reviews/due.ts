/**
 * The deadlines of annual reviews in My work: each approved household's next review (regulation
 * 28), and each link sent for a child's views or a social worker's feedback and not returned
 * (chased after 7 days, the manager told after 14: a local target). Items are shown to those who
 * may see the household.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { dateInWordsSql, queryRows } from '../../platform/db/sql.ts';
import type { IsoDate } from '../../platform/dates/index.ts';
import { recordsIn, type KeptDueItem } from '../../platform/due/index.ts';
import type { DueRule } from '../../platform/due/rule.ts';
import { householdDueItem, type HouseholdDueRow } from '../../platform/due/household-item.ts';
import { approvalStandsSql } from '../households/scope.ts';
import { childInCarePlacement } from '../placements/scope.ts';
import { householdSupervisionPath } from '../supervision/paths.ts';
import { approvedFrom, lastReview, reviewDueOn } from './next-due.ts';
import { MANAGER_AFTER_DAYS } from './settings.ts';

const audience: readonly Role[] = [
  'head_of_fostering',
  'assistant_director',
  'service_manager',
  'team_manager',
  'supervising_social_worker',
  'reviewing_officer',
];

const REG_28 =
  'Fostering Services (England) Regulations 2011, regulation 28 (review of approval: at intervals of not more than a year)';

type Row = HouseholdDueRow;

/** For a household on hold or inactive, since when (its approval stands through the pause). */
const pausedSince = sql`case h.status when 'on_hold' then '; on hold since ' || ${dateInWordsSql(sql`h.status_since`)}
  when 'inactive' then '; inactive since ' || ${dateInWordsSql(sql`h.status_since`)} else '' end`;

async function reviewDue(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select h.id as record_id, h.id as household_id, h.name || ' (' || h.reference || ')' as label,
        to_char(${reviewDueOn}, 'YYYY-MM-DD') as due_on,
        case when o.id is not null then 'Review started on ' || ${dateInWordsSql(sql`o.started_on`)}
          when last.reviewed_on is null then 'First review since approval on ' || ${dateInWordsSql(approvedFrom)}
          else 'Last review on ' || ${dateInWordsSql(sql`last.reviewed_on`)} end || ${pausedSince} as detail,
        h.team_id, t.area_id, o.reviewing_officer_id as owner_id,
        '/households/' || h.id || '/reviews' as href
      from households h
      join teams t on t.id = h.team_id
      ${lastReview()}
      left join annual_reviews o on o.household_id = h.id and o.status = 'gathering'
      where ${approvalStandsSql} and ${recordsIn(sql`h.id`, ids)}`,
  );
  return rows.map(householdDueItem);
}

async function feedbackReturned(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select l.id as record_id, h.id as household_id,
        case when l.kind = 'child_views' then l.recipient || '’s views' else 'Feedback from ' || l.recipient end
          || ' for the review of ' || h.name || ' (' || h.reference || ')' as label,
        to_char(l.requested_on + ${MANAGER_AFTER_DAYS}::int, 'YYYY-MM-DD') as due_on,
        'Asked for on ' || ${dateInWordsSql(sql`l.requested_on`)}
          || case when l.reminded_at is not null then '; reminder sent' else '' end as detail,
        to_char((l.expires_at at time zone 'Europe/London')::date, 'YYYY-MM-DD') as shown_until,
        h.team_id, t.area_id, l.requested_by as owner_id, '/reviews/' || r.id as href
      from review_links l
      join annual_reviews r on r.id = l.review_id and r.status = 'gathering'
      join households h on h.id = r.household_id
      join teams t on t.id = h.team_id
      where l.used_at is null and l.withdrawn_at is null and ${recordsIn(sql`l.id`, ids)}`,
  );
  return rows.map(householdDueItem);
}

/** How long before a review falls due a child's supervision counts as seeing them for it (local practice). */
export const SEEN_BEFORE_REVIEW_MONTHS = 3;

/**
 * Each child placed with a household whose approval stands (a placement not ended before today; not
 * Staying Put, where the young person is an adult), due on the day the household's review is due,
 * shown from 3 months before it (or the start of the placement): gone once the supervising social
 * worker has seen the child at a finalised supervision there in those 3 months, so the review has
 * the child's views at first hand (regulation 28(3)).
 */
async function childSeenBeforeReview(
  db: DbOrTx,
  ids: readonly string[] | null,
  today: IsoDate,
): Promise<KeptDueItem[]> {
  const opens = sql`(${reviewDueOn} - ${SEEN_BEFORE_REVIEW_MONTHS} * interval '1 month')::date`;
  const rows = await queryRows<Omit<Row, 'href'>>(
    db,
    sql`select c.id as record_id, h.id as household_id,
        c.first_name || ' ' || c.last_name || ' (' || c.reference || '), placed with '
          || h.name || ' (' || h.reference || ')' as label,
        to_char(${reviewDueOn}, 'YYYY-MM-DD') as due_on,
        'Review due on ' || ${dateInWordsSql(reviewDueOn)} || case when seen.visit_date is null
          then '; not seen at a supervision since placed on ' || ${dateInWordsSql(sql`p.start_date`)}
          else '; last seen on ' || ${dateInWordsSql(sql`seen.visit_date`)} end as detail,
        to_char(greatest(${opens}, p.start_date), 'YYYY-MM-DD') as shown_from,
        to_char(p.end_date + 1, 'YYYY-MM-DD') as shown_until,
        h.team_id, t.area_id, h.allocated_ssw_id as owner_id
      from households h
      join teams t on t.id = h.team_id
      ${lastReview()}
      join placements p on p.household_id = h.id
      join children c on c.id = p.child_id
      left join lateral (select max(s.visit_date) as visit_date from supervision_children sc
        join supervisions s on s.id = sc.supervision_id
        where sc.child_id = c.id and sc.seen in ('seen', 'seen_alone')
          and s.household_id = h.id and s.status = 'final') seen on true
      where ${approvalStandsSql} and ${recordsIn(sql`c.id`, ids)}
        and (p.end_date is null or p.end_date >= ${today}) and ${childInCarePlacement('p')}
        and (seen.visit_date is null or seen.visit_date < ${opens})`,
  );
  // Scoped by the child too: the label names them, so only those who may read the child are shown it.
  return rows.map((row) => ({
    ...householdDueItem({ ...row, href: householdSupervisionPath(row.household_id) }),
    childId: row.record_id,
  }));
}

/** The children placed with households, given changes to records of the kinds that move their items. */
const placedChildren = (where: (ids: SQL) => SQL) => (ids: SQL) =>
  sql`select p.child_id from placements p where ${where(ids)}`;

export const reviewDueRules: DueRule[] = [
  {
    id: 'reviews.review-due',
    title: 'Annual review of approval',
    cites: REG_28,
    countsFrom:
      'the date of the household’s last completed review since its approval (or the approval itself, for the first review), also while it is on hold or inactive',
    period: 'within 12 months',
    audience,
    recordType: 'household',
    // 2: households on hold or inactive too (their approval stands).
    version: 2,
    affectedBy: {
      'annual-review': (ids) => sql`select household_id from annual_reviews where id in ${ids}`,
    },
    compute: reviewDue,
  },
  {
    id: 'reviews.feedback-returned',
    title: 'Views or feedback asked for an annual review',
    cites: `${REG_28}; local target: a reminder after 7 days, the requester’s manager told after 14`,
    countsFrom:
      'the day a link for a child’s views or their social worker’s feedback was made (until it is used or expires)',
    period: 'within 14 days',
    audience,
    recordType: 'review-link',
    affectedBy: {
      'annual-review': (ids) => sql`select id from review_links where review_id in ${ids}`,
    },
    compute: feedbackReturned,
  },
  {
    id: 'reviews.child-seen-before-review',
    title: 'Placed child seen before the annual review',
    cites: `${REG_28}, paragraph (3) (the views of any child placed, subject to age and understanding); Fostering Services: National Minimum Standards (2011), standard 21.8 (the supervising social worker sees each child in placement); local practice: seen in the ${SEEN_BEFORE_REVIEW_MONTHS} months before the review`,
    countsFrom:
      'the day each household’s annual review falls due, for each child placed there; met by a finalised supervision at which the child was seen in the 3 months before',
    period: 'by the day the review is due',
    audience,
    recordType: 'child',
    affectedBy: {
      placement: placedChildren((ids) => sql`p.id in ${ids}`),
      household: placedChildren((ids) => sql`p.household_id in ${ids}`),
      supervision: placedChildren(
        (ids) => sql`p.household_id in (select s.household_id from supervisions s where s.id in ${ids})`,
      ),
      'annual-review': placedChildren(
        (ids) => sql`p.household_id in (select r.household_id from annual_reviews r where r.id in ${ids})`,
      ),
    },
    compute: childSeenBeforeReview,
  },
];
