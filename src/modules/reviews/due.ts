/**
 * The deadlines of annual reviews in My work: each approved household's next review (regulation
 * 28), and each link sent for a child's views or a social worker's feedback and not returned
 * (chased after 7 days, the manager told after 14: a local target). Items are shown to those who
 * may see the household.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../platform/access/roles.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { queryRows } from '../../platform/db/sql.ts';
import { recordsIn, type KeptDueItem } from '../../platform/due/index.ts';
import type { DueRule } from '../../platform/due/rule.ts';
import { householdDueItem, type HouseholdDueRow } from '../../platform/due/household-item.ts';
import { approvalStandsSql } from '../households/scope.ts';
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

/** A date in words, as pages write it: 1 December 2026. */
const inWords = (date: SQL) => sql`to_char(${date}, 'FMDD FMMonth YYYY')`;

/** For a household on hold or inactive, since when (its approval stands through the pause). */
const pausedSince = sql`case h.status when 'on_hold' then '; on hold since ' || ${inWords(sql`h.status_since`)}
  when 'inactive' then '; inactive since ' || ${inWords(sql`h.status_since`)} else '' end`;

async function reviewDue(db: DbOrTx, ids: readonly string[] | null): Promise<KeptDueItem[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select h.id as record_id, h.id as household_id, h.name || ' (' || h.reference || ')' as label,
        to_char(${reviewDueOn}, 'YYYY-MM-DD') as due_on,
        case when o.id is not null then 'Review started on ' || ${inWords(sql`o.started_on`)}
          when last.reviewed_on is null then 'First review since approval on ' || ${inWords(approvedFrom)}
          else 'Last review on ' || ${inWords(sql`last.reviewed_on`)} end || ${pausedSince} as detail,
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
        'Asked for on ' || ${inWords(sql`l.requested_on`)}
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
];
