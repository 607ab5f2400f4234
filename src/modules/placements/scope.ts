import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { can } from '../../platform/access/policy.ts';
import { readsWholeHousehold } from '../../platform/access/scope.ts';
import { teams } from '../../platform/auth/tables.ts';
import { childVisibleTo } from '../children/scope.ts';
import { children } from '../children/tables.ts';
import { householdVisibleTo } from '../households/scope.ts';
import { households } from '../households/tables.ts';
import { placements } from './tables.ts';

/**
 * Who may read referrals and placements. A referral is read with its child: whoever may see the
 * child, and the managers who quality-assure referrals for the child's area (head of fostering:
 * all). Queries using these join `children` (and `households` for placements).
 */
export function referralVisibleTo(user: SignedInUser): SQL {
  const ofChild = childVisibleTo(user);
  if (!can(user.role, 'referrals.review')) return ofChild;
  if (user.role === 'head_of_fostering') return sql`true`;
  if (!user.areaId) return ofChild;
  // The area first: PostgreSQL tries the arms in order, so the child's placements are looked up
  // only for children of other areas.
  return or(eq(children.areaId, user.areaId), ofChild)!;
}

/**
 * A placement is visible through its child, and through the household it is (or was) with only to
 * those who read that household in full: a children's social worker who sees a household because
 * their child lives there does not open the placements of the other children in it. A carer sees
 * the placements with their own household, never a child's placements with other carers.
 */
export function placementVisibleTo(user: SignedInUser): SQL {
  if (user.role === 'foster_carer') {
    return user.householdId ? eq(placements.householdId, user.householdId) : sql`false`;
  }
  if (!readsWholeHousehold(user)) return childVisibleTo(user);
  return or(childVisibleTo(user), householdVisibleTo(user))!;
}

/** The facts about a placement that decide who may change it. */
export interface PlacementParties {
  childSocialWorkerId: string | null;
  childAreaId: string;
  householdTeamId: string;
  householdAreaId: string;
  householdSswId: string | null;
}

/**
 * Who may record a placement's paperwork, delegated authority and ending: the child's social
 * worker, the household's supervising social worker, the household's team manager, the service
 * manager of the child's or household's area, and the head of fostering.
 */
export function canChangePlacement(user: SignedInUser, p: PlacementParties): boolean {
  return can(user.role, 'placements.change') && isPartyTo(user, p);
}

/**
 * Whether the user is one of those who answer for a child's placement: the child's social worker,
 * the household's supervising social worker, the household's team manager (or the child's area's),
 * the service manager of the child's or household's area, or the head of fostering. Other records
 * of the placement (a child missing from it) are changed by the same people.
 */
export function isPartyTo(user: SignedInUser, p: PlacementParties): boolean {
  switch (user.role) {
    case 'head_of_fostering':
      return true;
    case 'service_manager':
      return user.areaId !== null && (user.areaId === p.householdAreaId || user.areaId === p.childAreaId);
    case 'team_manager':
      return user.teamId === p.householdTeamId || (user.areaId !== null && user.areaId === p.childAreaId);
    case 'supervising_social_worker':
      return p.householdSswId === user.id;
    case 'childrens_social_worker':
      return p.childSocialWorkerId === user.id;
    default:
      return false;
  }
}

/** SQL: the household's area, via its team (for joins that need it). */
export const householdAreaId = sql<string>`(select ${teams.areaId} from ${teams} where ${teams.id} = ${households.teamId})`;

/**
 * A placement (given its table's alias: 'p', or a kept placement's) running on the day: started on
 * or before it and not ended by it. A placement ends on the day the child leaves it, so on the day
 * of a move the child is placed with their new carers only. Every "placed on the day" in Hearth's
 * pages, measures and reports reads this, so a household's children on a day are the same
 * everywhere. (A visit recorded on the day a placement ended still belongs to it: that lookup is
 * the child visits module's own.)
 */
export function placementRunningOn(alias: string | SQL, day: string | SQL): SQL {
  const t = typeof alias === 'string' ? sql.raw(alias) : alias;
  const on = typeof day === 'string' ? sql`${day}::date` : day;
  return sql`(${t}.start_date <= ${on} and (${t}.end_date is null or ${t}.end_date > ${on}))`;
}

/**
 * A placement of a child in care (given its table's alias): not a Staying Put arrangement, where the
 * young person is an adult who has left care and stays on with their former carers. Every count of
 * children placed leaves those out; a household's vacancies do not (the young person still has the
 * room).
 */
export function childInCarePlacement(alias: string | SQL): SQL {
  const t = typeof alias === 'string' ? sql.raw(alias) : alias;
  return sql`${t}.placement_type <> 'staying_put'`;
}

/** A condition on a placements table, given its alias ('p' for the service's, 'a' for an agency's). */
export type PlacementCondition = (alias: SQL) => SQL;

/**
 * Every placement, in-house and with agencies, one row each: kind ('in-house' or 'agency'), id,
 * child_id, start_date, end_date, placement_type, team_id (the household's; none for an agency),
 * area_id (the household's team's; none for an agency, whose children count under their own area:
 * `placementArea`, with the child joined as `c`), restricted (the household's), placed_with (the
 * household's or the agency's name), and for regulation 28(4) reg24_from (the day the connected
 * person's temporary approval for the child was given) and reg24_until (the day it ended or gave
 * way to full approval; null while it stands), both null without a temporary approval. `where`
 * picks the placements (given each table's alias: 'p' for the service's, 'a' for an agency's);
 * `agencyAlso` is a further condition on an agency's. These are the columns the kept table
 * kept_placements holds (facts.ts).
 */
export function everyPlacementRow(where: PlacementCondition, agencyAlso: PlacementCondition = () => sql`true`): SQL {
  const p = sql.raw('p');
  const a = sql.raw('a');
  return sql`select 'in-house'::text as kind, p.id, p.child_id, p.start_date, p.end_date, p.placement_type,
      h.team_id, t.area_id, h.restricted, h.name as placed_with,
      ta.approved_on as reg24_from,
      least(ta.ended_on, case when h.approved_on >= ta.approved_on then h.approved_on end) as reg24_until
    from placements p join households h on h.id = p.household_id join teams t on t.id = h.team_id
      -- The latest temporary approval of the household for the child (a handful in the service).
      left join (select distinct on (x.household_id, x.child_id) x.household_id, x.child_id, x.approved_on, x.ended_on
        from temporary_approvals x order by x.household_id, x.child_id, x.approved_on desc) ta
        on ta.household_id = p.household_id and ta.child_id = p.child_id
    where ${where(p)}
    union all
    select 'agency'::text, a.id, a.child_id, a.start_date, a.end_date, a.placement_type,
      null::uuid, null::uuid, false, a.agency_name, null::date, null::date
    from agency_placements a
    where ${where(a)} and ${agencyAlso(a)}`;
}
