import { aliasedTable, and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { childScope } from '../../platform/access/scope.ts';
import { areas, users } from '../../platform/auth/tables.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { isUuid } from '../../platform/views/params.ts';
import { households } from '../households/tables.ts';
import { householdVisibleTo, visibleHouseholdIds } from '../households/scope.ts';
import { placements, referrals } from '../placements/tables.ts';
import { children } from './tables.ts';

/*
 * What other modules may use of children beside their tables: the conditions that say which
 * children a user may read, and the child as a viewer may read them.
 */

/** Referral statuses still in the team manager's hands (quality assurance, matching, placing). */
export const OPEN_REFERRAL_STATUSES = ['submitted', 'returned', 'accepted', 'matched'] as const;
const openStatuses = sql.join(
  OPEN_REFERRAL_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * The SQL condition on `children` for what a user may read. Fostering staff see the children
 * currently placed with households they may see; a children's social worker their allocated children.
 * A team manager also sees the children of their area with an open referral, so they can
 * quality-assure, match and place them.
 */
export function childVisibleTo(user: SignedInUser): SQL {
  const scope = childScope(user);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'area':
      return eq(children.areaId, scope.areaId);
    case 'allocated':
      return eq(children.allocatedSocialWorkerId, scope.userId);
    case 'household':
      return sql`exists (select 1 from ${placements} where ${placements.childId} = ${children.id}
        and ${placements.householdId} = ${scope.householdId} and ${placements.endDate} is null)`;
    case 'placed-with': {
      const placed = sql`exists (select 1 from ${placements} join ${households} on ${households.id} = ${placements.householdId}
        where ${placements.childId} = ${children.id} and ${placements.endDate} is null and ${householdVisibleTo(user)})`;
      if (user.role !== 'team_manager' || !user.areaId) return placed;
      return or(placed, openReferralInArea(user.areaId))!;
    }
    case 'team':
    case 'none':
      return sql`false`;
  }
}

/**
 * The ids of the children a user may read, as a subquery: the same children as childVisibleTo,
 * written for fostering staff so their children are found from the households they may read
 * (placements' open-placement index) and the area's open referrals, without reading every child.
 * For lists that filter other tables by child (the deadlines in My work).
 */
export function visibleChildIds(user: SignedInUser): SQL {
  const scope = childScope(user);
  if (scope.kind !== 'placed-with') return sql`select ${children.id} from ${children} where ${childVisibleTo(user)}`;
  const placed = sql`select ${placements.childId} from ${placements}
    where ${placements.endDate} is null and ${placements.householdId} in (${visibleHouseholdIds(user)})`;
  if (user.role !== 'team_manager' || !user.areaId) return placed;
  return sql`${placed}
    union all
    select ${referrals.childId} from ${referrals} join ${children} on ${children.id} = ${referrals.childId}
      where ${children.areaId} = ${user.areaId} and ${referrals.status} in (${openStatuses})`;
}

/** The child is in this area and has a referral a team manager is still working on. */
export function openReferralInArea(areaId: string): SQL {
  return sql`(${children.areaId} = ${areaId} and exists (select 1 from ${referrals}
    where ${referrals.childId} = ${children.id} and ${referrals.status} in (${openStatuses})))`;
}

const socialWorkers = aliasedTable(users, 'social_worker');

const childColumns = {
  id: children.id,
  reference: children.reference,
  firstName: children.firstName,
  lastName: children.lastName,
  preferredName: children.preferredName,
  dateOfBirth: children.dateOfBirth,
  gender: children.gender,
  ethnicity: children.ethnicity,
  legalStatus: children.legalStatus,
  lookedAfterSince: children.lookedAfterSince,
  leftCareOn: children.leftCareOn,
  leftCareReason: children.leftCareReason,
  leftCareDetails: children.leftCareDetails,
  deathNotifiedChiefInspectorOn: children.deathNotifiedChiefInspectorOn,
  deathNotifiedResponsibleAuthorityOn: children.deathNotifiedResponsibleAuthorityOn,
  deathNotifiedSecretaryOfStateOn: children.deathNotifiedSecretaryOfStateOn,
  deathNotifiedAreaAuthorityOn: children.deathNotifiedAreaAuthorityOn,
  deathNotifiedHealthBoardOn: children.deathNotifiedHealthBoardOn,
  areaId: children.areaId,
  areaName: areas.name,
  allocatedSocialWorkerId: children.allocatedSocialWorkerId,
  socialWorkerName: socialWorkers.displayName,
  disability: children.disability,
  uasc: children.uasc,
  cseRisk: children.cseRisk,
  missingRisk: children.missingRisk,
  schoolPostcode: children.schoolPostcode,
  updatedAt: children.updatedAt,
};

export type ChildRecord = Awaited<ReturnType<typeof childQuery>>[number];

export function childQuery(db: DbOrTx) {
  return db
    .select(childColumns)
    .from(children)
    .innerJoin(areas, eq(areas.id, children.areaId))
    .leftJoin(socialWorkers, eq(socialWorkers.id, children.allocatedSocialWorkerId));
}

/** One child, if the user may see them; null otherwise (out of scope looks the same as missing). */
export async function findChild(db: DbOrTx, user: SignedInUser, id: string): Promise<ChildRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await childQuery(db)
    .where(and(eq(children.id, id), childVisibleTo(user)))
    .limit(1);
  return row ?? null;
}
