/** What the pages of one placement share: the child's name, the breadcrumbs, and the placement a user may change. */
import type { SignedInUser } from '../../platform/auth/sessions.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { childPath } from '../children/paths.ts';
import { placementPath } from './paths.ts';
import { findPlacement, type PlacementRecord } from './queries.ts';
import { canChangePlacement } from './scope.ts';

export const placedChildName = (p: PlacementRecord) => `${p.childFirstName} ${p.childLastName}`;

/** Children › the child › the placement. */
export const placementCrumbs = (p: PlacementRecord) => [
  { text: 'Children', href: '/children' },
  { text: placedChildName(p), href: childPath(p.childId) },
  { text: `Placement with ${p.householdName}`, href: placementPath(p.id) },
];

/** The placement, if the user may see and change it; null otherwise (a 404). */
export async function changeablePlacement(db: DbOrTx, user: SignedInUser, id: string) {
  const placement = await findPlacement(db, user, id);
  return placement && canChangePlacement(user, placement) ? placement : null;
}
