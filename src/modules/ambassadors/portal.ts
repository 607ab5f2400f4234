/**
 * The carers' Carer Ambassador work on the portal home: who of them is an ambassador, since when,
 * and what they did this year, and a link to record what they did. Their own household only; the
 * view is audited.
 */
import { recordAudit } from '../../platform/audit/service.ts';
import { financialYearOf } from '../../platform/dates/quarters.ts';
import type { PageSectionContext } from '../../platform/views/page-sections.ts';
import { findVisibleHousehold } from '../households/scope.ts';
import { activityKindNames } from './labels.ts';
import { named } from '../../platform/views/format.ts';
import { portalActivityPath } from './paths.ts';
import { ambassadorsOfHousehold, ownAmbassadors } from './queries.ts';

export async function carerAmbassadorSection({ db, user, actor, today }: PageSectionContext<'portal-home'>) {
  const household = user.householdId ? await findVisibleHousehold(db, user, user.householdId) : null;
  if (!household) return null;
  const { ambassadors, activities } = await ambassadorsOfHousehold(db, household.id);
  const now = ambassadors.filter((a) => a.endedOn === null);
  if (!now.length) return null;
  await recordAudit(db, actor, {
    action: 'view',
    recordType: 'household',
    recordId: household.id,
    detail: { page: 'portal', section: 'ambassadors' },
  });
  const year = financialYearOf(today);
  return {
    ambassadors: now.map((a) => ({ name: a.carerName, since: a.startedOn })),
    recordHref: (await ownAmbassadors(db, household.id, user.id)).length ? portalActivityPath() : null,
    activities: activities
      .filter((x) => x.onDate >= year.start)
      .map((x) => ({ on: x.onDate, who: x.carerName, what: named(activityKindNames, x.kind) })),
  };
}
