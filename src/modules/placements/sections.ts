/**
 * What the placements module shows on other modules' pages (declared as `pageSections` in its
 * entry): the referrals waiting on the viewer on My work, the children placed with a household on
 * its page, a child's placements with independent fostering agencies on the child's page, and the
 * children placed with a carer on the portal home. Each is read within the viewer's own access;
 * the host page audits the view of its own record.
 */
import { named } from '../../platform/views/format.ts';
import { can } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';

import { agencyPlacementsOfChild, canChangeAgencyPlacement } from './agency.ts';
import { childrenPlacedWith } from './household-children.ts';
import { placementTypes } from './labels.ts';
import { delegatedAuthorityView, documentRows } from './present.ts';
import { paperworkOf } from './queries.ts';
import { referralsWaitingOn } from './waiting.ts';

/** My work: the referrals waiting for this reviewer, or returned to this social worker; null for other roles. */
export async function referralsWaitingSection({ db, user, today }: PageSectionContext<'my-work'>) {
  return referralsWaitingOn(db, user, today);
}

/**
 * The household's page: the children placed there now that this viewer may see, and how many are
 * placed in all (so the page can say that others are placed whose records the viewer cannot open).
 */
export async function householdChildrenSection({ db, user, record, today }: PageSectionContext<'household'>) {
  // Each child's name links to their record and placement only for those who may open them (a payments
  // officer sees who is placed, not the child's record).
  const links = can(user.role, 'children.view');
  return { children: await childrenPlacedWith(db, user, record.id, today), placed: record.placed, links };
}

/**
 * The child's page (scoped already): the child's agency placements, newest first, the open one,
 * and which this viewer may end (or, once ended, correct the ending of) and put right as recorded (the agency, start
 * date and type); null when the child has never been placed with an agency.
 */
export async function childAgencySection({ db, user, record }: PageSectionContext<'child'>) {
  const rows = await agencyPlacementsOfChild(db, record.id);
  if (rows.length === 0) return null;
  const mayEnd = canChangeAgencyPlacement(user, {
    childSocialWorkerId: record.allocatedSocialWorkerId,
    childAreaId: record.areaId,
  });
  const placements = rows.map((p) => ({
    ...p,
    typeText: named(placementTypes, p.placementType),
    canEnd: mayEnd && p.endDate === null,
    canCorrect: mayEnd && p.endDate !== null,
    canChangeStart: mayEnd,
  }));
  return { placements, current: placements.find((p) => p.endDate === null) ?? null };
}

/**
 * The carer's portal home: the children placed with their own household now, each with the
 * documents the carer was given and the delegated authority (who decides what). Each placement's
 * view is audited. Null when no child is placed with them.
 */
export async function carerChildrenSection({ db, user, actor, today }: PageSectionContext<'portal-home'>) {
  if (!user.householdId) return null;
  const placed = await childrenPlacedWith(db, user, user.householdId, today);
  if (placed.length === 0) return null;
  const { documents, authorities } = await paperworkOf(
    db,
    placed.map((child) => child.placementId),
  );
  const children = [];
  for (const child of placed) {
    await recordAudit(db, actor, {
      action: 'view',
      recordType: 'placement',
      recordId: child.placementId,
      detail: { page: 'portal' },
    });
    children.push({
      ...child,
      documents: documentRows(documents.get(child.placementId) ?? []),
      authority: delegatedAuthorityView(child, authorities.get(child.placementId) ?? null),
    });
  }
  return { children };
}
