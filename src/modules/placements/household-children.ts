/**
 * The children placed with a household now, for the household's page: each within the viewer's
 * own access to that child's placement (a children's social worker sees only their own child's row).
 */
import { aliasedTable, and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import { users } from '../../platform/auth/tables.ts';
import { ageOn, type IsoDate } from '../../platform/dates/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { children } from '../children/tables.ts';
import { households } from '../households/tables.ts';
import { delegatedAuthorityStatus, delegatedAuthorityStatuses, isStayingPut } from './labels.ts';
import { placementVisibleTo } from './scope.ts';
import { delegatedAuthorities, placements } from './tables.ts';

const socialWorkers = aliasedTable(users, 'social_worker');

/** The children placed with the household today that this user may see, longest placed first. */
export async function childrenPlacedWith(db: DbOrTx, user: SignedInUser, householdId: string, today: IsoDate) {
  const rows = await db
    .select({
      placementId: placements.id,
      childId: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      since: placements.startDate,
      placementType: placements.placementType,
      placementPlanOn: placements.placementPlanOn,
      socialWorkerName: socialWorkers.displayName,
      daId: delegatedAuthorities.id,
      daSignedOn: delegatedAuthorities.signedOn,
      daCopyGivenOn: delegatedAuthorities.copyGivenToCarerOn,
    })
    .from(placements)
    .innerJoin(children, eq(children.id, placements.childId))
    .innerJoin(households, eq(households.id, placements.householdId))
    .leftJoin(socialWorkers, eq(socialWorkers.id, children.allocatedSocialWorkerId))
    .leftJoin(delegatedAuthorities, eq(delegatedAuthorities.placementId, placements.id))
    .where(
      and(
        eq(placements.householdId, householdId),
        lte(placements.startDate, today),
        or(isNull(placements.endDate), gt(placements.endDate, today)),
        placementVisibleTo(user),
      ),
    )
    .orderBy(asc(placements.startDate), asc(children.lastName), asc(children.firstName));
  return rows.map((r) => ({
    placementId: r.placementId,
    childId: r.childId,
    name: `${r.firstName} ${r.lastName}`,
    age: ageOn(r.dateOfBirth, today),
    since: r.since,
    placementType: r.placementType,
    socialWorkerName: r.socialWorkerName,
    delegatedAuthority:
      delegatedAuthorityStatuses[
        delegatedAuthorityStatus(r, { id: r.daId, signedOn: r.daSignedOn, copyGivenToCarerOn: r.daCopyGivenOn })
      ],
    placementPlanOn: r.placementPlanOn,
    stayingPut: isStayingPut(r),
  }));
}
