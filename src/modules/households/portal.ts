/**
 * What the households module shows on the carer's portal home (declared as `pageSections` in its
 * entry): the household's approval, its terms and the skill level that sets the carers' fee, and
 * the changes in the household they have told the service about.
 */
import { recordAudit } from '../../platform/audit/service.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { skillLevelName, statusName } from './labels.ts';
import { findVisibleHousehold } from './scope.ts';
import { changeNoticeText, changeNoticesOf } from './change-notices.ts';
import { portalChangePath } from './paths.ts';

/** The carer's own household's approval and payment level; the view is audited. Null without a household. */
export async function carerApprovalSection({ db, user, actor }: PageSectionContext<'portal-home'>) {
  const household = user.householdId ? await findVisibleHousehold(db, user, user.householdId) : null;
  if (!household) return null;
  await recordAudit(db, actor, {
    action: 'view',
    recordType: 'household',
    recordId: household.id,
    detail: { page: 'portal', section: 'approval' },
  });
  const places = household.approvedPlaces;
  const notices = await changeNoticesOf(db, household.id);
  return {
    changes: notices.slice(0, 5).map((n) => ({
      text: changeNoticeText(n),
      toldOn: n.toldOn,
      dealtWithOn: n.dealtWithOn,
    })),
    tellPath: portalChangePath,
    statusName: statusName(household.status),
    since: household.statusSince,
    approvedOn: household.approvedOn,
    terms:
      places > 0
        ? `Up to ${places} ${places === 1 ? 'child' : 'children'} aged ${household.ageMin} to ${household.ageMax}`
        : `Children aged ${household.ageMin} to ${household.ageMax}`,
    skillName: skillLevelName(household.skillLevel),
    sswName: household.sswName,
  };
}
