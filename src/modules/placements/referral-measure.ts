import { sql, type SQL } from 'drizzle-orm';
import { dateInWordsSql } from '../../platform/db/sql.ts';
import { type Measure, type Period } from '../../platform/measures/index.ts';

/**
 * The review decisions made on referrals in the period: each time a manager returned a referral
 * for more work or accepted it (e), with the referral (r), its child (c), the reviewer (u) and the
 * reviewer's team (t). A decision counts under the reviewer's team and that team's area; a
 * reviewer with no team (a service manager, the head of fostering) counts under the child's area.
 */
function reviewsIn(period: Period): SQL {
  return sql`referral_events e
    join referrals r on r.id = e.referral_id
    join children c on c.id = r.child_id
    left join users u on u.id = e.by_user_id
    left join teams t on t.id = u.team_id
    where e.kind in ('returned', 'accepted')
      and (e.at at time zone 'Europe/London')::date between ${period.from}::date and ${period.asAt}::date`;
}

const returned = sql`(e.kind = 'returned')`;
const areaOf = sql`coalesce(t.area_id, c.area_id)`;

export const referralsReturned: Measure = {
  id: 'placements.referrals-returned',
  title: 'Referrals returned for quality',
  definition:
    'Of the referrals a manager reviewed in the month (up to today, for the current month), the percentage ' +
    'returned to the child’s social worker because the referral was not good enough to match from. Each ' +
    'decision is counted: a referral returned, put right and then accepted in the month counts twice, once ' +
    'returned and once accepted. A decision counts under the team of the manager who made it; a decision by ' +
    'a manager with no team counts under the child’s area only. Lower is better. The plan sets no figure: ' +
    'a target of 20% or fewer is the scorecard’s starting point, for the service to set.',
  standard: 'NMS 11 (preparation for placement): carers are given full information about the child',
  planTarget:
    'Target 8, action 8.2: referrals quality assured at the point of referral and returned to children’s ' +
    'social workers if not of good quality, audited monthly',
  unit: 'percentage',
  target: 20,
  direction: 'lower',
  amberMargin: 10,
  metLabel: 'Returned for quality',
  missedLabel: 'Accepted',
  order: 45,
  count(period: Period) {
    return sql`select t.id as team_id, ${areaOf} as area_id, ${returned} as met from ${reviewsIn(period)}`;
  },
  records(period: Period) {
    return sql`select 'referral' as record_type, r.id as record_id,
        c.first_name || ' ' || c.last_name || ' (' || c.reference || ')' as label, '/referrals/' || r.id as href,
        t.id as team_id, ${areaOf} as area_id, ${returned} as met,
        case when e.kind = 'returned' then 'Returned' else 'Accepted' end || ' on ' ||
          ${dateInWordsSql(sql`(e.at at time zone 'Europe/London')::date`)} ||
          coalesce(' by ' || u.display_name, '') as detail,
        false as restricted, to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS') || ' ' || c.reference as sort_key
      from ${reviewsIn(period)}`;
  },
};
